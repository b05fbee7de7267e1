import { describe, expect, it } from 'vitest';
import { adjustChemicalSpans, SPAN_EXAMPLES } from '../../src/tag/chemical-spans.ts';
import { defaultLexicon } from '../../src/tag/dictionary.ts';

describe('chemical spans as chemistry writes the name', () => {
  for (const ex of SPAN_EXAMPLES) {
    it(`${ex.mention} in "${ex.text}" → ${ex.adjusted}`, () => {
      const start = ex.text.indexOf(ex.mention);
      const m = adjustChemicalSpans(ex.text, [{ type: 'chemical', start, end: start + ex.mention.length, norm: 'n', name: 'n', sentence: 0, source: 's' }], defaultLexicon())[0];
      expect(ex.text.slice(m.start, m.end)).toBe(ex.adjusted);
    });
  }
  it('grounds the head of a narrowed mention to its own id ("blood glucose" → glucose)', () => {
    const m = adjustChemicalSpans('blood glucose fell', [{ type: 'chemical', start: 0, end: 13, norm: 'MeSH:D001786', name: 'Blood Glucose', sentence: 0, source: 's' }], defaultLexicon())[0];
    expect(m.norm).not.toBe('MeSH:D001786');
  });
  it('never grows over another mention', () => {
    const text = 'C2-ceramide';
    const ms = adjustChemicalSpans(text, [{ type: 'gene', start: 0, end: 2, norm: 'g', name: 'g', sentence: 0, source: 's' }, { type: 'chemical', start: 3, end: 11, norm: 'n', name: 'n', sentence: 0, source: 's' }], defaultLexicon());
    expect(ms[1].start).toBe(3);
  });
});
