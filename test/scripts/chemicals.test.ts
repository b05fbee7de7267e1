import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screen } from '../../scripts/dictionaries/chemicals.ts';
import { parseDictionary } from '../../src/tag/dictionary.ts';
import { termKey } from '../../src/tag/tokens.ts';

const sd = {
  flags: new Map(), stop: new Map(), stopwordsEn: new Set(['the']),
  wikiRank: new Map([['water', 500], ['glucose', 9000], ['lead', 300], ['copper', 4000]]),
  dict: new Set(['water', 'glucose', 'lead', 'copper']),
};
const src = { sd, geneKeys: new Set([termKey('ATP')]), drugKeys: new Set([termKey('lapatinib')]) };

describe('chemical dictionary screen', () => {
  it('keeps chemical names, drops English words, genes, drugs, class nouns and systematic names', () => {
    expect(screen(src, 'glucose', 'mesh')).toBeUndefined();
    expect(screen(src, 'water', 'mesh')).toBe('english_word');
    expect(screen(src, 'lead', 'mesh')).toBe('english_word');
    expect(screen(src, 'copper', 'mesh')).toBeUndefined();
    expect(screen(src, 'ATP', 'chebi')).toBe('gene_key');
    expect(screen(src, 'Lapatinib', 'chebi')).toBe('drug_key');
    expect(screen(src, 'hormones', 'mesh')).toBe('generic_class');
    expect(screen(src, '2-(4-morpholinyl)-8-phenyl-4H-1-benzopyran-4-one', 'chebi_synonym')).toBe('too_many_tokens');
    expect(screen(src, 'CSC', 'gtopdb')).toBe('short');
  });
});

describe('committed chemical dictionaries', () => {
  const open = parseDictionary(readFileSync('dictionaries/chemicals.tsv', 'utf8'));
  const sa = readFileSync('dictionaries/chemicals-sa.tsv', 'utf8');
  it('keep one row per key, apart from the drug and gene keys', () => {
    const keys = open.map((r) => termKey(r.term));
    expect(new Set(keys).size).toBe(keys.length);
    const drugs = new Set(parseDictionary(readFileSync('dictionaries/drugs.tsv', 'utf8')).map((r) => termKey(r.term)));
    expect(keys.filter((k) => drugs.has(k))).toEqual([]);
  });
  it('ground to MeSH where they can, and keep the share-alike names apart with their licence', () => {
    expect(open.find((r) => r.term === 'Glucose')?.norm).toBe('MeSH:D005947');
    expect(sa).toMatch(/CC BY-SA 3\.0/);
    expect(sa).toMatch(/CC BY-SA 4\.0/);
    const saKeys = parseDictionary(sa).map((r) => termKey(r.term));
    const openKeys = new Set(open.map((r) => termKey(r.term)));
    expect(saKeys.filter((k) => openKeys.has(k))).toEqual([]);
  });
});
