/**
 * The compiled trie as one flat buffer, which is also its snapshot file: a process loads it by
 * reading the file and wrapping typed-array views over it (no per-entry decoding), and worker
 * threads share one SharedArrayBuffer instead of copying it.
 * Layout: magic, header length, JSON header, then 8-byte aligned sections:
 *  - token table: open-addressing hash of token keys (UTF-16 code units) → token id;
 *  - edge table: open-addressing hash of (node, token id) → child node, three int32 per slot;
 *  - per node, the range of its entry ids; entries stored generically (a shape, i.e. its key
 *    list, then one value reference per key) and deduplicated, so fields added later survive;
 *  - string offsets and one UTF-8 blob of every distinct string; a JSON tail (shapes, non-strings).
 * Entries and strings are decoded on first use. A sha256 over the body and header figures turns a
 * damaged file into an error, never wrong edges.
 */
import { createHash } from 'node:crypto';
import type { DictionaryEntry } from './automaton.js';

const MAGIC = 0x584c5442; // "BTLX" little-endian
const VERSION = 3;
/** value reference: >= 0 a string, -1 undefined (JSON cannot hold it), <= -2 a JSON value */
const UNDEFINED = -1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align8 = (n: number) => (n + 7) & ~7;
/** section element types, in file order */
const KINDS = ['i32', 'i32', 'u16', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'u8', 'u8'] as const;
const BYTES = { i32: 4, u16: 2, u8: 1 } as const;

/** The builder's tables (automaton.ts), compiled into the flat form. */
export interface AutomatonTables {
  tokenIds: Map<string, number>;
  /** node * 2^24 + token id → child node */
  edges: Map<number, number>;
  outputs: Map<number, DictionaryEntry[]>;
}

interface Header {
  version: number;
  littleEndian: boolean;
  nodes: number;
  terms: number;
  counts: number[];
  sha256: string;
}

/** Typed-array views over a flat automaton buffer. */
export interface FlatAutomaton {
  bytes: Uint8Array;
  nodes: number;
  terms: number;
  /** hash slot → token id + 1 (0: empty) */
  tokTable: Int32Array;
  /** token id → offset into tokChars (one more entry than tokens) */
  tokStart: Int32Array;
  tokChars: Uint16Array;
  /** slots of [node + 1 (0: empty), token id, child] */
  edgeTable: Int32Array;
  /** token id → child of the root along it, or -1: the first step of every scan without a hash probe */
  rootChild: Int32Array;
  /** node → offset into outRefs (nodes + 1 entries) */
  outStart: Int32Array;
  outRefs: Int32Array;
  /** entry id → offset into rows (entries + 1 entries) */
  entryAt: Int32Array;
  rows: Int32Array;
  /** string id → byte offset into blob (strings + 1 entries) */
  strStart: Int32Array;
  blob: Buffer;
  tail: { shapes: string[][]; others: unknown[] };
}

/** FNV-1a over UTF-16 code units, with a final avalanche so low bits index the table */
export function mixHash(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x7feb352d); h ^= h >>> 15; h = Math.imul(h, 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
export const FNV_SEED = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
export function stringHash(s: string): number {
  let h = FNV_SEED;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return mixHash(h);
}
export const edgeHash = (node: number, token: number) => mixHash(Math.imul(node, 0x9e3779b1) ^ token);

const pow2Above = (n: number) => { let c = 8; while (c < n) c *= 2; return c; };

/** Interns values: strings by content, anything else as JSON. */
class ValueTable {
  readonly strings: string[] = [];
  readonly others: unknown[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly otherIds = new Map<string, number>();
  ref(v: unknown): number {
    if (v === undefined) return UNDEFINED;
    if (typeof v === 'string') {
      let i = this.stringIds.get(v);
      if (i === undefined) { i = this.strings.length; this.strings.push(v); this.stringIds.set(v, i); }
      return i;
    }
    const key = JSON.stringify(v);
    let i = this.otherIds.get(key);
    if (i === undefined) { i = this.others.length; this.others.push(v); this.otherIds.set(key, i); }
    return -2 - i;
  }
}

function checksum(body: Uint8Array, h: Header): string {
  return createHash('sha256').update(body).update(JSON.stringify([h.nodes, h.terms, h.counts])).digest('hex');
}

/** Compiles the builder's tables into one flat buffer (in a SharedArrayBuffer); deterministic. */
export function encodeAutomaton(t: AutomatonTables, nodes: number, terms: number): Uint8Array {
  // tokens, by id
  const keys: string[] = new Array(t.tokenIds.size);
  for (const [key, id] of t.tokenIds) keys[id] = key;
  const tokStart = new Int32Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) tokStart[i + 1] = tokStart[i] + keys[i].length;
  const tokChars = new Uint16Array(tokStart[keys.length]);
  for (let i = 0; i < keys.length; i++) for (let c = 0; c < keys[i].length; c++) tokChars[tokStart[i] + c] = keys[i].charCodeAt(c);
  const tokCap = pow2Above(keys.length * 2);
  const tokTable = new Int32Array(tokCap);
  for (let i = 0; i < keys.length; i++) {
    let slot = stringHash(keys[i]) & (tokCap - 1);
    while (tokTable[slot] !== 0) slot = (slot + 1) & (tokCap - 1);
    tokTable[slot] = i + 1;
  }
  // edges, inserted in child order (each child has one parent edge) so the layout never depends on Map order
  const parent = new Int32Array(nodes).fill(-1), parentTok = new Int32Array(nodes);
  for (const [k, child] of t.edges) { parent[child] = Math.floor(k / 2 ** 24); parentTok[child] = k % 2 ** 24; }
  const edgeCap = pow2Above(Math.ceil(t.edges.size * 1.6));
  const edgeTable = new Int32Array(edgeCap * 3);
  for (let child = 1; child < nodes; child++) {
    if (parent[child] < 0) continue;
    let slot = edgeHash(parent[child], parentTok[child]) & (edgeCap - 1);
    while (edgeTable[slot * 3] !== 0) slot = (slot + 1) & (edgeCap - 1);
    edgeTable[slot * 3] = parent[child] + 1;
    edgeTable[slot * 3 + 1] = parentTok[child];
    edgeTable[slot * 3 + 2] = child;
  }
  const rootChild = new Int32Array(keys.length).fill(-1);
  for (let child = 1; child < nodes; child++) if (parent[child] === 0) rootChild[parentTok[child]] = child;
  // entries, by node
  const table = new ValueTable();
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const entryIds = new Map<string, number>();
  const rows: number[] = [];
  const entryAt: number[] = [0];
  const refs: number[] = [];
  const outStart = new Int32Array(nodes + 1);
  const row: number[] = [];
  for (let node = 0; node < nodes; node++) {
    for (const entry of (t.outputs.get(node) ?? []) as unknown as Record<string, unknown>[]) {
      const ks = Object.keys(entry);
      const shapeKey = ks.join('\0');
      let shape = shapeIds.get(shapeKey);
      if (shape === undefined) { shape = shapes.length; shapes.push(ks); shapeIds.set(shapeKey, shape); }
      row.length = 0;
      row.push(shape);
      for (const k of ks) row.push(table.ref(entry[k]));
      const rowKey = row.join(',');
      let id = entryIds.get(rowKey);
      if (id === undefined) { id = entryIds.size; entryIds.set(rowKey, id); for (const x of row) rows.push(x); entryAt.push(rows.length); }
      refs.push(id);
    }
    outStart[node + 1] = refs.length;
  }
  const strStart = new Int32Array(table.strings.length + 1);
  for (let i = 0; i < table.strings.length; i++) strStart[i + 1] = strStart[i] + Buffer.byteLength(table.strings[i]);
  const sections: ArrayBufferView[] = [
    tokTable, tokStart, tokChars, edgeTable, rootChild, outStart, Int32Array.from(refs), Int32Array.from(entryAt), Int32Array.from(rows), strStart,
    Buffer.from(table.strings.join(''), 'utf8'), Buffer.from(JSON.stringify({ shapes, others: table.others })),
  ];
  const header: Header = { version: VERSION, littleEndian: LITTLE_ENDIAN, nodes, terms, counts: sections.map((s, i) => s.byteLength / BYTES[KINDS[i]]), sha256: '' };
  const bodyLength = sections.reduce((n, s) => n + align8(s.byteLength), 0);
  const body = new Uint8Array(bodyLength);
  let at = 0;
  for (const s of sections) { body.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at); at += align8(s.byteLength); }
  header.sha256 = checksum(body, header);
  const head = Buffer.from(JSON.stringify(header));
  const start = align8(8 + head.length);
  const out = new Uint8Array(new SharedArrayBuffer(start + bodyLength));
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, head.length, true);
  out.set(head, 8);
  out.set(body, start);
  return out;
}

/**
 * Wraps views over a flat buffer; throws on a foreign, truncated or (when `verify`) damaged one.
 * The views alias `input` when it is 8-aligned, so a SharedArrayBuffer stays shared.
 */
export function decodeAutomaton(input: Uint8Array, verify = true): FlatAutomaton {
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error('not an automaton snapshot');
  const headLen = buf.readUInt32LE(4);
  if (8 + headLen > buf.length) throw new Error('snapshot truncated (header)');
  const h = JSON.parse(buf.toString('utf8', 8, 8 + headLen)) as Header;
  if (h.version !== VERSION || h.littleEndian !== LITTLE_ENDIAN) throw new Error(`snapshot format ${h.version} not readable here`);
  const start = align8(8 + headLen);
  const sizes = h.counts.map((n, i) => n * BYTES[KINDS[i]]);
  if (h.counts.length !== KINDS.length || buf.length !== start + sizes.reduce((n, s) => n + align8(s), 0)) throw new Error('snapshot truncated');
  if (verify && checksum(buf.subarray(start), h) !== h.sha256) throw new Error('snapshot checksum mismatch');
  let at = bytes.byteOffset + start;
  const views = sizes.map((size, i) => {
    const s = at;
    at += align8(size);
    const kind = KINDS[i];
    return kind === 'i32' ? new Int32Array(bytes.buffer, s, h.counts[i]) : kind === 'u16' ? new Uint16Array(bytes.buffer, s, h.counts[i]) : Buffer.from(bytes.buffer, s, h.counts[i]);
  });
  const [tokTable, tokStart, tokChars, edgeTable, rootChild, outStart, outRefs, entryAt, rows, strStart, blob, tail] = views;
  return {
    bytes, nodes: h.nodes, terms: h.terms,
    tokTable: tokTable as Int32Array, tokStart: tokStart as Int32Array, tokChars: tokChars as Uint16Array, edgeTable: edgeTable as Int32Array, rootChild: rootChild as Int32Array,
    outStart: outStart as Int32Array, outRefs: outRefs as Int32Array, entryAt: entryAt as Int32Array, rows: rows as Int32Array,
    strStart: strStart as Int32Array, blob: blob as Buffer,
    tail: JSON.parse((tail as Buffer).toString('utf8')) as FlatAutomaton['tail'],
  };
}

/** Lazily decoded entries and strings of a flat automaton (one per process or worker). */
export class EntryReader {
  private readonly strings: (string | undefined)[] = [];
  private readonly entries: (DictionaryEntry | undefined)[] = [];
  constructor(private readonly f: FlatAutomaton) {}

  private value(r: number): unknown {
    if (r === UNDEFINED) return undefined;
    if (r < 0) return this.f.tail.others[-2 - r];
    let s = this.strings[r];
    if (s === undefined) { s = this.f.blob.toString('utf8', this.f.strStart[r], this.f.strStart[r + 1]); this.strings[r] = s; }
    return s;
  }

  entry(id: number): DictionaryEntry {
    let e = this.entries[id];
    if (e) return e;
    const { rows, entryAt, tail } = this.f;
    let r = entryAt[id];
    const keys = tail.shapes[rows[r++]];
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = this.value(rows[r++]);
    e = out as unknown as DictionaryEntry;
    this.entries[id] = e;
    return e;
  }
}

/** Token id of a key string, or -1. */
export function tokenId(f: FlatAutomaton, key: string): number {
  const mask = f.tokTable.length - 1;
  for (let slot = stringHash(key) & mask; ; slot = (slot + 1) & mask) {
    const id = f.tokTable[slot] - 1;
    if (id < 0) return -1;
    const s = f.tokStart[id];
    if (f.tokStart[id + 1] - s !== key.length) continue;
    let k = 0;
    while (k < key.length && f.tokChars[s + k] === key.charCodeAt(k)) k++;
    if (k === key.length) return id;
  }
}

/** Child of `node` along token `token`, or -1. */
export function childOf(f: FlatAutomaton, node: number, token: number): number {
  const t = f.edgeTable;
  const mask = t.length / 3 - 1;
  for (let slot = edgeHash(node, token) & mask; ; slot = (slot + 1) & mask) {
    const p = t[slot * 3];
    if (p === 0) return -1;
    if (p === node + 1 && t[slot * 3 + 1] === token) return t[slot * 3 + 2];
  }
}

/** The builder's tables back from a flat automaton (to add terms to a loaded one). */
export function thawAutomaton(f: FlatAutomaton, reader: EntryReader, t: AutomatonTables): void {
  const tokens = f.tokStart.length - 1;
  for (let id = 0; id < tokens; id++) t.tokenIds.set(String.fromCharCode(...f.tokChars.subarray(f.tokStart[id], f.tokStart[id + 1])), id);
  for (let slot = 0; slot < f.edgeTable.length; slot += 3)
    if (f.edgeTable[slot] !== 0) t.edges.set((f.edgeTable[slot] - 1) * 2 ** 24 + f.edgeTable[slot + 1], f.edgeTable[slot + 2]);
  for (let node = 0; node < f.nodes; node++) {
    if (f.outStart[node] === f.outStart[node + 1]) continue;
    const list: DictionaryEntry[] = [];
    for (let k = f.outStart[node]; k < f.outStart[node + 1]; k++) list.push({ ...reader.entry(f.outRefs[k]) });
    t.outputs.set(node, list);
  }
}
