import { describe, expect, it } from 'vitest';
import { emptyCounts, normalizeId, overlapFigures, scoreDocument } from '../../src/evaluate/ner/ner-score.ts';
import { NER_ROWS } from '../../src/evaluate/ner/rows.ts';

const doc = { pmid: '1', text: 'Glucose and cAMP and LY294002 rose.', mentions: [] };
const gold = [
  { start: 0, end: 7, text: 'Glucose', type: 'Chemical', ids: ['D005947'] },
  { start: 12, end: 16, text: 'cAMP', type: 'Chemical', ids: ['MESH:D000242'] },
  { start: 21, end: 29, text: 'LY294002', type: 'Chemical', ids: [] },
];

describe('NER scoring', () => {
  it('counts exact, overlap and id matches', () => {
    const c = emptyCounts();
    const pred = [
      { start: 0, end: 7, text: 'Glucose', norm: 'MeSH:D005947', type: 'chemical', ids: ['MeSH:D005947'] },
      { start: 12, end: 16, text: 'cAMP', norm: 'CHEBI:17489', type: 'chemical', ids: ['CHEBI:17489'] },
      { start: 21, end: 23, text: 'LY', norm: 'x', type: 'chemical', ids: ['x'] },
      { start: 30, end: 34, text: 'rose', norm: 'y', type: 'chemical', ids: ['y'] },
    ];
    const errors: unknown[] = [];
    scoreDocument(c, doc, gold, pred, errors as never);
    expect(c.exact).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(c.overlap).toEqual({ tp: 3, fp: 1, fn: 0 });
    // ids: glucose right, cAMP wrong id, LY294002 has no gold id (left out), "LY" and "rose" are at no gold span
    expect(c.ids).toEqual({ tp: 1, fp: 3, fn: 1 });
    expect(overlapFigures(c).recall).toBe(1);
    expect(errors).toHaveLength(3);
  });
  it('reads corpus ids as CURIEs', () => {
    expect(normalizeId('MESH:D005947')).toBe('MeSH:D005947');
    expect(normalizeId('C085911')).toBe('MeSH:C085911');
    expect(normalizeId('CHEBI:1')).toBe('CHEBI:1');
  });
  it('has a row per corpus part and type, chemicals included', () => {
    const names = NER_ROWS.map((r) => `${r.corpus} ${r.split} ${r.type}`);
    expect(names).toEqual(expect.arrayContaining(['BC5CDR test chemical', 'NLM-Chem test chemical', 'DrugProt dev chemical']));
    expect(new Set(names).size).toBe(names.length);
  });
});
