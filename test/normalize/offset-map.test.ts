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
