/**
 * ingest: a file path → source documents. Reads .txt, .md, .pdf, PubTator, PubMed XML
 * (.xml, .xml.gz), BioC XML/JSON and JATS (.nxml) files (src/ingest/structured.ts); anything
 * else, or a file that is empty, binary, too large or unparsable, raises an IngestError naming
 * the file. Only regular files are read; symbolic links only with `followSymlinks`.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestError, type LayoutBlock, type SourceDocument, type SourceFormat } from './document.js';
import { decodeFile } from './decode-file.js';
import { DEFAULT_LIMITS, formatBytes, tooLongReason, type InputLimits } from './limits.js';
import { extractPdfText } from './pdf.js';
import { checkPdfLimits } from './pdf-limits.js';
import { looksLikePubtator, parsePubtator, pubtatorEntities, pubtatorText } from './pubtator.js';
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

export interface InputOptions {
  /** read symbolic links (anywhere they point); by default each link is a per-file error */
  followSymlinks?: boolean;
  limits?: InputLimits;
}

export interface InputListing {
  /** the folder ids are derived from (the input itself, or the folder of a single input file) */
  root: string;
  /** regular files to read, sorted for deterministic runs */
  files: string[];
  /** entries that could not be listed or are not read (links, pipes, folders too deep): one error each */
  problems: IngestError[];
  /** the input named one file: the user chose it, so a link there is followed */
  single: boolean;
}

const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);
const NOT_FOLLOWED = 'symbolic link not followed (pass --follow-symlinks to read links)';

/** Input files under a directory (or the file itself). Throws only when the input itself is missing or not a file or folder. */
export async function listInputs(input: string, options: InputOptions = {}): Promise<InputListing> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const info = await stat(input).catch(() => {
    throw new IngestError(input, 'not-found', 'no such file or directory');
  });
  if (info.isFile()) return { root: path.dirname(input), files: [input], problems: [], single: true };
  if (!info.isDirectory()) throw new IngestError(input, 'not-a-file', 'not a regular file or folder');
  const files: string[] = [];
  const problems: IngestError[] = [];
  const seen = new Set([await realpath(input)]);
  // iterative, so a deep tree cannot exhaust the stack; depth-capped, so it cannot exhaust path length
  const stack: Array<[string, number]> = [[input, 0]];
  while (stack.length) {
    const [dir, depth] = stack.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push(new IngestError(dir, 'unreadable', `cannot list folder (${errno(e)})`));
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.toLowerCase() === 'readme.md') continue;
      const full = path.join(dir, entry.name);
      let kind: 'file' | 'dir' | 'other' = entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : 'other';
      if (entry.isSymbolicLink()) {
        if (!options.followSymlinks) { problems.push(new IngestError(full, 'symlink', NOT_FOLLOWED)); continue; }
        try {
          const target = await stat(full);
          kind = target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'other';
          if (kind === 'dir') {
            const real = await realpath(full);
            if (seen.has(real)) { problems.push(new IngestError(full, 'symlink-loop', 'symbolic link to a folder already listed (a loop or a second path): not listed again')); continue; }
            seen.add(real);
          }
        } catch (e) {
          problems.push(new IngestError(full, 'unreadable', `symbolic link cannot be followed (${errno(e)})`));
          continue;
        }
      }
      if (kind === 'file') files.push(full);
      else if (kind === 'other') problems.push(new IngestError(full, 'not-a-file', 'not a regular file (pipe, socket or device): not read'));
      else if (entry.name === 'gold') continue;
      else if (depth + 1 > limits.maxDepth) problems.push(new IngestError(full, 'too-deep', `folder nested more than ${limits.maxDepth} levels below the input: not listed`));
      else stack.push([full, depth + 1]);
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root: input, files: files.sort(), problems, single: false };
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
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  if (bad > sample.length * 0.02) throw new IngestError(file, 'binary', 'file is not text (too many control or replacement characters)');
}

/** Reads a regular file, refusing links (unless followed), pipes and devices, and files past the size limit. */
async function readInput(file: string, limits: InputLimits, followSymlinks: boolean): Promise<Uint8Array> {
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer; O_NOFOLLOW: a link swapped in after listing is refused too
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (followSymlinks ? 0 : constants.O_NOFOLLOW));
  } catch (e) {
    if (errno(e) === 'ELOOP' && !followSymlinks) throw new IngestError(file, 'symlink', NOT_FOLLOWED);
    throw new IngestError(file, 'unreadable', `cannot read file (${errno(e)})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new IngestError(file, 'not-a-file', 'not a regular file (pipe, socket, device or folder): not read');
    if (info.size > limits.maxFileBytes) throw new IngestError(file, 'too-large', `file is ${formatBytes(info.size)}, more than the limit of ${formatBytes(limits.maxFileBytes)}: not read`);
    return await handle.readFile();
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(file, 'unreadable', `cannot read file (${errno(e)})`);
  } finally {
    await handle.close();
  }
}

export interface IngestOptions extends InputOptions {
  /** the document id of a single-document file (document-ids.ts); default: the file name without extension */
  id?: string;
}

/** What one input file gave: its documents, and per-document problems (one PMID of a PubTator file). */
export interface Ingested {
  documents: SourceDocument[];
  problems: IngestError[];
}

/** Reads one file. Problems with the whole file are thrown as an IngestError. */
export async function ingestFile(file: string, options: IngestOptions = {}): Promise<Ingested> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const format = formatOf(file);
  const structured = structuredKindOf(file);
  if (!format && !structured) throw new IngestError(file, 'unknown-format', `unsupported file type "${path.extname(file) || '(none)'}" (expected .txt, .md, .pdf, .pubtator, .xml, .xml.gz, .nxml or BioC .json)`);
  const bytes = await readInput(file, limits, !!options.followSymlinks);
  const digest = sha256(bytes);
  if (structured) return ingestStructured(file, bytes, digest, structured, limits);
  if (!format) throw new IngestError(file, 'unknown-format', 'unsupported file type');
  const id = options.id ?? path.basename(file).replace(/(\.pubtator)?\.[^.]+$/i, '');
  if (format === 'pdf') {
    if (bytes.length === 0) throw new IngestError(file, 'empty', 'file is empty');
    try {
      await checkPdfLimits(bytes, limits);
    } catch (e) {
      throw new IngestError(file, 'too-large', (e as Error).message);
    }
    let text: string;
    let layout: LayoutBlock[];
    try {
      ({ text, layout } = await extractPdfText(bytes));
    } catch (e) {
      throw new IngestError(file, 'pdf-parse', `PDF could not be parsed (${(e as Error).message})`);
    }
    if (!text.trim()) throw new IngestError(file, 'empty', 'PDF has no extractable text (scanned images need OCR first)');
    if (text.length > limits.maxDocumentChars) throw new IngestError(file, 'too-large', tooLongReason(text.length, limits));
    return { documents: [{ id, source: file, format, encoding: 'pdf', text, sha256: digest, layout }], problems: [] };
  }
  const { text, encoding } = decodeFile(file, bytes);
  assertText(file, text);
  if (format === 'pubtator' || (format === 'text' && looksLikePubtator(text))) return readPubtatorFile(file, text, encoding, digest, limits);
  if (text.length > limits.maxDocumentChars) throw new IngestError(file, 'too-large', tooLongReason(text.length, limits));
  return { documents: [{ id, source: file, format, encoding, text, sha256: digest }], problems: [] };
}

/** PubTator: one document per PMID; a bad id, a PMID given twice or an oversized text is an error for that document only. */
function readPubtatorFile(file: string, text: string, encoding: SourceDocument['encoding'], digest: string, limits: InputLimits): Ingested {
  const docs = parsePubtator(text);
  if (!docs.length) throw new IngestError(file, 'pubtator', 'no PubTator documents found (expected "PMID|t|title" lines)');
  const linesOf = new Map<string, number[]>();
  for (const d of docs) {
    const lines = linesOf.get(d.pmid);
    if (lines) lines.push(d.line);
    else linesOf.set(d.pmid, [d.line]);
  }
  const documents: SourceDocument[] = [];
  const problems: IngestError[] = [];
  for (const d of docs) {
    const lines = linesOf.get(d.pmid)!;
    const position = { line: d.line };
    const docText = pubtatorText(d);
    if (d.idProblem) problems.push(new IngestError(file, 'pubtator-id', d.idProblem, { doc: d.pmid, position }));
    else if (lines.length > 1) {
      if (d.line === lines[1]) problems.push(new IngestError(file, 'duplicate-id', `PMID ${d.pmid} appears ${lines.length} times (lines ${lines.join(', ')}): no copy is used`, { doc: d.pmid, position }));
    } else if (docText.length > limits.maxDocumentChars) problems.push(new IngestError(file, 'too-large', tooLongReason(docText.length, limits), { doc: d.pmid, position }));
    else documents.push({ id: d.pmid, source: file, format: 'pubtator', encoding, text: docText, sha256: digest, entities: pubtatorEntities(d, docText) });
  }
  return { documents, problems };
}
