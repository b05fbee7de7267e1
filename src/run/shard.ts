/**
 * A shard: one work item's results on disk, one JSON line per document (its rows validated and
 * rendered as the dataset's lines, render.ts), sorted by document id within the item. The first line is a header with the item's failures
 * and its documents' records (what documents.jsonl needs, without reading the rows again).
 * A shard is written whole (temp file + rename), so a shard that exists is complete; it is
 * also the item's cache entry (result-cache.ts).
 */
import { open } from 'node:fs/promises';
import type { DocumentRecord, Entity, Triple } from '../model/schemas.js';
import type { FailedInput } from '../emit/dataset.js';
import { toJsonl, writeFileAtomic } from '../emit/atomic-write.js';
import { renderDocument, type RenderedRows } from './render.js';

/** 2: documents hold their rendered lines */
export const SHARD_FORMAT = 2;

export interface ShardDocument {
  /** the document's place within its file (multi-document files) */
  k: number;
  id: string;
  source: string;
  record: DocumentRecord;
  entities: Entity[];
  triples: Triple[];
  /** the original text (annotations.pubtator holds it; texts/ when `saveText`) */
  text: string;
  saveText: boolean;
}

/** A document as a shard stores it: its dataset lines rendered; its record is in the header. */
export interface ShardLine {
  k: number;
  id: string;
  source: string;
  text: string;
  saveText: boolean;
  /** the triples' ids: the merge re-renders a document only when a curation verdict names one */
  tripleIds: string[];
  rows: RenderedRows;
}

export interface ShardHeader {
  format: number;
  file: string;
  failures: FailedInput[];
  records: Array<{ k: number; record: DocumentRecord }>;
  chars: number;
}

const byId = (a: ShardDocument, b: ShardDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.k - b.k);

export async function writeShard(file: string, source: string, docs: ShardDocument[], failures: FailedInput[]): Promise<ShardHeader> {
  const sorted = [...docs].sort(byId);
  const header: ShardHeader = { format: SHARD_FORMAT, file: source, failures, records: sorted.map((d) => ({ k: d.k, record: d.record })), chars: docs.reduce((n, d) => n + d.text.length, 0) };
  const lines: ShardLine[] = sorted.map((d) => ({ k: d.k, id: d.id, source: d.source, text: d.text, saveText: d.saveText, tripleIds: d.triples.map((t) => t.id), rows: renderDocument(d.id, d.text, d.entities, d.triples) }));
  await writeFileAtomic(file, toJsonl([header, ...lines]));
  return header;
}

/** The header alone: reads the first line only. */
export async function readShardHeader(file: string): Promise<ShardHeader> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(1 << 16);
    for (let pos = 0; ; ) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      if (!bytesRead) break;
      const nl = buf.subarray(0, bytesRead).indexOf(10);
      if (nl >= 0) { chunks.push(Buffer.from(buf.subarray(0, nl))); break; }
      chunks.push(Buffer.from(buf.subarray(0, bytesRead)));
      pos += bytesRead;
    }
    const header = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ShardHeader;
    if (header.format !== SHARD_FORMAT) throw new Error(`${file}: shard format ${header.format}, expected ${SHARD_FORMAT}`);
    return header;
  } finally {
    await handle.close();
  }
}

/** a shard's read buffer: the merge reads up to FAN_IN shards at once, so their buffers add up */
const READ_CHUNK = 1 << 16;

/**
 * A file's lines, read as they are asked for. readline's async iterator reads ahead up to 1,024
 * lines per file (here a line is a whole document's rows), so the last merge pass, over a few
 * big intermediate files, held thousands of documents: peak RSS grew with the input.
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(READ_CHUNK);
    let partial: Buffer[] = [];
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (!bytesRead) break;
      const chunk = buf.subarray(0, bytesRead);
      let start = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        const line = (partial.length ? Buffer.concat([...partial, piece]) : piece).toString('utf8');
        partial = [];
        start = nl + 1;
        yield line;
      }
      if (start < bytesRead) partial.push(Buffer.from(chunk.subarray(start)));
    }
    if (partial.length) yield Buffer.concat(partial).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The documents of a shard, in its order (document id), streamed line by line. */
export async function* readShardDocuments(file: string): AsyncGenerator<ShardLine> {
  let first = true;
  for await (const line of readLines(file)) {
    if (first) { first = false; continue; }
    if (line) yield JSON.parse(line) as ShardLine;
  }
}


