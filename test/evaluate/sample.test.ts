import { describe, expect, it } from 'vitest';
import { sampleRows } from '../../src/evaluate/sample.js';

const rows = Array.from({ length: 100 }, (_, i) => ({ id: `t${String(i).padStart(3, '0')}` }));

describe('sampleRows', () => {
  it('is reproducible and independent of input order', () => {
    const a = sampleRows(rows, 40, 7).map((r) => r.id);
    const b = sampleRows([...rows].reverse(), 40, 7).map((r) => r.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(40);
  });
  it('differs between seeds and caps at the population', () => {
    expect(sampleRows(rows, 40, 1).map((r) => r.id)).not.toEqual(sampleRows(rows, 40, 2).map((r) => r.id));
    expect(sampleRows(rows.slice(0, 5), 40, 1)).toHaveLength(5);
  });
});
