/**
 * Slow (BIOTRIPLES_SLOW=1, needs ../shared): the hashed features and the flat decoder equal
 * features.ts and decodeWithMargins on every sentence of the bench's held-out abstracts (1,028
 * PubMed abstracts of ../shared/eval), as the seed-corpus test checks on the corpus.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBenchText } from '../../../src/bench/abstracts.js';
import { normalizeText } from '../../../src/normalize/normalize.js';
import { segmentText } from '../../../src/segment/segment.js';
import { defaultLexicon } from '../../../src/tag/dictionary.js';
import { FEATURES_PER_TOKEN, sentenceFeatureHashes } from '../../../src/tag/learned/feature-hashes.js';
import { dictionaryTags, sentenceFeatures, tokenize } from '../../../src/tag/learned/features.js';
import { defaultGeneModel } from '../../../src/tag/learned/gene-tagger.js';
import { hash } from '../../../src/tag/learned/perceptron.js';

const SHARED = '../shared';
const RUN = !!process.env.BIOTRIPLES_SLOW && existsSync(`${SHARED}/eval`);

describe.runIf(RUN)('hashed features and flat decoding on the held-out abstracts', () => {
  it('equal features.ts and decodeWithMargins on every sentence', () => {
    const lexicon = defaultLexicon(), model = defaultGeneModel()!;
    let sentences = 0, spans = 0;
    for (const a of loadBenchText(SHARED).abstracts) {
      const { text } = normalizeText(`${a.title} ${a.abstract}`);
      for (const s of segmentText(text)) {
        if (s.skip) continue;
        const t = text.slice(s.start, s.end), tokens = tokenize(t);
        const { gene, drug, chemical } = dictionaryTags(t, tokens, lexicon.automaton);
        const fast = sentenceFeatureHashes(t, tokens, gene, drug, chemical);
        const reference = sentenceFeatures(t, tokens, gene, drug, chemical).map((f) => f.map(hash));
        expect([...fast], t).toEqual(reference.flat());
        const decoded = model.perceptron.decodeFlat(fast, FEATURES_PER_TOKEN);
        expect(decoded, t).toEqual(model.perceptron.decodeWithMargins(reference));
        spans += decoded.labels.filter((l) => l === 'B').length;
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(9000);
    expect(spans).toBeGreaterThan(1000);
  }, 600_000);
});
