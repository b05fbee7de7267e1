import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../src/normalize/offset-map.js';

describe('OffsetMap', () => {
  it('maps deletions, same-length and length-changing replacements back to the original', () => {
    const original = 'ab-\ncd $\\alpha$ x';
    const map = OffsetMap.identity(original)
      .apply([{ start: 2, end: 4, replacement: '' }])
      .apply([{ start: 5, end: 13, replacement: 'α' }]);
    expect(map.text).toBe('abcd α x');
    const back = (s: number, e: number) => { const o = map.toOriginal(s, e); return original.slice(o.start, o.end); };
    expect(back(0, 4)).toBe('ab-\ncd');
    expect(back(5, 6)).toBe('$\\alpha$');
    expect(back(7, 8)).toBe('x');
  });
  it('rejects empty or out-of-range spans', () => {
    expect(() => OffsetMap.identity('abc').toOriginal(2, 2)).toThrow(RangeError);
    expect(() => OffsetMap.identity('abc').toOriginal(0, 4)).toThrow(RangeError);
  });
  it('rejects overlapping edits', () => {
    expect(() => OffsetMap.identity('abcdef').apply([{ start: 0, end: 3, replacement: 'x' }, { start: 2, end: 4, replacement: 'y' }])).toThrow();
  });
});

describe('OffsetMap.fromOriginal', () => {
  const map = OffsetMap.identity('ab-\ncd ef').apply([{ start: 2, end: 4, replacement: '' }, { start: 5, end: 6, replacement: 'DD' }]);
  it('finds the normalized span of an original span, across deletions and expansions', () => {
    expect(map.text).toBe('abcDD ef');
    expect(map.fromOriginal(0, 6)).toEqual({ start: 0, end: 5 });
    expect(map.fromOriginal(7, 9)).toEqual({ start: 6, end: 8 });
    const back = map.fromOriginal(4, 6)!;
    expect(map.toOriginal(back.start, back.end)).toEqual({ start: 4, end: 6 });
  });
  it('is undefined for a span the normalization removed', () => {
    expect(map.fromOriginal(2, 4)).toBeUndefined();
  });
});
