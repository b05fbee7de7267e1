import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/normalize/normalize.js';
import { segmentText } from '../../../src/segment/segment.js';
import { defaultLexicon } from '../../../src/tag/dictionary.js';
import { FEATURES_PER_TOKEN, fastFeaturesAgree, sentenceFeatureHashes, shapeOf } from '../../../src/tag/learned/feature-hashes.js';
import { dictionaryTags, sentenceFeatures, tokenize } from '../../../src/tag/learned/features.js';
import { defaultGeneModel } from '../../../src/tag/learned/gene-tagger.js';
import { Perceptron, hash } from '../../../src/tag/learned/perceptron.js';

const shapeReference = (s: string) => s.replace(/[A-Z]+/g, 'A').replace(/[a-z]+/g, 'a').replace(/\d+/g, '0').replace(/[\u0370-\u03ff]+/g, 'g').slice(0, 6);

/** every in-scope sentence of the seed corpus, with its tokens and dictionary tags */
function corpusSentences() {
  const lexicon = defaultLexicon();
  const out: { text: string; tokens: ReturnType<typeof tokenize>; gene: string[]; drug: string[]; chemical: string[] }[] = [];
  for (const f of readdirSync('corpus').filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    const { text } = normalizeText(readFileSync(path.join('corpus', f), 'utf8'));
    for (const s of segmentText(text)) {
      if (s.skip) continue;
      const t = text.slice(s.start, s.end), tokens = tokenize(t);
      out.push({ text: t, tokens, ...dictionaryTags(t, tokens, lexicon.automaton) });
    }
  }
  return out;
}

describe('the learned tagger\'s features hashed without their strings', () => {
  const sentences = corpusSentences();
  it('equal features.ts\'s hashed features on every sentence of the seed corpus', () => {
    expect(sentences.length).toBeGreaterThan(500);
    for (const s of sentences) {
      const reference = sentenceFeatures(s.text, s.tokens, s.gene, s.drug, s.chemical);
      expect(reference.every((f) => f.length === FEATURES_PER_TOKEN)).toBe(true);
      expect([...sentenceFeatureHashes(s.text, s.tokens, s.gene, s.drug, s.chemical)], s.text).toEqual(reference.flat().map(hash));
    }
    expect(fastFeaturesAgree()).toBe(true);
  }, 60_000);
  it('hashes white-space words and their shapes as features.ts\'s strings (trailing punctuation, case, non-ASCII, long words)', () => {
    const tags = (n: number) => Array.from({ length: n }, () => 'O');
    for (const text of ['IL-6). (HER2; x.,;:) ...', 'İstanbul ÅSK1, Ǆ-kinase; ΑΒΓ-δ.', `${'Ab1'.repeat(30)}) ${'é'.repeat(45)}.`, 'MCF-7/ADR: p95HER2-δ16)', ')']) {
      const tokens = tokenize(text);
      const reference = sentenceFeatures(text, tokens, tags(tokens.length), tags(tokens.length), tags(tokens.length)).flat().map(hash);
      expect([...sentenceFeatureHashes(text, tokens, tags(tokens.length), tags(tokens.length), tags(tokens.length))], text).toEqual(reference);
    }
  });
  it('the one-pass shape is the four replacements\' shape', () => {
    for (const w of ['HER2', 'p95HER2-δ16', 'TGF-β1', 'aBcDeFgHi', '5′-UTR…', '', 'MCF-7/ADR', 'αβγ12ab', 'x'.repeat(50)]) expect(shapeOf(w), w).toBe(shapeReference(w));
  });
  it('decoding flat features gives decodeWithMargins\' labels and margins, bit for bit (the committed model, the seed corpus)', () => {
    const model = defaultGeneModel()!;
    let spans = 0;
    for (const s of sentences) {
      const flat = sentenceFeatureHashes(s.text, s.tokens, s.gene, s.drug, s.chemical);
      const nested = sentenceFeatures(s.text, s.tokens, s.gene, s.drug, s.chemical).map((f) => f.map(hash));
      const a = model.perceptron.decodeFlat(flat, FEATURES_PER_TOKEN), b = model.perceptron.decodeWithMargins(nested);
      expect(a).toEqual(b);
      spans += a.labels.filter((l) => l === 'B').length;
    }
    expect(spans).toBeGreaterThan(100);
  }, 60_000);
  it('an I after O is read as B in both decoders, with the same margin', () => {
    // one feature whose weights favour I: the first token's I becomes B
    const w = new Float32Array((1 << 18) * 3);
    w[7 * 3 + 2] = 5;
    const p = new Perceptron(w);
    const flat = new Int32Array(FEATURES_PER_TOKEN * 2).fill(7);
    expect(p.decodeFlat(flat, FEATURES_PER_TOKEN)).toEqual(p.decodeWithMargins([[...flat.subarray(0, FEATURES_PER_TOKEN)], [...flat.subarray(FEATURES_PER_TOKEN)]]));
    expect(p.decodeFlat(flat, FEATURES_PER_TOKEN).labels).toEqual(['B', 'I']);
  });
});
