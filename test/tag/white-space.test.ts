import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from '../../src/tag/white-space.js';

describe('isWhiteSpace', () => {
  it('is /\\s/ on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
    expect(isWhiteSpace(' '.charCodeAt(0)) && !isWhiteSpace('a'.charCodeAt(0)) && !isWhiteSpace(NaN)).toBe(true);
  });
});
