import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { savedTextPath } from '../../src/emit/dataset.js';
import type { SourceDocument } from '../../src/ingest/document.js';

const doc = (over: Partial<SourceDocument>): SourceDocument => ({ id: 'd', source: 'in/d.txt', format: 'text', encoding: 'utf-8', text: 'x', sha256: '0'.repeat(64), ...over });

describe('savedTextPath: where a document\'s original text is kept', () => {
  it('PDFs and files not in plain UTF-8 keep their text under texts/; plain UTF-8 and PubTator do not', () => {
    expect(savedTextPath('out', doc({ format: 'pdf', encoding: 'pdf' }))).toBe(path.resolve('out/texts/d.txt'));
    expect(savedTextPath('out', doc({ encoding: 'windows-1252', id: 'a/d' }))).toBe(path.resolve('out/texts/a/d.txt'));
    expect(savedTextPath('out', doc({ encoding: 'utf-8-bom' }))).toBe(path.resolve('out/texts/d.txt'));
    expect(savedTextPath('out', doc({}))).toBeUndefined();
    expect(savedTextPath('out', doc({ format: 'pubtator', encoding: 'utf-16le' }))).toBeUndefined();
  });
  it('an id that would leave texts/ is refused', () => {
    expect(() => savedTextPath('out', doc({ format: 'pdf', id: '../../etc/x' }))).toThrow(/does not name a file inside/);
  });
});
