import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/normalize/normalize.js';
import { segmentText } from '../../../src/segment/segment.js';
import { defaultLexicon } from '../../../src/tag/dictionary.js';
import { tagEntities } from '../../../src/tag/tag-entities.js';
import { viewSentence } from '../../../src/relate/sentence-view.js';
import { ruleRelations } from '../../../src/relate/relate.js';
import { defaultClassifier } from '../../../src/relate/classifier/load.js';
import { pairFeatures } from '../../../src/relate/classifier/features.js';
import { PairScorer } from '../../../src/relate/classifier/pair-scorer.js';
import { LinearModel } from '../../../src/relate/classifier/linear-model.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('PairScorer', () => {
  it('gives bit-identical scores to model.scores(pairFeatures(...)) on every candidate pair of the seed corpus', () => {
    const classifier = defaultClassifier()!;
    const scorer = new PairScorer(classifier.model);
    const lexicon = defaultLexicon();
    let pairs = 0;
    for (const f of readdirSync(path.join(ROOT, 'corpus')).filter((x) => x.endsWith('.md') && x !== 'README.md')) {
      const text = normalizeText(readFileSync(path.join(ROOT, 'corpus', f), 'utf8')).text;
      const sentences = segmentText(text);
      const mentions = tagEntities(text, sentences, lexicon);
      for (const s of sentences) {
        const ms = mentions.filter((m) => m.sentence === s.index);
        if (ms.length < 2) continue;
        const view = viewSentence(text, s.start, s.end, ms);
        for (const c of classifier.candidates(view, ruleRelations(text, s, view))) {
          expect(scorer.scores(view, c.a, c.b, c.votes)).toEqual(classifier.model.scores(pairFeatures(view, c.a, c.b, c.votes)));
          pairs++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
  }, 60_000);

  it('counts a repeated feature once, as the deduplicated name list does', () => {
    const model = new LinearModel({ format: 'biotriples-linear-v1', name: 't', classes: ['none', 'A'], temperature: 1, weights: { 'b:inhibit': [1, 0.5], bias: [0, 0.25, 1, -0.125] } });
    const view = viewSentence('Lapatinib inhibit inhibit HER2.', 0, 31, [
      { type: 'drug', start: 0, end: 9, norm: 'lapatinib', name: 'lapatinib', sentence: 0, source: 'test' },
      { type: 'gene', start: 26, end: 30, norm: 'HER2', name: 'HER2', sentence: 0, source: 'test' },
    ]);
    const scores = new PairScorer(model).scores(view, view.args[0], view.args[1], []);
    expect([...scores]).toEqual([0.25, 0.375]);
    expect(scores).toEqual(model.scores(pairFeatures(view, view.args[0], view.args[1], [])));
  });

  it('adds weights that are no exact ten-thousandths as doubles, as bit-identical as the others', () => {
    const odd = 0.1 + 2 ** -30;
    const model = new LinearModel({ format: 'biotriples-linear-v1', name: 't', classes: ['none', 'A', 'B'], temperature: 1, weights: { 'b:inhibit': [1, odd, 2, -0.3], 'rule:none': [0, 0.7, 2, 1e-9], bias: [0, 0.2, 1, -0.1] } });
    const view = viewSentence('Lapatinib inhibit HER2.', 0, 23, [
      { type: 'drug', start: 0, end: 9, norm: 'lapatinib', name: 'lapatinib', sentence: 0, source: 'test' },
      { type: 'gene', start: 18, end: 22, norm: 'HER2', name: 'HER2', sentence: 0, source: 'test' },
    ]);
    const scores = new PairScorer(model).scores(view, view.args[0], view.args[1], []);
    expect(scores).toEqual(model.scores(pairFeatures(view, view.args[0], view.args[1], [])));
    expect(scores[1]).toBe(odd + -0.1);
  });
});
