import { describe, expect, it } from 'vitest';
import { normalizeId, prf, scoreDocument, type NerScore } from '../../src/evaluate/ner-score.ts';
import { NER_ROWS } from '../../src/evaluate/ner/rows.ts';

const doc = { id: '1', text: 'Glucose and cAMP and LY294002 rose.', mentions: [] };
const gold = [
  { start: 0, end: 7, text: 'Glucose', type: 'Chemical', ids: ['D005947'] },
  { start: 12, end: 16, text: 'cAMP', type: 'Chemical', ids: ['MESH:D000242'] },
  { start: 21, end: 29, text: 'LY294002', type: 'Chemical', ids: [] },
];

describe('NER scoring', () => {
  it('counts exact, overlap and id matches, with an error row for each miss', () => {
    const s: NerScore = { exact: prf(), overlap: prf(), id: prf(), errors: [] };
    const pred = [
      { start: 0, end: 7, text: 'Glucose', id: 'MeSH:D005947' },
      { start: 12, end: 16, text: 'cAMP', id: 'CHEBI:17489' },
      { start: 21, end: 23, text: 'LY', id: 'x' },
      { start: 30, end: 34, text: 'rose', id: 'y' },
    ];
    scoreDocument(s, doc, gold, [], pred, (p, g) => g.ids.map(normalizeId).includes(p.id!));
    expect(s.exact).toEqual({ tp: 2, fp: 2, fn: 1 });
    expect(s.overlap).toEqual({ tp: 3, fp: 1, fn: 0 });
    // ids: glucose right; cAMP at its span with another id; "LY" and "rose" at no gold span; LY294002 found by nobody
    expect(s.id).toEqual({ tp: 1, fp: 3, fn: 2 });
    expect(s.errors.map((e) => `${e[0]} ${e[4]} ${e[6]}`)).toEqual(['id-FP cAMP gold MESH:D000242', 'FP LY boundary:LY294002', 'FP rose spurious', 'FN LY294002 boundary:LY']);
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
