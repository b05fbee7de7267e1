/**
 * Bytes of an input file to text, or an IngestError naming the file: NUL bytes outside UTF-16
 * mean binary, and a decoding failure keeps its position (encoding.ts never substitutes U+FFFD).
 */
import type { Encoding } from '../model/schemas.js';
import { IngestError } from './document.js';
import { DecodeError, decodeText } from './encoding.js';

export function decodeFile(file: string, bytes: Uint8Array): { text: string; encoding: Encoding } {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) throw new IngestError(file, 'binary', 'file is binary (contains NUL bytes), not text');
  try {
    return decodeText(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw new IngestError(file, 'encoding', e.reason, { position: e.position });
    throw e;
  }
}
