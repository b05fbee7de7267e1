import { describe, expect, it } from 'vitest';
import { ABSENT, KeyTable, MAX_FAMILIES } from '../../../src/relate/classifier/key-table.js';

describe('KeyTable', () => {
  it('maps (family, a, b, c) keys to values, -1 parts included, and tells an absent key', () => {
    const t = new KeyTable(16);
    t.set(0, -1, -1, -1, 7);
    t.set(0, 0, -1, -1, 8);
    t.set(3, 5, 6, -1, -1);
    t.set(3, 5, 6, 7, 9);
    expect([t.get(0, -1, -1, -1), t.get(0, 0, -1, -1), t.get(3, 5, 6, -1), t.get(3, 5, 6, 7)]).toEqual([7, 8, -1, 9]);
    expect(t.get(3, 6, 5, -1)).toBe(ABSENT);
    expect(t.get(1, -1, -1, -1)).toBe(ABSENT);
    t.set(3, 5, 6, 7, 10);
    expect([t.get(3, 5, 6, 7), t.size]).toEqual([10, 4]);
  });

  it('keeps every key when it grows, and forgets all when cleared', () => {
    const t = new KeyTable(16);
    for (let i = 0; i < 5000; i++) t.set(i % 300, i, i * 7, -1, i);
    expect(t.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(t.get(i % 300, i, i * 7, -1)).toBe(i);
    t.clear();
    expect([t.size, t.get(1, 1, 7, -1)]).toEqual([0, ABSENT]);
  });

  it('refuses a key it cannot pack', () => {
    const t = new KeyTable();
    expect(() => t.set(MAX_FAMILIES, 0, 0, 0, 1)).toThrow(/out of range/);
    expect(() => t.set(0, -2, 0, 0, 1)).toThrow(/out of range/);
  });
});
