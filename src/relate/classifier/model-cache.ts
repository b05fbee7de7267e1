/**
 * The relation model compiled for loading: `.cache/relation-model-<key16>.bin` holds the model
 * file's fields but its weights as JSON (a few hundred bytes) and the weights as the typed arrays
 * of flat-weights.ts, so a process wraps views over one read instead of parsing 5.6 MB of JSON
 * into 46k arrays (about 150 ms of CPU and the collector's time after it). The key is the model
 * file's sha256 (which the caller has computed anyway: the manifest lists it), the format version
 * and the source of this codec; the body's sha256 is checked on every load. The JSON file stays
 * the committed training output; this is a derived cache, best effort like the lexicon's: a
 * missing, foreign or damaged file is rebuilt from the JSON, a failed write is ignored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pruneCacheFiles, writeCacheFile } from '../../model/cache-file.js';
import { readWhole } from '../../model/read-whole.js';
import { FlatWeights } from './flat-weights.js';
import { withFlatWeights, type LinearModelFile } from './linear-model.js';

/** bump when the layout below or the meaning of its contents changes */
const FORMAT_VERSION = 1;
const MAGIC = 0x4d525442; // "BTRM" little-endian
const HEADER = 96;
/** cache files kept per directory (a retrained model makes a new one) */
const KEEP = 3;

/** Hash of this codec's source (read once at import, as the lexicon cache does); null when unreadable (no caching). */
const CODE_HASH: string | null = (() => {
  const ext = path.extname(new URL(import.meta.url).pathname);
  try {
    const h = createHash('sha256');
    for (const name of ['flat-weights', 'model-cache']) h.update(readFileSync(new URL(`./${name}${ext}`, import.meta.url))).update('\0');
    return h.digest('hex');
  } catch {
    return null;
  }
})();

const keyOf = (modelSha256: string) => createHash('sha256').update(`biotriples-relation-model ${FORMAT_VERSION}\n${CODE_HASH}\n${modelSha256}\n`).digest();
export const modelCacheFile = (dir: string, modelSha256: string) => path.join(dir, `relation-model-${keyOf(modelSha256).toString('hex').slice(0, 16)}.bin`);
const align8 = (n: number) => (n + 7) & ~7;

/** The model file (weights as flat arrays, `weights` built only if read) from its cache entry; undefined when absent, foreign or damaged. */
export function readModelCache<F extends LinearModelFile>(dir: string, modelSha256: string): F | undefined {
  if (!CODE_HASH) return undefined;
  let bytes: Uint8Array;
  try { bytes = readWhole(modelCacheFile(dir, modelSha256), (size) => new Uint8Array(size)); } catch { return undefined; }
  try {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    if (buf.length < HEADER || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== FORMAT_VERSION) return undefined;
    if (!buf.subarray(32, 64).equals(keyOf(modelSha256))) return undefined;
    if (!createHash('sha256').update(buf.subarray(HEADER)).digest().equals(buf.subarray(64, 96))) return undefined;
    const [headLen, namesLen, rows, total, tableSize] = [8, 12, 16, 20, 24].map((at) => buf.readUInt32LE(at));
    let at = HEADER;
    const take = (n: number) => { const from = at; at = align8(at + n); if (at > buf.length) throw new Error('short'); return from; };
    const headAt = take(headLen);
    const head = JSON.parse(buf.toString('utf8', headAt, headAt + headLen)) as F;
    const namesAt = take(namesLen);
    const names = buf.toString('utf8', namesAt, namesAt + namesLen);
    const ints = (n: number) => new Int32Array(bytes.buffer, bytes.byteOffset + take(n * 4), n);
    const nameStart = ints(rows + 1), table = ints(tableSize), rowStart = ints(rows + 1);
    const cls = new Uint8Array(bytes.buffer, bytes.byteOffset + take(total), total);
    const val = new Float64Array(bytes.buffer, bytes.byteOffset + take(total * 8), total);
    if (at !== buf.length || nameStart[rows] !== names.length || rowStart[rows] !== total) return undefined;
    const flat = new FlatWeights({ names, nameStart, table, rowStart, cls, val });
    let weights: Record<string, number[]> | undefined;
    // code that reads `weights` (a copy of the file, training reports) gets the object back, built once
    Object.defineProperty(head, 'weights', { enumerable: true, configurable: true, get: () => (weights ??= flat.toRecord()) });
    return withFlatWeights(head, flat);
  } catch {
    return undefined;
  }
}

/** Writes the cache entry of a model file whose JSON has this sha256 (temp file + rename); false on any failure. */
export function writeModelCache(dir: string, modelSha256: string, file: LinearModelFile, flat: FlatWeights): boolean {
  if (!CODE_HASH) return false;
  const target = modelCacheFile(dir, modelSha256);
  const written = writeCacheFile(target, () => {
    const { names, nameStart, table, rowStart, cls, val } = flat.parts;
    const namesBytes = Buffer.from(names, 'utf8');
    // a name that UTF-8 cannot carry (a lone surrogate) would come back changed: keep the JSON path
    if (namesBytes.toString('utf8') !== names) return undefined;
    const head = Buffer.from(JSON.stringify({ ...file, weights: undefined }), 'utf8');
    const parts = [head, namesBytes, u8(nameStart), u8(table), u8(rowStart), cls, u8(val)];
    const body = Buffer.alloc(parts.reduce((n, p) => align8(n + p.length), 0));
    let at = 0;
    for (const p of parts) { body.set(p, at); at = align8(at + p.length); }
    const header = Buffer.alloc(HEADER);
    [MAGIC, FORMAT_VERSION, head.length, namesBytes.length, flat.rowCount, val.length, table.length].forEach((v, i) => header.writeUInt32LE(v, i * 4));
    keyOf(modelSha256).copy(header, 32);
    createHash('sha256').update(body).digest().copy(header, 64);
    return Buffer.concat([header, body]);
  });
  if (written) pruneCacheFiles(dir, /^relation-model-[0-9a-f]{16}\.bin$/, KEEP, target);
  return written;
}

const u8 = (a: Int32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

