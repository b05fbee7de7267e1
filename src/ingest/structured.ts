/**
 * Structured inputs: PubMed XML (.xml, .xml.gz), BioC XML and BioC JSON, JATS (.nxml). The
 * root element (or JSON shape) decides the reader, so a .xml file may be any of the three.
 * Each reader returns records (id, text in the documented layout, outline); this file turns
 * them into source documents or raises an IngestError naming the file and the reason. Bytes are
 * decoded as text files are (encoding.ts: recorded, never replaced by U+FFFD); a gzip file is
 * inflated up to a cap, so a small file cannot fill the memory.
 */
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { Encoding } from '../model/schemas.js';
import { IngestError, type SourceDocument, type SourceFormat } from './document.js';
import { decodeFile } from './decode-file.js';
import { DEFAULT_LIMITS, formatBytes, tooLongReason, type InputLimits } from './limits.js';
import { isBiocJson, isBiocXml, readBiocJson, readBiocXml } from './bioc.js';
import { isJats, readJats } from './jats.js';
import type { StructuredRecord } from './layout.js';
import { isPubmedXml, PUBMED_RECORDS, readPubmedRecord, readPubmedXml } from './pubmed-xml.js';
import { parseXml, type XmlElement } from './xml.js';

export type StructuredKind = 'xml' | 'json';

/** The structured kind a path is read as (by extension), or undefined. */
export function structuredKindOf(file: string): StructuredKind | undefined {
  const lower = file.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.xml') || lower.endsWith('.nxml')) return 'xml';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

function decode(file: string, bytes: Uint8Array, limits: InputLimits): { text: string; encoding: Encoding } {
  let raw = bytes;
  if (file.toLowerCase().endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    try {
      // stops as soon as the output passes the cap (a 9 MB file of zeros inflates to 2 GB)
      raw = gunzipSync(bytes, { maxOutputLength: limits.maxInflatedBytes });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new IngestError(file, 'too-large', `gzip file inflates to more than the limit of ${formatBytes(limits.maxInflatedBytes)}: not read`);
      throw new IngestError(file, 'gzip', `not a readable gzip file (${(e as Error).message})`);
    }
  }
  const decoded = decodeFile(file, raw);
  if (!decoded.text.trim()) throw new IngestError(file, 'empty', 'file is empty (no text)');
  return decoded;
}

function readXml(file: string, text: string): { format: SourceFormat; records: StructuredRecord[] } {
  let root: XmlElement;
  // PubMed records are read as each one closes and then dropped from the tree
  const streamed: StructuredRecord[] = [];
  const onRecord = (parent: XmlElement, child: XmlElement) => {
    if (parent.name !== 'PubmedArticleSet' || !PUBMED_RECORDS.has(child.name)) return false;
    const record = readPubmedRecord(child);
    if (record) streamed.push(record);
    return true;
  };
  try {
    root = parseXml(text, onRecord);
  } catch (e) {
    throw new IngestError(file, 'xml', `XML is not well formed (${(e as Error).message.split('\n')[0]})`);
  }
  if (isPubmedXml(root)) return { format: 'pubmed-xml', records: readPubmedXml(root, streamed) };
  if (isBiocXml(root)) return { format: 'bioc-xml', records: readBiocXml(root) };
  if (isJats(root)) return { format: 'jats', records: readJats(root) };
  throw new IngestError(file, 'unknown-format', `unsupported XML root element <${root.name}> (expected PubmedArticleSet, BioC collection or JATS article)`);
}

function readJson(file: string, text: string): { format: SourceFormat; records: StructuredRecord[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new IngestError(file, 'json', `JSON could not be parsed (${(e as Error).message})`);
  }
  if (!isBiocJson(value)) throw new IngestError(file, 'unknown-format', 'JSON is not a BioC collection (expected an object with a "documents" array)');
  return { format: 'bioc-json', records: readBiocJson(value) };
}

/** The documents of a structured file; a record past the character cap is an error for that record only. */
export function ingestStructured(file: string, bytes: Uint8Array, sha256: string, kind: StructuredKind, limits: InputLimits = DEFAULT_LIMITS): { documents: SourceDocument[]; problems: IngestError[] } {
  const { text, encoding } = decode(file, bytes, limits);
  const { format, records } = kind === 'json' ? readJson(file, text) : readXml(file, text);
  if (!records.length) throw new IngestError(file, 'empty', `no document with text found in this ${format} file`);
  const ids = structuredDocumentIds(records, file);
  const documents: SourceDocument[] = [];
  const problems: IngestError[] = [];
  records.forEach((r, i) => {
    if (r.text.length > limits.maxDocumentChars) problems.push(new IngestError(file, 'too-large', tooLongReason(r.text.length, limits), { doc: ids[i] }));
    else documents.push({ id: ids[i], source: file, format, encoding, text: r.text, sha256, pmid: r.pmid, pmcid: r.pmcid, outline: r.outline, ...(r.entities && { entities: r.entities }) });
  });
  return { documents, problems };
}

/** The document id of each record of a file: its own id, else the file name (numbered when the file holds several). */
export function structuredDocumentIds(records: ReadonlyArray<{ id: string }>, file: string): string[] {
  const stem = path.basename(file).replace(/(\.(xml|nxml|json))?(\.gz)?$/i, '');
  // ids name files (texts/<id>.txt): only safe characters
  return records.map((r, i) => (r.id || (records.length === 1 ? stem : `${stem}-${i + 1}`)).replace(/[^\w.-]/g, '_').replace(/^\.+/, '_'));
}
