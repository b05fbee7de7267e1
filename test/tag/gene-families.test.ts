import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { dropNamedComplexes } from '../../src/tag/gene-families.js';
import { learnedGenesOn } from '../../src/tag/learned/switch.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const lexicon = defaultLexicon();
const genes = (text: string) => tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene').map((m) => `${text.slice(m.start, m.end)}=${m.norm}`);

describe('a short name plus "complex" names the assembly (dropNamedComplexes)', () => {
  it('drops the family mention of a named complex', () => {
    for (const text of ['The WASH complex regulates endosomes.', 'DNA ends are bound by the MRN complex.', 'The PAF1 complex binds RNA polymerase II.'])
      expect([text, genes(text).filter((g) => /complex/.test(g))]).toEqual([text, []]);
  });
  it('keeps complexes named by lower-case words, and genes before other words', () => {
    expect(genes('Peptides bind the major histocompatibility complex.').some((g) => g.startsWith('major histocompatibility complex='))).toBe(true);
    const m = (text: string, norm: string) => ({ type: 'gene' as const, start: 0, end: text.length, norm, name: 'x', sentence: 0, source: 'famplex' });
    expect(dropNamedComplexes('MRN complex', [m('MRN complex', 'FPLX:MRN_complex')])).toEqual([]);
    for (const [text, norm] of [['IKK complex', 'NCBIGene:1147'], ['pyruvate dehydrogenase complex', 'FPLX:PDH'], ['MRN', 'FPLX:MRN_complex']])
      expect(dropNamedComplexes(text, [m(text, norm)])).toHaveLength(1);
  });
});

describe('receptor subtypes and gene families (gene-families.tsv)', () => {
  it('grounds receptor subtypes as pharmacology writes them to the gene (GtoPdb targets)', () => {
    expect(genes('It binds the 5-HT2A receptor.')).toEqual(['5-HT2A receptor=NCBIGene:3356']);
    expect(genes('It binds 5-HT(1A) receptors.')).toEqual(['5-HT(1A) receptors=NCBIGene:3350']);
    expect(genes('the beta(2)-adrenoceptor')).toEqual(['beta(2)-adrenoceptor=NCBIGene:154']);
    expect(genes('the mu opioid receptor')).toEqual(['mu opioid receptor=NCBIGene:4988']);
  });
  it('grounds families to FamPlex, GtoPdb or HGNC groups, or types them LOCAL', () => {
    expect(genes('Dopamine receptors and alpha1-adrenoceptors were studied.')).toEqual(['Dopamine receptors=FPLX:DRD', 'alpha1-adrenoceptors=LOCAL:alpha1_adrenoceptor']);
    expect(genes('tyrosine kinases')).toEqual(['tyrosine kinases=LOCAL:tyrosine_kinase']);
  });
  it('a generic family inside a drug-class phrase is no gene mention', () => {
    expect(genes('tyrosine kinase inhibitors were given')).toEqual([]);
  });
  it('a stop-listed short form defined in the document takes its long form', () => {
    expect(genes('the dopamine transporter (DAT). DAT binds it.')).toEqual(['dopamine transporter=NCBIGene:6531', 'DAT=NCBIGene:6531', 'DAT=NCBIGene:6531']);
  });
  it('tags microRNAs as their MIR gene; a name several loci make gets no locus (the learned tagger types it LOCAL, the guidelines\' null)', () => {
    const found = genes('miR-21, microRNA-125a-5p and hsa-miR-155 but not miR-196a.');
    expect(found.slice(0, 3)).toEqual(['miR-21=NCBIGene:406991', 'microRNA-125a-5p=NCBIGene:406910', 'hsa-miR-155=NCBIGene:406947']);
    expect(found.slice(3)).toEqual(learnedGenesOn() ? ['miR-196a=LOCAL:mir-196a'] : []);
  });
  it('a family matched inside a long form does not rebind a short form that is a gene itself', () => {
    expect(genes("Bruton's tyrosine kinase (Btk). Btk")).toContain('Btk=NCBIGene:695');
  });
});
