/**
 * ingest: a file path → source documents. Reads .txt, .md, .pdf, PubTator, PubMed XML
 * (.xml, .xml.gz), BioC XML/JSON and JATS (.nxml) files (src/ingest/structured.ts); anything
 * else, or a file that is empty, binary or unparsable, raises an IngestError naming the file.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestError, type SourceDocument, type SourceFormat } from './document.js';
import { extractPdfText } from './pdf.js';
import { looksLikePubtator, parsePubtator, pubtatorText } from './pubtator.js';
import { ingestStructured, structuredKindOf } from './structured.js';

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown', '.pdf': 'pdf',
  '.pubtator': 'pubtator',
};

/** Which format a path is read as, or undefined when we do not read it. */
export function formatOf(file: string): SourceFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.pubtator.txt') || lower.endsWith('.pubtator')) return 'pubtator';
  return FORMATS[path.extname(lower)];
}

/** Input files under a directory (or the file itself), sorted for deterministic runs. */
export async function listInputs(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => {
    throw new IngestError(input, 'not-found', 'no such file or directory');
  });
  if (info.isFile()) return [input];
  const out: string[] = [];
  for (const entry of await readdir(input, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.toLowerCase() === 'readme.md') continue;
    const full = path.join(input, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'gold') out.push(...(await listInputs(full)));
    } else out.push(full);
  }
  return out.sort();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Rejects content that is not text: NUL bytes or many control/replacement characters. */
function assertText(file: string, text: string): void {
  if (!text.trim()) throw new IngestError(file, 'empty', 'file is empty (no text)');
  const sample = text.slice(0, 4096);
  let bad = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (c === 0) throw new IngestError(file, 'binary', 'file is binary (contains NUL bytes), not text');
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  if (bad > sample.length * 0.02) throw new IngestError(file, 'binary', 'file is not UTF-8 text (too many control or invalid characters)');
}

export async function ingestFile(file: string): Promise<SourceDocument[]> {
  const format = formatOf(file);
  const structured = structuredKindOf(file);
  if (!format && !structured) throw new IngestError(file, 'unknown-format', `unsupported file type "${path.extname(file) || '(none)'}" (expected .txt, .md, .pdf, .pubtator, .xml, .xml.gz, .nxml or BioC .json)`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new IngestError(file, 'unreadable', `cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const digest = sha256(bytes);
  if (structured) return ingestStructured(file, bytes, digest, structured);
  if (!format) throw new IngestError(file, 'unknown-format', 'unsupported file type');
  const id = path.basename(file).replace(/(\.pubtator)?\.[^.]+$/i, '');
  if (format === 'pdf') {
    if (bytes.length === 0) throw new IngestError(file, 'empty', 'file is empty');
    let text: string;
    try {
      text = await extractPdfText(bytes);
    } catch (e) {
      throw new IngestError(file, 'pdf-parse', `PDF could not be parsed (${(e as Error).message})`);
    }
    if (!text.trim()) throw new IngestError(file, 'empty', 'PDF has no extractable text (scanned images need OCR first)');
    return [{ id, source: file, format, text, sha256: digest }];
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  assertText(file, text);
  if (format === 'pubtator' || (format === 'text' && looksLikePubtator(text))) {
    const docs = parsePubtator(text);
    if (!docs.length) throw new IngestError(file, 'pubtator', 'no PubTator documents found (expected "PMID|t|title" lines)');
    return docs.map((d) => ({ id: d.pmid, source: file, format: 'pubtator' as const, text: pubtatorText(d), sha256: digest }));
  }
  return [{ id, source: file, format, text, sha256: digest }];
}
