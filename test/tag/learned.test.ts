import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/segment/segment.js';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { tokenize } from '../../src/tag/learned/features.js';
import { defaultGeneModel } from '../../src/tag/learned/gene-tagger.js';
import { groundLearnedSpan } from '../../src/tag/learned/ground.js';
import { goodExtension, learnedGenesOn, mergeLearnedGenes } from '../../src/tag/learned/merge.js';
import { Perceptron, hash, train, type Label } from '../../src/tag/learned/perceptron.js';
import { tagEntities } from '../../src/tag/tag-entities.js';

describe('learned gene tagger', () => {
  it('tokenizes into letters, digits and single symbols with offsets', () => {
    expect(tokenize('hTRPA1-α (x)').map((t) => t.text)).toEqual(['hTRPA', '1', '-', 'α', '(', 'x', ')']);
  });
  it('the perceptron learns a toy BIO task, and survives int8 serialization', () => {
    const seq = (ws: string[]) => ws.map((w, i) => [hash('b'), hash(`w=${w}`), hash(`w-1=${ws[i - 1] ?? '<s>'}`)]);
    const sents = [['the', 'tyrosine', 'kinase', 'binds'], ['a', 'tyrosine', 'kinase'], ['the', 'cell', 'binds']];
    const gold: Label[][] = [['O', 'B', 'I', 'O'], ['O', 'B', 'I'], ['O', 'O', 'O']];
    const model = train(sents.map((s, i) => ({ feats: seq(s), gold: gold[i] })), 5);
    expect(model.decode(seq(['the', 'tyrosine', 'kinase']))).toEqual(['O', 'B', 'I']);
    expect(Perceptron.deserialize(model.serialize()).decode(seq(['a', 'tyrosine', 'kinase', 'binds']))).toEqual(['O', 'B', 'I', 'O']);
  });
  it('BIOTRIPLES_LEARNED_GENES=0 turns it off: mentions pass through unchanged', () => {
    const text = 'Apomorphine modulates TRPA1 channels.';
    const lexicon = defaultLexicon();
    const mentions = tagEntities(text, segmentText(text), lexicon);
    const was = process.env.BIOTRIPLES_LEARNED_GENES;
    process.env.BIOTRIPLES_LEARNED_GENES = '0';
    try {
      expect(learnedGenesOn()).toBe(false);
      expect(mergeLearnedGenes(text, segmentText(text), mentions, lexicon)).toBe(mentions);
    } finally {
      if (was === undefined) delete process.env.BIOTRIPLES_LEARNED_GENES; else process.env.BIOTRIPLES_LEARNED_GENES = was;
    }
    expect(learnedGenesOn()).toBe(was !== '0');
  });
  it('grounds a span the dictionary holds in another form (plural, isoform letter, species prefix), never one it knows as a drug', () => {
    const lexicon = defaultLexicon();
    expect(groundLearnedSpan('TSHRs', lexicon)).toMatchObject({ norm: 'NCBIGene:7253', via: 'plural' });
    expect(groundLearnedSpan('SH2B1a', lexicon)).toMatchObject({ norm: 'NCBIGene:25970', via: 'isoform' });
    expect(groundLearnedSpan('hBRCA2', lexicon)).toMatchObject({ norm: 'NCBIGene:675', via: 'species-prefix' });
    // an official symbol the dictionary keeps `exact` (STAR, CHAT, BAD: English words) in the way protein names write it
    expect(groundLearnedSpan('StAR', lexicon)).toMatchObject({ norm: 'NCBIGene:6770', via: 'upper-case' });
    expect(groundLearnedSpan('ChAT', lexicon)).toMatchObject({ norm: 'NCBIGene:1103', via: 'upper-case' });
    // a Title-case word is no such spelling: `Rho` (the GTPases) is not RHO, rhodopsin
    expect(groundLearnedSpan('Rho', lexicon)).toBeUndefined();
    expect(groundLearnedSpan('lapatinib', lexicon)).toBe('not-gene');
    expect(groundLearnedSpan('Qzxwv', lexicon)).toBeUndefined();
  });
  it('takes an extension of a dictionary mention only without a descriptive word, a possessive or an open bracket', () => {
    expect(goodExtension('alpha 1A-', '')).toBe(true);
    expect(goodExtension('I-', '')).toBe(true);
    expect(goodExtension('', ' promoter')).toBe(false);
    expect(goodExtension('', "'s")).toBe(false);
    expect(goodExtension('', ' [1')).toBe(false);
    expect(goodExtension('Chaperone ', '')).toBe(false);
  });
  it('when on, adds or reshapes gene spans only where no other mention lies', () => {
    const model = defaultGeneModel();
    if (!model) return;
    const text = 'Here, rTRPV1 and the transient receptor potential channels of human TRPA1 were insensitive to apomorphine.';
    const lexicon = defaultLexicon();
    const sentences = segmentText(text);
    const base = tagEntities(text, sentences, lexicon);
    const merged = mergeLearnedGenes(text, sentences, base, lexicon, model);
    for (let i = 1; i < merged.length; i++) expect(merged[i].start).toBeGreaterThanOrEqual(merged[i - 1].end);
    for (const m of merged.filter((x) => x.type !== 'gene')) expect(base).toContainEqual(m);
    expect(merged.some((m) => /learned/.test(m.source))).toBe(true);
  });
  it('a gene named after its substrate replaces the chemical inside it', () => {
    if (!defaultGeneModel()) return;
    const lexicon = defaultLexicon();
    const genes = (text: string) => tagEntities(text, segmentText(text), lexicon).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);
    const reductase = genes('Glutathione reductase activity fell after treatment.');
    expect(reductase).toContain('gene:Glutathione reductase');
    expect(reductase).not.toContain('drug:Glutathione');
  });
});
