/**
 * A PubMed baseline file (`pubmed26nNNNN.xml.gz`, ~30,000 records) as blocks of records, each
 * a work item. The file is streamed once (gunzip → UTF-8 decoder → saxes): every record is read
 * as it closes and dropped, so only its id and the byte offsets where blocks end are kept. A
 * block is a byte range of the decompressed XML, between two records; a worker reads just that
 * range and parses it wrapped in <PubmedArticleSet> (readBlockText), giving the same documents,
 * ids and text that reading the whole file gives (src/ingest/structured.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { PUBMED_RECORDS, readPubmedRecord } from '../ingest/pubmed-xml.js';
import { structuredDocumentIds } from '../ingest/structured.js';
import { uniqueIds, type StructuredRecord } from '../ingest/layout.js';
import { parseXml, xmlTree, type XmlElement } from '../ingest/xml.js';
import type { SourceDocument } from '../ingest/document.js';
import { DEFAULT_LIMITS } from '../ingest/limits.js';

export interface RecordBlock {
  /** index of the block's first document among the file's documents (records with a PMID and text) */
  first: number;
  /** the final document ids of the block's documents, in order (unique within the file, as ingest makes them) */
  ids: string[];
  /** byte range in the decompressed file, from just after the previous record to just after the block's last one */
  start: number;
  end: number;
}

export interface PubmedSplit {
  /** sha256 of the file's bytes as stored (compressed), the digest every document carries */
  sha256: string;
  gzip: boolean;
  blocks: RecordBlock[];
}

const ROOT = 'PubmedArticleSet';
const isGzip = (head: Uint8Array) => head[0] === 0x1f && head[1] === 0x8b;

async function startsWithGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(2);
    await handle.read(head, 0, 2, 0);
    return isGzip(head);
  } finally {
    await handle.close();
  }
}

/** Whether a path may be a PubMed XML file worth splitting (.xml or .xml.gz; .nxml is JATS). */
export const mayBePubmed = (file: string): boolean => /\.xml(\.gz)?$/i.test(file);

/**
 * The file as blocks of at most `blockRecords` record elements, or undefined when it is to be
 * read whole (another XML root, not well formed, a byte-order mark, no document, inflating past
 * the cap): ingest then
 * reads it, or reports it, exactly as a local run does.
 */
export async function splitPubmedFile(file: string, blockRecords: number, maxInflatedBytes = DEFAULT_LIMITS.maxInflatedBytes): Promise<PubmedSplit | undefined> {
  const gzip = file.toLowerCase().endsWith('.gz') || (await startsWithGzip(file));
  const hash = createHash('sha256');
  const raw = createReadStream(file);
  raw.on('data', (chunk) => hash.update(chunk as Buffer));
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => stream.destroy(e));

  const pmids: string[] = [];
  // per block: the number of documents before it and the byte offset where it ends
  const ends: Array<{ docs: number; end: number }> = [];
  let recordsInBlock = 0;
  let rootEnd = -1;
  let lastEnd = -1;
  let notPubmed = false;
  const { parser, finish } = xmlTree((parent: XmlElement, child: XmlElement) => {
    if (parent.name !== ROOT || !PUBMED_RECORDS.has(child.name)) return false;
    const record = readPubmedRecord(child);
    if (record) pmids.push(record.id);
    lastEnd = byteAt(parser.position);
    if (++recordsInBlock === blockRecords) { ends.push({ docs: pmids.length, end: lastEnd }); recordsInBlock = 0; }
    return true;
  }, (el, depth) => {
    if (depth !== 1) return;
    if (el.name === ROOT) rootEnd = byteAt(parser.position);
    else notPubmed = true;
  });
  // char position in the text written so far → byte offset, counted incrementally within the current chunk
  let chunk = '';
  let chunkChar = 0;
  let chunkByte = 0;
  let lastChar = 0;
  let lastByte = 0;
  const byteAt = (position: number): number => {
    if (lastChar < chunkChar) { lastChar = chunkChar; lastByte = chunkByte; }
    lastByte += Buffer.byteLength(chunk.slice(lastChar - chunkChar, position - chunkChar));
    lastChar = position;
    return lastByte;
  };
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let bytes = 0;
  try {
    for await (const piece of stream) {
      const buf = piece as Buffer;
      bytes += buf.length;
      // past the cap whole-file ingest reports the file as too large, as a local run does
      if (gzip && bytes > maxInflatedBytes) { stream.destroy(); return undefined; }
      const text = decoder.decode(buf, { stream: true });
      if (chunkChar === 0 && chunkByte === 0 && text.startsWith('\uFEFF')) return undefined;
      chunk = text;
      parser.write(text);
      chunkChar += text.length;
      chunkByte += Buffer.byteLength(text);
      if (notPubmed) { stream.destroy(); return undefined; }
    }
    const tail = decoder.decode();
    chunk = tail;
    parser.write(tail);
    chunkChar += tail.length;
    chunkByte += Buffer.byteLength(tail);
    finish();
  } catch {
    // not gzip, not readable, not well formed: whole-file ingest reports it
    return undefined;
  } finally {
    raw.destroy();
  }
  // undecodable bytes would make character and byte offsets disagree
  if (chunkByte !== bytes || notPubmed || rootEnd < 0 || !pmids.length) return undefined;
  if (recordsInBlock > 0) ends.push({ docs: pmids.length, end: lastEnd });
  const ids = structuredDocumentIds(uniqueIds(pmids.map((id) => ({ id }))), file);
  const blocks: RecordBlock[] = [];
  let start = rootEnd;
  let first = 0;
  for (const { docs, end } of ends) {
    // a block whose records all lack a PMID or text gives no document: nothing to enqueue
    if (docs > first) blocks.push({ first, ids: ids.slice(first, docs), start, end });
    start = end;
    first = docs;
  }
  return { sha256: hash.digest('hex'), gzip, blocks };
}

export class BlockChanged extends Error {}

/**
 * The text of a block as a standalone PubMed XML document. Throws BlockChanged when the file's
 * bytes are no longer those the block was planned on (sha256), so the job is retried or fails.
 * Memory holds the block only: the file is hashed as a stream, then decompressed up to the block's end.
 */
export async function readBlockText(file: string, split: { sha256: string; gzip: boolean }, block: Pick<RecordBlock, 'start' | 'end'>): Promise<string> {
  const digest = await streamSha256(file);
  if (digest !== split.sha256) throw new BlockChanged(`${file} changed since the run was enqueued (sha256 ${digest.slice(0, 12)}…, expected ${split.sha256.slice(0, 12)}…)`);
  const raw = createReadStream(file);
  const stream = split.gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (e) => stream.destroy(e));
  const parts: Buffer[] = [];
  let pos = 0;
  try {
    for await (const piece of stream) {
      const buf = piece as Buffer;
      const from = Math.max(block.start - pos, 0);
      const to = Math.min(block.end - pos, buf.length);
      if (to > from) parts.push(buf.subarray(from, to));
      pos += buf.length;
      if (pos >= block.end) break;
    }
  } finally {
    raw.destroy();
  }
  const bytes = Buffer.concat(parts);
  if (bytes.length !== block.end - block.start) throw new BlockChanged(`${file} ends before the block at bytes ${block.start}-${block.end}`);
  return `<${ROOT}>${new TextDecoder('utf-8').decode(bytes)}</${ROOT}>`;
}

function streamSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (c) => hash.update(c)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

/** The documents of a block, as whole-file ingest gives them (same ids, text, outline and digest). */
export async function readBlockDocuments(file: string, source: string, split: { sha256: string; gzip: boolean }, block: RecordBlock): Promise<SourceDocument[]> {
  const records: StructuredRecord[] = [];
  parseXml(await readBlockText(file, split, block), (parent, child) => {
    if (parent.name !== ROOT || !PUBMED_RECORDS.has(child.name)) return false;
    const record = readPubmedRecord(child);
    if (record) records.push(record);
    return true;
  });
  if (records.length !== block.ids.length) throw new BlockChanged(`${file}: block at bytes ${block.start}-${block.end} holds ${records.length} documents, the plan says ${block.ids.length}`);
  // blocks exist only for files whose bytes are UTF-8 without a byte-order mark (splitPubmedFile), as ingest records them
  return records.map((r, i) => ({ id: block.ids[i], source, format: 'pubmed-xml', encoding: 'utf-8', text: r.text, sha256: split.sha256, pmid: r.pmid, pmcid: r.pmcid, outline: r.outline }));
}
