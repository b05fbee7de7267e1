import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneCacheFiles, writeCacheFile } from '../../src/model/cache-file.js';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'biotriples-cache-file-'));

describe('writeCacheFile', () => {
  it('writes the content into a folder it makes, leaving no temp file', () => {
    const file = path.join(tempDir(), 'nested', 'a.bin');
    expect(writeCacheFile(file, () => 'abc')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('abc');
    expect(readdirSync(path.dirname(file))).toEqual(['a.bin']);
  });

  it('returns false and keeps the old file when building fails or gives nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.bin');
    writeFileSync(file, 'old');
    expect(writeCacheFile(file, () => { throw new Error('no'); })).toBe(false);
    expect(writeCacheFile(file, () => undefined)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.bin']);
  });
});

describe('pruneCacheFiles', () => {
  it('keeps the current file and the newest others up to the count, and files of other names', () => {
    const dir = tempDir();
    const names = ['c-1.bin', 'c-2.bin', 'c-3.bin', 'c-4.bin'];
    names.forEach((n, i) => { const f = path.join(dir, n); writeFileSync(f, n); utimesSync(f, 1000 + i, 1000 + i); });
    writeFileSync(path.join(dir, 'other.txt'), '');
    // c-1 is current (oldest), so with keep 3 the two newest others stay
    pruneCacheFiles(dir, /^c-\d\.bin$/, 3, path.join(dir, 'c-1.bin'));
    expect(readdirSync(dir).sort()).toEqual(['c-1.bin', 'c-3.bin', 'c-4.bin', 'other.txt']);
  });
});
