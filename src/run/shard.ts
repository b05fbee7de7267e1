/**
 * A shard: one work item's results on disk, sorted by document id within the item. The first line
 * is a header with the item's failures and its documents' records (what documents.jsonl needs,
 * without reading the rows again). Each document follows as a JSON head line and a payload: its
 * text and its rows, validated and rendered as the dataset's lines (render.ts), as raw bytes whose
 * lengths the head gives, so the merge copies them without parsing or escaping.
 * A shard is written whole (temp file + rename), so a shard that exists is complete; it is
 * also the item's cache entry (result-cache.ts).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { DocumentRecord, Entity, Triple } from '../model/schemas.js';
import type { FailedInput } from '../emit/dataset.js';
import { writeFileAtomic } from '../emit/atomic-write.js';
import { renderDocument, type RenderedRows } from './render.js';

/** 3: a document is a small JSON head line followed by its rendered rows as raw bytes (the merge copies them undecoded) */
export const SHARD_FORMAT = 3;

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

/** The payload's parts, in file order after a document's head line. */
export const PARTS = ['text', 'entities', 'triples', 'statements', 'pubtator'] as const;
export type Part = (typeof PARTS)[number];

/** A document's head line in a shard: what the merge orders and counts by; `bytes` gives the payload's parts' UTF-8 lengths. */
export interface ShardHead {
  k: number;
  id: string;
  source: string;
  saveText: boolean;
  /** the triples' ids: the merge re-renders a document only when a curation verdict names one */
  tripleIds: string[];
  counts: RenderedRows['counts'];
  bytes: Record<Part, number>;
  /** the work item's index, in an intermediate merge file (a shard's own documents take it from the shard) */
  item?: number;
}

/** A document read back: its head and its payload (the parts, back to back, undecoded; valid until the next document is read from the same file). */
export interface ShardEntry {
  head: ShardHead;
  payload: Buffer;
}

export interface ShardHeader {
  format: number;
  file: string;
  failures: FailedInput[];
  records: Array<{ k: number; record: DocumentRecord }>;
  chars: number;
}

const byId = (a: ShardDocument, b: ShardDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.k - b.k);

/** One document's head line and payload, as a shard stores it. */
export function shardRecord(d: Omit<ShardHead, 'bytes' | 'counts'>, rows: RenderedRows, text: string): string {
  const parts: Record<Part, string> = { text, entities: rows.entities, triples: rows.triples, statements: rows.statements, pubtator: rows.pubtator };
  const bytes = Object.fromEntries(PARTS.map((p) => [p, Buffer.byteLength(parts[p])])) as Record<Part, number>;
  return JSON.stringify({ ...d, counts: rows.counts, bytes } satisfies ShardHead) + '\n' + PARTS.map((p) => parts[p]).join('');
}

export async function writeShard(file: string, source: string, docs: ShardDocument[], failures: FailedInput[]): Promise<ShardHeader> {
  const sorted = [...docs].sort(byId);
  const header: ShardHeader = { format: SHARD_FORMAT, file: source, failures, records: sorted.map((d) => ({ k: d.k, record: d.record })), chars: docs.reduce((n, d) => n + d.text.length, 0) };
  const body = sorted.map((d) => shardRecord({ k: d.k, id: d.id, source: d.source, saveText: d.saveText, tripleIds: d.triples.map((t) => t.id) }, renderDocument(d.id, d.text, d.entities, d.triples), d.text));
  await writeFileAtomic(file, JSON.stringify(header) + '\n' + body.join(''));
  return header;
}

/** A payload's parts, decoded (for a document that curation changes, and for tests). */
export function payloadParts(e: ShardEntry): Record<Part, string> {
  return Object.fromEntries(PARTS.map((p) => [p, payloadPart(e, p).toString('utf8')])) as Record<Part, string>;
}

/** A payload part as bytes, without decoding. */
export function payloadPart(e: ShardEntry, part: Part): Buffer {
  let at = 0;
  for (const p of PARTS) { if (p === part) return e.payload.subarray(at, at + e.head.bytes[p]); at += e.head.bytes[p]; }
  throw new Error(`no part ${part}`);
}

/** A shard's first line as its header, checked to be of this format. */
function parseHeader(file: string, line: Buffer | undefined): ShardHeader {
  const header = JSON.parse(line?.toString('utf8') ?? '{}') as ShardHeader;
  if (header.format !== SHARD_FORMAT) throw new Error(`${file}: shard format ${header.format}, expected ${SHARD_FORMAT}`);
  return header;
}

/** The header alone: reads the first line only. */
export async function readShardHeader(file: string): Promise<ShardHeader> {
  // a small first buffer: a cached run reads every item's header, and most headers are a few KB
  const reader = await ByteReader.open(file, 1 << 14);
  try {
    return parseHeader(file, await reader.line());
  } finally {
    await reader.close();
  }
}

/** a shard's read size: the merge reads up to FAN_IN shards at once, so their buffers add up */
const READ_CHUNK = 1 << 17;

/**
 * A file read as lines and byte runs, as they are asked for, into one buffer that is reused: what
 * `line` and `bytes` return stays valid only until the next call. Nothing is read ahead beyond
 * one chunk, so peak RSS does not grow with the input; the buffer grows only to hold a line or run
 * longer than a chunk.
 */
export class ByteReader {
  private buf: Buffer;
  private start = 0;
  private end = 0;
  private eof = false;
  private constructor(private readonly handle: FileHandle, chunk: number) { this.buf = Buffer.allocUnsafe(chunk); }
  /** `chunk`: the first buffer's size (it grows for a longer line or run) */
  static async open(file: string, chunk = READ_CHUNK): Promise<ByteReader> { return new ByteReader(await open(file, 'r'), chunk); }
  close(): Promise<void> { return this.handle.close(); }

  /** Reads more after what is left unread, making room for at least `want` bytes in all; false at the end of the file. */
  private async fill(want: number): Promise<boolean> {
    if (this.eof) return false;
    const rest = this.end - this.start;
    if (want <= READ_CHUNK && this.buf.length > 4 * READ_CHUNK) {
      // back to a chunk after a long line or run: 256 open readers must not each keep their largest document's size
      const small = Buffer.allocUnsafe(READ_CHUNK);
      this.buf.copy(small, 0, this.start, this.end);
      this.buf = small;
    } else if (want > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(want, 2 * this.buf.length));
      this.buf.copy(grown, 0, this.start, this.end);
      this.buf = grown;
    } else if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.end);
    }
    this.start = 0;
    this.end = rest;
    const { bytesRead } = await this.handle.read(this.buf, rest, this.buf.length - rest, null);
    if (!bytesRead) { this.eof = true; return false; }
    this.end += bytesRead;
    return true;
  }

  /** The next line without its newline (the last one may lack it); undefined at the end of the file. */
  async line(): Promise<Buffer | undefined> {
    for (let from = this.start; ; ) {
      const nl = this.buf.indexOf(10, from);
      if (nl >= 0 && nl < this.end) { const out = this.buf.subarray(this.start, nl); this.start = nl + 1; return out; }
      const rest = this.end - this.start;
      if (!(await this.fill(rest < this.buf.length ? this.buf.length : 2 * rest))) break;
      from = rest;
    }
    if (this.start >= this.end) return undefined;
    const out = this.buf.subarray(this.start, this.end);
    this.start = this.end;
    return out;
  }

  /** The next `n` bytes; throws when the file ends first. */
  async bytes(n: number): Promise<Buffer> {
    while (this.end - this.start < n) if (!(await this.fill(n))) throw new Error(`file ends ${n - (this.end - this.start)} bytes early`);
    const out = this.buf.subarray(this.start, this.start + n);
    this.start += n;
    return out;
  }
}

/** The documents of a shard (or an intermediate merge file), in its order (document id), streamed one at a time: a payload is overwritten by the next document's. */
export async function* readShardDocuments(file: string): AsyncGenerator<ShardEntry> {
  const reader = await ByteReader.open(file);
  try {
    const first = await reader.line();
    if (!first) return;
    parseHeader(file, first);
    for (let line = await reader.line(); line; line = await reader.line()) {
      if (!line.length) continue;
      const head = JSON.parse(line.toString('utf8')) as ShardHead;
      let size = 0;
      for (const p of PARTS) size += head.bytes[p];
      const payload = await reader.bytes(size).catch((e: Error) => { throw new Error(`${file}: document ${head.id}: ${e.message}`); });
      yield { head, payload };
    }
  } finally {
    await reader.close();
  }
}


