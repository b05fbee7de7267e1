import { describe, expect, it } from 'vitest';
import { hasPathwayHead, pathwaysFromGenes } from '../../src/tag/pathway-mentions.js';
import type { Mention } from '../../src/tag/mention.js';

const gene = (text: string, surface: string, norm: string, type: Mention['type'] = 'gene'): Mention => {
  const start = text.indexOf(surface);
  return { type, start, end: start + surface.length, norm, name: norm, sentence: 0, source: 't' };
};
const run = (text: string, ms: Mention[]) => pathwaysFromGenes(text, ms).map((m) => `${m.type}:${text.slice(m.start, m.end)}=${m.norm}`);

describe('pathways written as genes', () => {
  it('a slash chain is one pathway, named after its highest-priority member', () => {
    const t = 'via IGF-1R/Akt/mTOR in cells';
    expect(run(t, [gene(t, 'IGF-1R', 'NCBIGene:3480'), gene(t, 'Akt', 'FPLX:AKT'), gene(t, 'mTOR', 'NCBIGene:2475')])).toEqual(['pathway:IGF-1R/Akt/mTOR=KEGG:hsa04151']);
  });
  it('a gene followed by a head word is a pathway mention', () => {
    const t = 'blocks HER2 signaling pathways here';
    expect(run(t, [gene(t, 'HER2', 'NCBIGene:2064')])).toEqual(['pathway:HER2 signaling pathways=GO:0038128']);
  });
  it('a chain ending in a dictionary pathway joins it', () => {
    const t = 'the Akt/mTOR pathway';
    expect(run(t, [gene(t, 'Akt', 'FPLX:AKT'), gene(t, 'mTOR pathway', 'KEGG:hsa04150', 'pathway')])).toEqual(['pathway:Akt/mTOR pathway=KEGG:hsa04151']);
  });
  it('a receptor pair without a head word stays two genes', () => {
    const t = 'HER1/HER2 inhibitor';
    expect(run(t, [gene(t, 'HER1', 'NCBIGene:1956'), gene(t, 'HER2', 'NCBIGene:2064')])).toEqual(['gene:HER1=NCBIGene:1956', 'gene:HER2=NCBIGene:2064']);
  });
  it('genes joined by "and", or unmapped chains, stay genes', () => {
    const t = 'HER2 and EGFR; MUC4/CD44 bind';
    expect(run(t, [gene(t, 'HER2', 'NCBIGene:2064'), gene(t, 'EGFR', 'NCBIGene:1956'), gene(t, 'MUC4', 'NCBIGene:4585'), gene(t, 'CD44', 'NCBIGene:960')]))
      .toEqual(['gene:HER2=NCBIGene:2064', 'gene:EGFR=NCBIGene:1956', 'gene:MUC4=NCBIGene:4585', 'gene:CD44=NCBIGene:960']);
  });
  it('dictionary pathway names need a head word', () => {
    expect(hasPathwayHead('immune system')).toBe(false);
    expect(hasPathwayHead('Hippo-YAP pathway')).toBe(true);
  });
});
