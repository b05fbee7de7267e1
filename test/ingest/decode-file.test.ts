import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/document.js';
import { decodeFile } from '../../src/ingest/decode-file.js';

function failure(bytes: Uint8Array): IngestError {
  try {
    decodeFile('paper.txt', bytes);
  } catch (e) {
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('decodeFile', () => {
  it('decodes UTF-8 and records the encoding', () => {
    expect(decodeFile('a.txt', new TextEncoder().encode('HER2 é'))).toEqual({ text: 'HER2 é', encoding: 'utf-8' });
  });

  it('accepts NUL bytes in UTF-16 with a byte-order mark', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0x49, 0x00]);
    expect(decodeFile('a.txt', bytes).text).toBe('HI');
  });

  it('names the file and calls NUL bytes binary', () => {
    const e = failure(Uint8Array.from([0x48, 0x00, 0x49]));
    expect(e).toBeInstanceOf(IngestError);
    expect(e.file).toBe('paper.txt');
    expect(e.code).toBe('binary');
  });

  it('reports a decoding failure with its position', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('caf\u00e9 ok\n'), 0x41, 0xe9, 0x42]);
    const e = failure(bytes);
    expect(e).toMatchObject({ file: 'paper.txt', code: 'encoding', where: { position: { line: 2, column: 2 } } });
  });
});
