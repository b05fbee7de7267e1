/**
 * Binary snapshot of a TermAutomaton, so a process loads the compiled trie instead of
 * re-tokenizing ~200k terms. Layout: magic, header length, JSON header, then 8-byte aligned
 * sections: typed arrays (edges, tokens, outputs, entry rows, string lengths), one UTF-8 blob
 * holding every distinct string, and a JSON tail (entry shapes, non-string values).
 * Entries are stored generically (every own property) and deduplicated: a row is a shape
 * (its key list) plus one value reference per key, so fields added later survive.
 * A sha256 over the body and header figures turns a damaged file into an error, never wrong edges.
 */
import { createHash } from 'node:crypto';
import type { DictionaryEntry } from './automaton.js';

const MAGIC = 0x584c5442; // "BTLX" little-endian
const VERSION = 1;
/** value reference: >= 0 a string, -1 undefined (JSON cannot hold it), <= -2 a JSON value */
const UNDEFINED = -1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align8 = (n: number) => (n + 7) & ~7;

export interface AutomatonTables {
  tokenIds: Map<string, number>;
  edges: Map<number, number>;
  outputs: Map<number, DictionaryEntry[]>;
}

interface Header {
  version: number;
  littleEndian: boolean;
  nodes: number;
  terms: number;
  /** element counts of the typed-array sections, in file order (the first is Float64) */
  counts: number[];
  /** byte lengths of the string blob and the JSON tail */
  bytes: [number, number];
  sha256: string;
}

function checksum(body: Uint8Array[], h: Header): string {
  const hash = createHash('sha256');
  for (const chunk of body) hash.update(chunk);
  return hash.update(JSON.stringify([h.nodes, h.terms, h.counts, h.bytes])).digest('hex');
}

/** Interns values: strings by content (sliced back from one blob), anything else as JSON. */
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

export function encodeAutomaton(t: AutomatonTables, nodes: number, terms: number): Buffer {
  const table = new ValueTable();
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const entryIds = new Map<string, number>();
  const rows: number[] = [];
  const refs: number[] = [];
  const outNodes: number[] = [];
  const outEnds: number[] = [];
  const row: number[] = [];
  for (const [node, list] of t.outputs) {
    for (const entry of list as unknown as Record<string, unknown>[]) {
      const keys = Object.keys(entry);
      const shapeKey = keys.join('\0');
      let shape = shapeIds.get(shapeKey);
      if (shape === undefined) { shape = shapes.length; shapes.push(keys); shapeIds.set(shapeKey, shape); }
      row.length = 0;
      row.push(shape);
      for (const k of keys) row.push(table.ref(entry[k]));
      const rowKey = row.join(',');
      let id = entryIds.get(rowKey);
      if (id === undefined) { id = entryIds.size; entryIds.set(rowKey, id); for (const x of row) rows.push(x); }
      refs.push(id);
    }
    outNodes.push(node);
    outEnds.push(refs.length);
  }
  const edgeKeys = new Float64Array(t.edges.size);
  const edgeVals = new Int32Array(t.edges.size);
  let e = 0;
  for (const [k, v] of t.edges) { edgeKeys[e] = k; edgeVals[e++] = v; }
  const tokenRefs = new Int32Array(t.tokenIds.size);
  const tokenIds = new Int32Array(t.tokenIds.size);
  let k = 0;
  for (const [token, id] of t.tokenIds) { tokenRefs[k] = table.ref(token); tokenIds[k++] = id; }
  const sections = [
    edgeKeys, edgeVals, tokenRefs, tokenIds,
    Int32Array.from(outNodes), Int32Array.from(outEnds), Int32Array.from(refs), Int32Array.from(rows),
    Int32Array.from(table.strings, (s) => s.length),
  ];
  const blobs = [Buffer.from(table.strings.join(''), 'utf8'), Buffer.from(JSON.stringify({ shapes, others: table.others }))];
  const header: Header = { version: VERSION, littleEndian: LITTLE_ENDIAN, nodes, terms, counts: sections.map((s) => s.length), bytes: [blobs[0].length, blobs[1].length], sha256: '' };
  const parts = [...sections.map((s) => new Uint8Array(s.buffer, s.byteOffset, s.byteLength)), ...blobs];
  const padded = parts.flatMap((p) => (p.length % 8 ? [p, new Uint8Array(8 - (p.length % 8))] : [p]));
  header.sha256 = checksum(padded, header);
  const head = Buffer.from(JSON.stringify(header));
  const out = Buffer.alloc(align8(8 + head.length) + padded.reduce((n, p) => n + p.length, 0));
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(head.length, 4);
  out.set(head, 8);
  let at = align8(8 + head.length);
  for (const p of padded) { out.set(p, at); at += p.length; }
  return out;
}

/** Fills empty tables from a snapshot; throws on a foreign, truncated or damaged buffer. */
export function decodeAutomaton(input: Uint8Array, t: AutomatonTables): { nodes: number; terms: number } {
  // typed-array views need an 8-aligned offset; copy once if the caller's buffer is not
  const buf = input.byteOffset % 8 === 0 ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : Buffer.from(new Uint8Array(input).buffer);
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) throw new Error('not an automaton snapshot');
  const headLen = buf.readUInt32LE(4);
  if (8 + headLen > buf.length) throw new Error('snapshot truncated (header)');
  const h = JSON.parse(buf.toString('utf8', 8, 8 + headLen)) as Header;
  if (h.version !== VERSION || h.littleEndian !== LITTLE_ENDIAN) throw new Error(`snapshot format ${h.version} not readable here`);
  const start = align8(8 + headLen);
  const sizes = [...h.counts.map((n, i) => n * (i === 0 ? 8 : 4)), ...h.bytes];
  if (buf.length !== start + sizes.reduce((n, s) => align8(n + s), 0)) throw new Error('snapshot truncated');
  if (checksum([buf.subarray(start)], h) !== h.sha256) throw new Error('snapshot checksum mismatch');

  let at = start;
  const spans = sizes.map((size) => { const s = at; at = align8(at + size); return buf.byteOffset + s; });
  const [edgeKeys, ...ints] = h.counts.map((n, i) => (i === 0 ? new Float64Array(buf.buffer, spans[i], n) : new Int32Array(buf.buffer, spans[i], n)));
  const [edgeVals, tokenRefs, tokenIds, outNodes, outEnds, refs, rows, strLens] = ints as Int32Array[];
  const blobAt = spans[h.counts.length] - buf.byteOffset;
  const all = buf.toString('utf8', blobAt, blobAt + h.bytes[0]);
  const strings: string[] = new Array(strLens.length);
  for (let i = 0, p = 0; i < strLens.length; i++) strings[i] = all.slice(p, (p += strLens[i]));
  const tailAt = spans[h.counts.length + 1] - buf.byteOffset;
  const { shapes, others } = JSON.parse(buf.toString('utf8', tailAt, tailAt + h.bytes[1])) as { shapes: string[][]; others: unknown[] };
  const value = (r: number) => (r >= 0 ? strings[r] : r === UNDEFINED ? undefined : others[-2 - r]);

  for (let i = 0; i < tokenRefs.length; i++) t.tokenIds.set(value(tokenRefs[i]) as string, tokenIds[i]);
  for (let i = 0; i < edgeKeys.length; i++) t.edges.set(edgeKeys[i], edgeVals[i]);
  const entries: DictionaryEntry[] = [];
  for (let r = 0; r < rows.length;) {
    const keys = shapes[rows[r++]];
    const e: Record<string, unknown> = {};
    for (const k of keys) e[k] = value(rows[r++]);
    entries.push(e as unknown as DictionaryEntry);
  }
  for (let o = 0, from = 0; o < outNodes.length; from = outEnds[o++]) {
    const list: DictionaryEntry[] = [];
    for (let k = from; k < outEnds[o]; k++) list.push(entries[refs[k]]);
    t.outputs.set(outNodes[o], list);
  }
  return { nodes: h.nodes, terms: h.terms };
}
