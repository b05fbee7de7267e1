import { describe, expect, it } from 'vitest';
import { findVariants } from '../../../src/tag/mutations/index.ts';

/** rule-tester style: texts that must yield no mention, by false-positive class */
const INVALID: Record<string, string[]> = {
  'cell lines': ['MCF7 cells', 'T47D cells', 'HCC1954', 'BT474 and SKBR3', 'MDA-MB-231', 'SUM190 cells', 'H1975 and A549', 'K562 leukemia', 'C33A cervical cells'],
  'clones and antibodies': ['the 4D5 antibody', 'clone 2C4', 'pertuzumab (2C4)'],
  'figure and table labels': ['(Figure S1A)', 'Fig. 2B', 'see Table S12A', 'Supplementary Fig. S10B'],
  'grant numbers and dates': ['grant R01CA123456', 'P30CA016672', 'on 2013-01-05', 'published 12/2013'],
  'chemical formulas': ['H2O2 treatment', 'CO2 incubator', 'MgCl2', 'H2A and H2B histones'],
  'gene names': ['T790 alone', 'S100A4 expression', 'P53 protein', 'CD44 and CD24', 'E2F1', 'p95 HER2', 'p95HER2', 'CYP2D6*4', 'H3K27me3', 'S100P expression', 'S100P and S100A4', 'S100G'],
  'positions without an alternative allele': ['Y1248 phosphorylation', 'at Y877 and Y1221/1222', 'residue T790'],
  'genotypes': ['G1359G wild type', 'the C1256088C locus'],
  'sizes before a base pair': ['a 300 bp A/T-rich region'],
  'femtoseconds': ['a 100 fs pulse', 'pulses of 10 fs', 'a 100fs pulse', 'pulses of 100fs', 'a 50fs time resolution'],
  'one-digit names in a list of names': ['histones H2A, H2B and H4', 'S1A and E2F cells', 'histone H2A variants'],
  'a hyphenated allele after a gene symbol ending in a digit (no signed protein change)': ['FCGR3A-176F'],
  'natural language not about a base change': ['G/C-rich region', 'lamin A/C dependent', 'delta 9 desaturase', 'Delta9-THC', 'glutamate to glutamine ratio', 'a 10 kb fragment', 'rs 12 loci'],
};

describe('false positives', () => {
  for (const [kind, texts] of Object.entries(INVALID)) {
    describe(kind, () => {
      for (const text of texts) it(JSON.stringify(text), () => expect(findVariants(text).map((v) => v.text)).toEqual([]));
    });
  }
});

describe('genotype notation next to real changes', () => {
  it('keeps the change and drops homozygous forms', () => {
    const v = findVariants('Met326Met/Met326Ile/Ile326Ile rates');
    expect(v.map((x) => x.text)).toEqual(['Met326Ile']);
  });
  it('drops an allele whose reference is the other form\'s alternative', () => {
    const v = findVariants('combined G1359A and A1359A as a group');
    expect(v.map((x) => x.text)).toEqual(['G1359A']);
  });
  it('keeps a synonymous protein change written alone', () => {
    expect(findVariants('the silent L809L change').map((x) => x.tmvar)).toEqual(['p|SUB|L|809|L']);
  });
  it('drops allele pairs listed as genotypes', () => {
    expect(findVariants('G/G (82.4%), G/A (10.8%), A/A (6.8%)')).toEqual([]);
    expect(findVariants('the G/C genotype of')).toEqual([]);
  });
});

describe('scanner cost', () => {
  it('stays linear on long adversarial input', () => {
    const junk = 'A1'.repeat(20000) + 'Ala-Ala '.repeat(20000) + '-1-1-1 '.repeat(20000) + 'p.(p.(' .repeat(20000);
    const t0 = performance.now();
    findVariants(junk);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
