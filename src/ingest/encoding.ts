/**
 * Bytes → text, never silently: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE with a
 * byte-order mark, and Windows-1252 (which covers Latin-1's printable characters) when the bytes
 * are not valid UTF-8 and hold no UTF-8 sequence at all. Bytes that are partly UTF-8 and partly
 * not are a damaged file: an error with the line and column of the first bad byte, never U+FFFD.
 */
import type { Encoding, Position } from '../model/schemas.js';

export interface Decoded { encoding: Encoding; text: string }

/** Why bytes could not be decoded, and where. */
export class DecodeError extends Error {
  constructor(readonly reason: string, readonly position?: Position) {
    super(reason);
  }
}

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

/** The offset of the first byte that breaks UTF-8 (-1 if none) and how many multi-byte characters precede it. */
export function scanUtf8(b: Uint8Array): { invalidAt: number; multibyte: number } {
  let multibyte = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (!need || i + need >= b.length) return { invalidAt: i, multibyte };
    // second-byte ranges that exclude overlong forms, surrogates and code points past U+10FFFF
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (b[i + 1] < lo || b[i + 1] > hi) return { invalidAt: i, multibyte };
    for (let k = 2; k <= need; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return { invalidAt: i, multibyte };
    multibyte++;
    i += need + 1;
  }
  return { invalidAt: -1, multibyte };
}

/** 1-based line and column (in characters) of a byte offset of UTF-8-ish bytes. */
export function positionOf(b: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) { line++; lineStart = i + 1; }
  const column = new TextDecoder('utf-8').decode(b.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

export function decodeText(b: Uint8Array): Decoded {
  if (b[0] === 0xff && b[1] === 0xfe) return utf16(b, 'utf-16le');
  if (b[0] === 0xfe && b[1] === 0xff) return utf16(b, 'utf-16be');
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const body = bom ? b.subarray(3) : b;
  try {
    return { encoding: bom ? 'utf-8-bom' : 'utf-8', text: strict('utf-8').decode(body) };
  } catch {
    const { invalidAt, multibyte } = scanUtf8(body);
    const at = positionOf(body, invalidAt);
    const byte = `0x${body[invalidAt].toString(16).toUpperCase().padStart(2, '0')}`;
    if (bom || multibyte > 0)
      throw new DecodeError(`invalid UTF-8 (byte ${byte}) at line ${at.line}, column ${at.column}, in a file that is otherwise UTF-8: mixed or damaged encoding; convert it to UTF-8`, at);
    return { encoding: 'windows-1252', text: decodeWindows1252(body) };
  }
}

// 0x80-0x9F in Windows-1252 (WHATWG table; the five unassigned bytes keep their C1 code points).
// Written out because Node's TextDecoder('windows-1252') decodes this range as ISO-8859-1 controls.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(b: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < b.length; i += 8192) {
    const chunk = b.subarray(i, i + 8192);
    parts.push(String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]));
  }
  return parts.join('');
}

function utf16(b: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (b.length % 2) throw new DecodeError(`${encoding.toUpperCase()} byte-order mark but an odd number of bytes (truncated file)`);
  try {
    return { encoding, text: strict(encoding).decode(b.subarray(2)) };
  } catch {
    throw new DecodeError(`${encoding.toUpperCase()} byte-order mark but invalid ${encoding.toUpperCase()} (unpaired surrogate)`);
  }
}
