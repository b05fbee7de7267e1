import { describe, expect, it } from 'vitest';
import { assignDocumentIds } from '../../src/ingest/document-ids.js';

const ids = (files: string[], root = 'in') => [...assignDocumentIds(files, root).values()];

describe('assignDocumentIds', () => {
  it('keeps the file name without extension when no other input shares it', () => {
    expect(ids(['in/a/x.pdf', 'in/b/y.md', 'in/z.pubtator.txt'])).toEqual(['x', 'y', 'z']);
  });
  it('same base name in two folders: the path below the input folder', () => {
    expect(ids(['in/a/d.pdf', 'in/b/d.pdf', 'in/c/e.txt'])).toEqual(['a/d', 'b/d', 'e']);
  });
  it('same name with two extensions in one folder: the extension is kept', () => {
    expect(ids(['in/d.md', 'in/d.txt'])).toEqual(['d.md', 'd.txt']);
  });
  it('names that differ only in case collide (they would share a file on case-insensitive disks)', () => {
    expect(ids(['in/a/D.txt', 'in/b/d.txt'])).toEqual(['a/D', 'b/d']);
  });
  it('a promoted id that meets another file name is promoted again', () => {
    // "d.txt" (from d.txt and d.md) would equal the stem of d.txt.txt
    expect(ids(['in/d.md', 'in/d.txt', 'in/d.txt.txt'])).toEqual(['d.md', 'd.txt', 'd.txt.txt']);
    expect(new Set(ids(['in/d.md', 'in/d.txt', 'in/d.txt.txt'])).size).toBe(3);
  });
  it('depends only on the set of files, not on their order', () => {
    const files = ['in/a/d.pdf', 'in/b/d.pdf', 'in/d.md', 'in/q.txt'];
    const forward = assignDocumentIds(files, 'in');
    const backward = assignDocumentIds([...files].reverse(), 'in');
    for (const f of files) expect(backward.get(f)).toBe(forward.get(f));
  });
  it('a single input file is named after itself', () => {
    expect(ids(['papers/one.md'], 'papers')).toEqual(['one']);
  });
});
