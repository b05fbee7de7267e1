import { describe, expect, it } from 'vitest';
import { parseBiored, splitIds } from '../../src/evaluate/corpora/biored.ts';

const SAMPLE = [
  '10491763|t|Hepatocyte nuclear factor-6 and MODY.',
  '10491763|a|HNF-6 binds insulin; glucose rose.',
  '10491763\t0\t27\tHepatocyte nuclear factor-6\tGeneOrGeneProduct\t3175',
  '10491763\t32\t36\tMODY\tGeneOrGeneProduct\t3172,3651,6927',
  '10491763\t38\t43\tHNF-6\tGeneOrGeneProduct\t3175',
  '10491763\t50\t57\tinsulin\tGeneOrGeneProduct\t3630;3631',
  '10491763\t59\t66\tglucose\tChemicalEntity\tD005947',
  '10491763\tAssociation\t3175\tD003924\tNovel',
  '',
  '77|t|No annotations.',
  '77|a|Only text here.',
  '77\t0\t2\tNo\tCellLine\t-',
  '',
].join('\n');

describe('parseBiored', () => {
  const docs = parseBiored(SAMPLE);
  it('reads documents with title + one separator + abstract', () => {
    expect(docs.map((d) => d.pmid)).toEqual(['10491763', '77']);
    expect(docs[0].text).toBe('Hepatocyte nuclear factor-6 and MODY. HNF-6 binds insulin; glucose rose.');
  });
  it('reads mentions with type and id lists, skipping relation lines', () => {
    for (const d of docs) for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
    expect(docs[0].mentions).toHaveLength(5);
    expect(docs[0].mentions[1]).toMatchObject({ text: 'MODY', type: 'GeneOrGeneProduct', ids: ['3172', '3651', '6927'] });
    expect(docs[0].mentions[3].ids).toEqual(['3630', '3631']);
    expect(docs[0].mentions[4]).toMatchObject({ type: 'ChemicalEntity', ids: ['D005947'] });
    expect(docs[1].mentions[0].ids).toEqual([]);
  });
  it('splits id cells on commas and semicolons', () => {
    expect(splitIds('1, 2;3')).toEqual(['1', '2', '3']);
    expect(splitIds('-')).toEqual([]);
    expect(splitIds(undefined)).toEqual([]);
  });
  it('returns nothing for empty input', () => {
    expect(parseBiored('')).toEqual([]);
  });
});
