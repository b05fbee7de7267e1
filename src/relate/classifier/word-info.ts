/**
 * What the classifier's features read about a word, found with one lookup per token of a sentence:
 * its trigger-lexicon entry, the negation cues it starts, whether it opens or closes a clause, and
 * its own id ('<num>' or its stem, in the current vocabulary generation). One Map from the word
 * instead of four (trigger lexicon, cues, clause words, own ids): each was a hash-table probe per
 * token, and the own ids' table is large (a probe there was the features' largest single cost).
 */
import { NEGATION_CUES } from '../cues.js';
import type { SentenceView } from '../sentence-view.js';
import { TRIGGERS, type Trigger } from '../triggers.js';
import { W, generation, wordId } from './feature-names.js';
import { stem } from './stem.js';

export interface WordInfo {
  trigger: Trigger | undefined;
  /** the words of each negation cue that starts with this word, in NEGATION_CUES order */
  negations: string[][] | undefined;
  /** the word opens or closes a clause (context-features.ts) */
  clause: boolean;
  /** own id of vocabulary generation `ownGeneration` (another generation: not known yet) */
  own: number;
  ownGeneration: number;
}

/** words that open or close a clause: the pair across one is seldom related by the verb of the other */
export const CLAUSE_WORDS = new Set([',', ';', ':', 'which', 'that', 'whereas', 'while', 'but', 'although', 'however', 'whose', 'where']);

const NEGATIONS = new Map<string, string[][]>();
for (const cue of NEGATION_CUES) NEGATIONS.set(cue.words[0], [...(NEGATIONS.get(cue.words[0]) ?? []), cue.words]);

/** bounded: past it a word's info is made afresh each time it is asked for (same answers, more work) */
const MAX_INFOS = 200_000;
const infos = new Map<string, WordInfo>();

export function wordInfo(w: string): WordInfo {
  let info = infos.get(w);
  if (info === undefined) {
    info = { trigger: TRIGGERS.get(w), negations: NEGATIONS.get(w), clause: CLAUSE_WORDS.has(w), own: -1, ownGeneration: -1 };
    if (infos.size < MAX_INFOS) infos.set(w, info);
  }
  return info;
}

/** a word as features read it: '<num>' or its stem, as an id of the current generation */
export function ownOf(w: string, info: WordInfo): number {
  if (info.ownGeneration === generation()) return info.own;
  info.own = /^\d+$/.test(w) ? W['<num>'] : wordId(stem(w));
  info.ownGeneration = generation();
  return info.own;
}

/** the last sentence's infos: its pairs are read one after another (features.ts and context-features.ts both ask) */
let last: { view: SentenceView; infos: WordInfo[] } | undefined;

/** each token's info, in token order */
export function sentenceInfos(v: SentenceView): WordInfo[] {
  if (last?.view === v) return last.infos;
  const out: WordInfo[] = [];
  for (const w of v.words) out.push(wordInfo(w));
  last = { view: v, infos: out };
  return out;
}
