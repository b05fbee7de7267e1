import { describe, expect, it } from 'vitest';
import { attachGenes, findVariants, type GeneSpan } from '../../../src/tag/mutations/index.ts';

/** gene spans for every occurrence of the given symbols (test helper: a stand-in gene tagger) */
function genesIn(text: string, symbols: string[]): GeneSpan[] {
  const out: GeneSpan[] = [];
  for (const s of symbols) for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push({ start: i, end: i + s.length, symbol: s });
  return out.sort((a, b) => a.start - b.start);
}
function sentencesIn(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/\. /g)) { out.push({ start, end: m.index! + 1 }); start = m.index! + 2; }
  out.push({ start, end: text.length });
  return out;
}
function attach(text: string, symbols: string[]) {
  const v = findVariants(text);
  return attachGenes(v, genesIn(text, symbols), sentencesIn(text)).map((a, i) => [v[i].text, a.gene, a.via]);
}

describe('attachGenes', () => {
  it('takes the gene directly before the variant', () => {
    expect(attach('HER2 V777L was found with EGFR amplification.', ['HER2', 'EGFR'])).toEqual([['V777L', 'HER2', 'sentence']]);
  });
  it('takes a list head for every element of a bracketed list', () => {
    const text = 'HER2 somatic mutations (G309A, D769H, V777L) activate EGFR signaling.';
    expect(attach(text, ['HER2', 'EGFR'])).toEqual([
      ['G309A', 'HER2', 'appositive'], ['D769H', 'HER2', 'appositive'], ['V777L', 'HER2', 'appositive'],
    ]);
  });
  it('takes a gene after the variant when none precedes it in the sentence', () => {
    expect(attach('Other work. The L858R mutation of EGFR confers sensitivity.', ['EGFR'])).toEqual([['L858R', 'EGFR', 'sentence']]);
  });
  it('prefers the gene before over a slightly closer one after', () => {
    expect(attach('In HER2 the V777L and EGFR.', ['HER2', 'EGFR'])).toEqual([['V777L', 'HER2', 'sentence']]);
  });
  it('falls back to the dominant gene of the document', () => {
    const text = 'ERBB2 is amplified. ERBB2 and TP53 interact. The V777L mutation confers resistance.';
    expect(attach(text, ['ERBB2', 'TP53'])).toEqual([['V777L', 'ERBB2', 'document']]);
  });
  it('gives null when there are no genes', () => {
    expect(attach('The V777L mutation.', [])).toEqual([['V777L', null, null]]);
  });
  it('keeps the input order of variants and is deterministic', () => {
    const text = 'HER2 V777L. EGFR L858R.';
    const v = findVariants(text).reverse();
    const genes = genesIn(text, ['HER2', 'EGFR']);
    const a = attachGenes(v, genes, sentencesIn(text));
    expect(a.map((x) => x.gene)).toEqual(['EGFR', 'HER2']);
    expect(attachGenes(v, genes, sentencesIn(text))).toEqual(a);
  });
});
