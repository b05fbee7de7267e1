import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText, scanUtf8 } from '../../src/ingest/encoding.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { IngestError } from '../../src/ingest/document.js';

const TEXT = 'Trastuzumab – “HER2” naïve, 5 µM, 37 °C.\n';
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
// Windows-1252 bytes of TEXT: – 0x96, “ 0x93, ” 0x94, ï 0xEF, µ 0xB5, ° 0xB0
const cp1252 = Buffer.from([...'Trastuzumab '].map((c) => c.charCodeAt(0)).concat([0x96, 0x20, 0x93], [...'HER2'].map((c) => c.charCodeAt(0)), [0x94, 0x20], [...'na'].map((c) => c.charCodeAt(0)), [0xef], [...'ve, 5 '].map((c) => c.charCodeAt(0)), [0xb5], [...'M, 37 '].map((c) => c.charCodeAt(0)), [0xb0], [...'C.\n'].map((c) => c.charCodeAt(0))));

describe('decodeText: every encoding named, never a silent U+FFFD', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8-bom'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
    ['Windows-1252', cp1252, 'windows-1252'],
  ])('%s', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ encoding, text: TEXT });
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('Latin-1 bytes (no 0x80-0x9F) read as Windows-1252, its superset for printable characters', () => {
    expect(decodeText(Buffer.from('café µ', 'latin1'))).toEqual({ encoding: 'windows-1252', text: 'café µ' });
  });

  it('bytes that are partly UTF-8 and partly not are an error with the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('naïve line\nsecond ', 'utf8'), Buffer.from([0xe9]), Buffer.from(' end', 'utf8')]);
    const err = (() => { try { decodeText(bytes); } catch (e) { return e; } })() as DecodeError;
    expect(err).toBeInstanceOf(DecodeError);
    expect(err.position).toEqual({ line: 2, column: 8 });
    expect(err.reason).toMatch(/invalid UTF-8 \(byte 0xE9\) at line 2, column 8/);
  });

  it('a BOM followed by invalid UTF-8, an odd-length UTF-16 file and an unpaired surrogate are errors', () => {
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff]))).toThrow(DecodeError);
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]))).toThrow(/odd number of bytes/);
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toThrow(/unpaired surrogate/);
  });

  it('scanUtf8 rejects overlong forms, surrogates and truncated sequences', () => {
    expect(scanUtf8(Buffer.from('aé€😀', 'utf8'))).toEqual({ invalidAt: -1, multibyte: 3 });
    expect(scanUtf8(Buffer.from([0x41, 0xc0, 0x80])).invalidAt).toBe(1);
    expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80])).invalidAt).toBe(0);
    expect(scanUtf8(Buffer.from([0x41, 0xe2, 0x82])).invalidAt).toBe(1);
  });

  it('ingest records the encoding on the document; a damaged file fails with code "encoding" and its position', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-enc-'));
    writeFileSync(path.join(dir, 'latin.txt'), cp1252);
    writeFileSync(path.join(dir, 'wide.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]));
    writeFileSync(path.join(dir, 'mixed.txt'), Buffer.concat([Buffer.from('µ ok\n', 'utf8'), Buffer.from([0xb5])]));
    expect((await ingestFile(path.join(dir, 'latin.txt'))).documents[0]).toMatchObject({ encoding: 'windows-1252', text: TEXT });
    expect((await ingestFile(path.join(dir, 'wide.md'))).documents[0]).toMatchObject({ encoding: 'utf-16le', format: 'markdown', text: TEXT });
    const err = await ingestFile(path.join(dir, 'mixed.txt')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ code: 'encoding', where: { position: { line: 2, column: 1 } } });
  });
});
