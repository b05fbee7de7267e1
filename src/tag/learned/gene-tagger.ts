/**
 * Learned gene-mention tagger (models/gene-tagger.json, trained by `npm run train:genes`):
 * an averaged perceptron over token features (features.ts) that marks gene and protein mention
 * spans the dictionary misses (class nouns, unlisted names). It never grounds: the tagger takes a
 * span from it only where no other mention lies, and grounds it through the dictionary (a whole-
 * span gene entry) or as a typed protein class (`LOCAL:<name>`).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { TermAutomaton, TermMatch } from '../automaton.js';
import { FEATURES_PER_TOKEN, fastFeaturesAgree, sentenceFeatureHashes } from './feature-hashes.js';
import { dictionaryTags, sentenceFeatures, tokenSpans, tokenize, type Token } from './features.js';
import { Perceptron, hash } from './perceptron.js';
import { MODEL_FILE } from './switch.js';

export { MODEL_FILE };

export interface GeneModel { perceptron: Perceptron; manifest: Record<string, unknown> }

let cached: GeneModel | null | undefined;
/** The committed model, loaded once per process; null when the file is absent. */
export function defaultGeneModel(): GeneModel | null {
  if (cached !== undefined) return cached;
  if (!existsSync(MODEL_FILE)) return (cached = null);
  const json = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { manifest: Record<string, unknown>; scale: number; weights: string };
  return (cached = { perceptron: Perceptron.deserialize(json), manifest: json.manifest });
}

/** Evaluation scripts only (scripts/gene-span-cv.ts): the model defaultGeneModel returns from now on in this process. */
export function useGeneModelForEvaluation(model: GeneModel | null): void {
  cached = model;
}

/** hashed feature sequence of one text (shared by training and tagging) */
export function featureSequence(text: string, automaton: TermAutomaton): { tokens: ReturnType<typeof tokenize>; feats: number[][] } {
  const tokens = tokenize(text);
  const { gene, drug, chemical } = dictionaryTags(text, tokens, automaton);
  return { tokens, feats: sentenceFeatures(text, tokens, gene, drug, chemical).map((f) => f.map(hash)) };
}

/**
 * Gene mention spans the model finds in one sentence (offsets into `text`), each with its confidence: the smallest token margin over O.
 * `matches`: the dictionary scan of `text`, when the caller made it already. The features are hashed
 * without building their strings while that path agrees with features.ts (feature-hashes.ts).
 */
export function learnedGeneSpans(text: string, automaton: TermAutomaton, model: GeneModel, matches?: TermMatch[]): { start: number; end: number; margin: number }[] {
  const fast = fastFeaturesAgree();
  const tokens = fast ? tokenSpans(text) : tokenize(text);
  const { gene, drug, chemical } = dictionaryTags(text, tokens, automaton, matches);
  const { labels, margins } = fast
    ? model.perceptron.decodeFlat(sentenceFeatureHashes(text, tokens, gene, drug, chemical), FEATURES_PER_TOKEN)
    : model.perceptron.decodeWithMargins(sentenceFeatures(text, tokens as Token[], gene, drug, chemical).map((f) => f.map(hash)));
  const spans: { start: number; end: number; margin: number }[] = [];
  labels.forEach((l, i) => {
    if (l === 'B') spans.push({ start: tokens[i].start, end: tokens[i].end, margin: margins[i] });
    else if (l === 'I' && spans.length) { const sp = spans[spans.length - 1]; sp.end = tokens[i].end; sp.margin = Math.min(sp.margin, margins[i]); }
  });
  return spans;
}
