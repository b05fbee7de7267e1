import { describe, expect, it } from 'vitest';
import { GENE_DISAMBIGUATION_EXAMPLES, disambiguateGenes } from '../../src/tag/gene-disambiguation.ts';
import type { Mention } from '../../src/tag/mention.ts';

const gene = (text: string, surface: string): Mention[] => {
  const out: Mention[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1))
    if (!/[A-Za-z0-9]/.test(text[i - 1] ?? ' ') && !/[A-Za-z0-9]/.test(text[i + surface.length] ?? ' '))
      out.push({ type: 'gene', start: i, end: i + surface.length, norm: 'NCBIGene:1', name: 'X', sentence: 0, source: 'symbol' });
  return out;
};

describe('gene disambiguation (each example is a test)', () => {
  for (const ex of GENE_DISAMBIGUATION_EXAMPLES) {
    it(`${ex.rule}: ${ex.text}`, () => {
      const mentions = gene(ex.text, ex.mention);
      expect(mentions.length).toBeGreaterThan(0);
      const got = disambiguateGenes(ex.text, mentions).map((m) => ex.text.slice(m.start, m.end));
      if (ex.expect === null) expect(got).toEqual([]);
      else expect(got).toContain(ex.expect);
    });
  }
  it('leaves non-gene mentions and neighbours alone', () => {
    const text = 'NRG-1 beta';
    const ms: Mention[] = [
      { type: 'gene', start: 0, end: 5, norm: 'NCBIGene:3084', name: 'NRG1', sentence: 0, source: 'alias' },
      { type: 'drug', start: 6, end: 10, norm: 'DrugBank:DB00001', name: 'x', sentence: 0, source: 'drugbank' },
    ];
    expect(disambiguateGenes(text, ms)).toEqual(ms);
  });
});
