/**
 * Caps on what a PDF may expand to, checked on the raw bytes before the PDF parser sees them
 * (the parser itself has no limit: a 1.9 MB file of compressed zeros inflates to gigabytes).
 * Counts the streams, the decompressed bytes of every non-image stream (FlateDecode, behind
 * ASCIIHex/ASCII85 wrappers too), stopping as soon as the cap is passed, and the page objects,
 * also inside compressed object streams. One pass, linear in the file size. Streams under other filters (LZW, RunLength) and encrypted streams
 * count at their stored size: not yet bounded (SECURITY.md).
 */
import { constants, createInflate, inflateSync } from 'node:zlib';
import { formatBytes, type InputLimits } from './limits.js';

const PAGE = /\/Type\s*\/Page(?![A-Za-z])/g;
const countPages = (s: string) => s.match(PAGE)?.length ?? 0;

interface PdfStream { dict: string; data: Buffer }

/** The streams of a PDF file, each with the dictionary text that precedes its `stream` keyword. */
function* streams(buf: Buffer, raw: string): Generator<PdfStream> {
  let previousEnd = 0;
  for (let pos = 0; ; ) {
    const at = raw.indexOf('stream', pos);
    if (at < 0) return;
    pos = at + 6;
    if (raw.startsWith('end', at - 3)) continue;
    let start = at + 6;
    if (raw[start] === '\r') start++;
    if (raw[start] === '\n') start++;
    const end = raw.indexOf('endstream', start);
    if (end < 0) return;
    // the dictionary lies just before the keyword: look back a bounded window (never the whole file per stream)
    // and not into the previous stream, so the whole scan stays linear in the file size
    const window = raw.slice(Math.max(previousEnd, at - 4096), at);
    const dict = window.slice(Math.max(0, window.lastIndexOf(' obj')));
    yield { dict, data: buf.subarray(start, end) };
    pos = previousEnd = end + 9;
  }
}

const filtersOf = (dict: string): string[] => {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  return m ? (m[1].match(/\/[A-Za-z0-9]+/g) ?? []).map((f) => f.slice(1)) : [];
};

function asciiHex(data: Buffer): Buffer {
  const hex = data.toString('latin1').replace(/[^0-9A-Fa-f>]/g, '').split('>')[0];
  return Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const s = data.toString('latin1').replace(/\s/g, '').replace(/^<~/, '').split('~>')[0];
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84);
    for (let i = 0; i < n - 1; i++) out.push((v >>> (24 - 8 * i)) & 0xff);
    group = [];
  };
  for (const ch of s) {
    if (ch === 'z' && !group.length) { out.push(0, 0, 0, 0); continue; }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) continue;
    group.push(c);
    if (group.length === 5) flush(5);
  }
  if (group.length) flush(group.length);
  return Buffer.from(out);
}

/** Below this compressed size a stream is inflated in one call (a zlib stream per tiny stream costs ~0.15 ms). */
const SMALL_STREAM = 64 * 1024;

/** Inflated size of `data`, stopping once it passes `budget`; `onText` sees the output (latin1) when given. */
async function inflatedSize(data: Buffer, budget: number, onText?: (s: string) => void): Promise<number> {
  if (data.length < SMALL_STREAM) {
    try {
      const out = inflateSync(data, { maxOutputLength: Math.max(1, budget + 1), finishFlush: constants.Z_SYNC_FLUSH });
      onText?.(out.toString('latin1'));
      return out.length;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? budget + 1 : 0;
    }
  }
  return new Promise((resolve) => {
    let size = 0;
    const inflate = createInflate();
    const finish = () => { inflate.removeAllListeners(); inflate.destroy(); resolve(size); };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      onText?.(chunk.toString('latin1'));
      if (size > budget) finish();
    });
    inflate.on('end', finish);
    inflate.on('error', finish); // not Flate data, or damaged: the parser will judge it
    inflate.end(data);
  });
}

/** Throws a plain Error with the reason when the PDF passes a cap. */
export async function checkPdfLimits(bytes: Uint8Array, limits: InputLimits): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = buf.toString('latin1');
  let pages = countPages(raw);
  let inflated = 0;
  let count = 0;
  for (const { dict, data } of streams(buf, raw)) {
    if (++count > limits.maxPdfStreams) throw new Error(`PDF has more than ${limits.maxPdfStreams} streams (limit): not read`);
    if (/\/Subtype\s*\/Image/.test(dict)) continue; // text extraction never decodes images
    const filters = filtersOf(dict);
    let payload = data;
    let i = 0;
    for (; i < filters.length && /^(ASCIIHexDecode|AHx|ASCII85Decode|A85)$/.test(filters[i]); i++)
      payload = filters[i].startsWith('ASCIIHex') || filters[i] === 'AHx' ? asciiHex(payload) : ascii85(payload);
    const flate = filters[i] === 'FlateDecode' || filters[i] === 'Fl';
    const isObjectStream = /\/Type\s*\/ObjStm/.test(dict);
    // a page pattern may straddle two output chunks: keep a short tail
    let tail = '';
    const scanPages = isObjectStream ? (s: string) => { pages += countPages(tail + s) - countPages(tail); tail = s.slice(-24); } : undefined;
    inflated += flate ? await inflatedSize(payload, limits.maxPdfInflatedBytes - inflated, scanPages) : payload.length;
    if (inflated > limits.maxPdfInflatedBytes)
      throw new Error(`PDF streams decompress to more than ${formatBytes(limits.maxPdfInflatedBytes)} (limit): not read`);
  }
  if (pages > limits.maxPdfPages) throw new Error(`PDF has ${pages} pages, more than the limit of ${limits.maxPdfPages}: not read`);
}
