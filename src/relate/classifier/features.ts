/**
 * Sparse features of a candidate pair of mentions in one sentence, for the relation classifier.
 * Lexical and cheap: the words between and around the pair (stemmed, entity-blinded), their
 * bigrams, distance, mentions between, trigger-lexicon and cue hits, words glued to a mention by
 * a hyphen ("X-induced"), the mentions' own head words ("receptor", "transporter"), a few
 * syntax cues ("the X of Y by Z", "X inhibitor Y"), and the output of each relation rule on the
 * pair. No parser. Feature names are readable strings: `npm run explain` prints them.
 */
import { isAgent } from '../predicates.js';
import type { Arg, SentenceView } from '../sentence-view.js';
import type { Trigger } from '../triggers.js';
import { W, family, generation, isAngled, nameOf, phraseId, renewIfFull, wordId } from './feature-names.js';
import { stem } from './stem.js';
import { renewWordIds, triggerId, typeId } from './word-ids.js';
import { ownOf, sentenceInfos, type WordInfo } from './word-info.js';
import { emitContextFeatures } from './context-features.js';

/** a rule's verdict on the pair: its id, predicate, and whether the agent/left side is the subject */
export interface RuleVote {
  rule: string;
  /** the predicate the rule gave, made finer by its trigger where DrugProt is finer (antagonist_of, agonist_of) */
  predicate: string;
  forward: boolean;
}

const distBucket = (d: number) => (d <= 3 ? String(d) : d <= 5 ? '4-5' : d <= 8 ? '6-8' : d <= 12 ? '9-12' : d <= 20 ? '13-20' : '21+');
/** bucket names by distance (21 and more share one) */
const DIST = Array.from({ length: 22 }, (_, d) => distBucket(d));

/** what every pair of a sentence shares, computed once per sentence; words are vocabulary ids (feature-names.ts) */
interface SentenceCache {
  generation: number;
  /** the view's words */
  words: string[];
  /** each token's word, stemmed and blinded when a mention covers it (its type instead of its text); -1 until read (wordAt) */
  blinded: number[];
  /** each token's own word ('<num>' or its stem), inside mentions too (a mention's head word); -1 until read (ownAt) */
  own: number[];
  /** each token's facts (word-info.ts) */
  infos: WordInfo[];
  /** each token's trigger-lexicon entry (inside mentions too) */
  triggers: (Trigger | undefined)[];
  /** the sentence's trigger-lexicon lemmas (stemmed), each once */
  sentence: number[];
  hedged: boolean;
  /** [start, end) token ranges where a negation cue occurs */
  negations: number[];
}

/** the last sentence's cache: a sentence's pairs are read one after another (another view is built anew) */
let last: { view: SentenceView; cache: SentenceCache } | undefined;

/** the sentence's shared part; a new vocabulary generation may start here, before any pair is read */
export function sentenceCache(v: SentenceView): SentenceCache {
  let c = last?.view === v ? last.cache : undefined;
  if (c && c.generation === generation()) return c;
  renewIfFull();
  renewWordIds();
  const n = v.words.length;
  const blinded: number[] = [], own: number[] = [];
  const triggers: (Trigger | undefined)[] = [];
  const sentence: number[] = [];
  const negations: number[] = [];
  // what a sentence's words are and may start: a trigger-lexicon entry, negation cues; one lookup per token
  const infos = sentenceInfos(v);
  for (let i = 0; i < n; i++) {
    const k = v.argAt[i];
    blinded.push(k >= 0 ? typeId(v.args[k].mention.type).blinded : -1);
    own.push(-1);
    const info = infos[i];
    const t = info.trigger;
    triggers.push(t);
    if (t && k < 0) { const id = triggerId(t).lemma; if (!sentence.includes(id)) sentence.push(id); }
    if (info.negations) for (const cue of info.negations) if (i + cue.length <= n && cue.every((w, j) => v.words[i + j] === w)) negations.push(i, i + cue.length);
  }
  c = { generation: generation(), words: v.words, blinded, triggers, own, infos, sentence, hedged: v.hedged, negations };
  last = { view: v, cache: c };
  return c;
}

/** the nearest trigger word outside mentions within 6 tokens of an arg (at each distance, the left one first), or -1 */
function nearTrigger(v: SentenceView, triggers: (Trigger | undefined)[], arg: Arg): number {
  const n = v.words.length;
  for (let d = 1; d <= 6; d++) {
    const l = arg.first - d, r = arg.last + d;
    if (l >= 0 && l < n && v.argAt[l] < 0 && triggers[l]) return l;
    if (r >= 0 && r < n && v.argAt[r] < 0 && triggers[r]) return r;
  }
  return -1;
}

/** feature families (name prefixes), registered once; a fixed feature is a family of no word */
const byOrder = (xy: string, yx: string, sep = '') => ({ XY: family(xy, sep), YX: family(yx, sep) });
const F = {
  ORDER: byOrder('order:XY', 'order:YX'),
  TYPES: family('types:', '>'),
  NESTED: family('nested'), IN_LIST: family('in-list'), LIST_BETWEEN: family('list-between'),
  B: family('b:'),
  /** by mentions between (c clean, m not) and order */
  B_ORDER: { c: byOrder('bc:XY:', 'bc:YX:'), m: byOrder('bm:XY:', 'bm:YX:') },
  BB: family('bb:', '_'), BBB: family('bbb:', '_'), BFAR: family('bfar:'),
  B1: byOrder('b1:XY:', 'b1:YX:'), BL: byOrder('bL:XY:', 'bL:YX:'), BSEQ: byOrder('bseq:XY:', 'bseq:YX:'),
  APPOSITION: byOrder('cue:apposition:XY', 'cue:apposition:YX'),
  LEFT: [-1, family('l1:'), family('l2:'), family('l3:')], RIGHT: [-1, family('r1:'), family('r2:'), family('r3:')],
  LB: family('lb:', '_'), RB: family('rb:', '_'),
  SIDE: {
    x: { m1: family('x-1:'), p1: family('x+1:'), m2: family('x-2:', '_'), p2: family('x+2:', '_'), near: family('near:x:', ':') },
    y: { m1: family('y-1:'), p1: family('y+1:'), m2: family('y-2:', '_'), p2: family('y+2:', '_'), near: family('near:y:', ':') },
  },
  HYPH: { a: family('hyph:a:'), b: family('hyph:b:') },
  HEAD: family('head:', ':'), HEAD_ASE: { a: family('head-ase:a'), b: family('head-ase:b') },
  SENT: family('sent:'),
  TRIG: family('trig:', ':'), TRIGL: family('trigl:'), TRIGBEFORE: family('trigbefore:', ':'), TRIGAFTER: family('trigafter:', ':'),
  OF_X_BY_Y: family('cue:of-X-by-Y'), X_AGENT_Y: family('cue:X-agent-Y:'), SUCH_AS: family('cue:such-as'),
  NEGATED: family('negated'), HEDGED: family('hedged'),
  RULE: family('rule:', ':'), RULEP: family('rulep:'), RULE_NONE: family('rule:none'), BIAS: family('bias'),
};
const COUNTS = ['0', '1', '2', '3+'];
const NBETWEEN = COUNTS.map((n) => family(`nbetween:${n}`));
const DIST_NAMES = DIST.map((d) => family(`dist:${d}`));
const DIST_BETWEEN = DIST.map((d) => COUNTS.map((n) => family(`dist-between:${d}:${n}`)));
const SIDE_L = wordId('L'), SIDE_R = wordId('R');

/**
 * The features that read one side of the pair only, in one role (the words around a as the first,
 * around x as the agent, its head word): a mention takes part in about two pairs, and a sink may
 * keep what such a feature resolved to, per sentence, under (the arg's index, its slot) (`recall`).
 */
export const SLOT = {
  LEFT: [-1, 0, 1, 2], RIGHT: [-1, 3, 4, 5], LB: 6, RB: 7,
  SIDE: { x: { m1: 8, p1: 9, m2: 10, p2: 11 }, y: { m1: 12, p1: 13, m2: 14, p2: 15 } },
  HEAD: 16,
};
export const SIDE_SLOTS = 17;

/**
 * Features of the pair (a, b), a before b in the sentence. `x` is the agent-or-first side and
 * `y` the other, so features read the same whichever order the sentence uses ("order" says it).
 * Names come from feature-names.ts (reused strings); their text and order are the training's.
 */
export function pairFeatures(v: SentenceView, a: Arg, b: Arg, votes: RuleVote[] = []): string[] {
  const names = new NameList();
  emitPairFeatures(v, a, b, votes, names);
  return names.done();
}

/**
 * Where pairFeatures' features go: a list of names (training, explain), or straight into a
 * model's class scores (pair-scorer.ts: each (family, words) key resolved to its weight row once).
 */
export abstract class FeatureSink {
  /** the feature of a family and up to three word ids (-1 where the name has fewer words) */
  abstract add(family: number, a: number, b: number, c: number): void;
  /*
   * The same by strings, for features not keyed by numbers (yet): each part is looked up, which
   * costs a hash per call. one('b:', w) is the name 'b:' + w; two(p, a, sep, b) is p + a + sep + b;
   * three(p, a, b, c) is p + a + '_' + b + '_' + c; push adds whole names (and skips what one, two
   * and three return, so `f.push(f.one(...), 'name')` keeps its order).
   */
  one(prefix: string, a: string): void { this.add(family(prefix), wordId(a), -1, -1); }
  two(prefix: string, a: string, sep: string, b: string): void { this.add(family(prefix, sep), wordId(a), wordId(b), -1); }
  three(prefix: string, a: string, b: string, c: string): void { this.add(family(prefix, '_'), wordId(a), wordId(b), wordId(c)); }
  push(...names: (string | void)[]): void { for (const n of names) if (typeof n === 'string') this.add(NAMED, wordId(n), -1, -1); }
  /**
   * A feature of one side (`SLOT`) of the arg at `index` of the sentence comes next: true when the
   * sink took it from what it kept for this sentence (the caller then adds nothing), false when the
   * caller adds it (the next `add`). Names are built anew every time (this default).
   */
  recall(index: number, slot: number): boolean { return false; }
}
/** a whole name as one word */
const NAMED = family('');

/** the names as strings, each once in first-seen order (binary features, as training counts them) */
class NameList extends FeatureSink {
  private readonly f: string[] = [];
  override add(family: number, a: number, b: number, c: number): void { this.f.push(nameOf(family, a, b, c)); }
  done(): string[] { return [...new Set(this.f)]; }
}

/** the words between a pair (a scratch buffer: pairs are read one at a time) */
let between = new Int32Array(256);

/** the features of pairFeatures, in its order, into a sink */
export function emitPairFeatures(v: SentenceView, a: Arg, b: Arg, votes: RuleVote[], f: FeatureSink): void {
  const cache = sentenceCache(v);
  const agentFirst = isAgent(a.mention.type) || !isAgent(b.mention.type);
  const order = agentFirst ? 'XY' : 'YX';
  f.add(F.ORDER[order], -1, -1, -1);
  f.add(F.TYPES, typeId(a.mention.type).coarse, typeId(b.mention.type).coarse, -1);
  const nested = b.first <= a.last;
  if (nested) f.add(F.NESTED, -1, -1, -1);
  // a list member is related as its list is: "X inhibits A, B and C" reads the same for A, B, C,
  // so "between" runs from the end of a's list to the start of b's
  let from = a.last + 1, to = b.first;
  for (const m of v.args) {
    if (m.group === a.group && m.last < b.first && m.last + 1 > from) from = m.last + 1;
    if (m.group === b.group && m.first > a.last && m.first < to) to = m.first;
  }
  if (from !== a.last + 1 || to !== b.first) f.add(F.IN_LIST, -1, -1, -1);
  const gap = Math.max(0, to - from);
  const d = Math.min(gap, 21);
  f.add(DIST_NAMES[d], -1, -1, -1);
  // words between
  let mentionsBetween = 0, n = 0;
  if (between.length < gap) between = new Int32Array(gap * 2);
  for (let i = from; i < to; i++) {
    const k = v.argAt[i];
    if (k >= 0 && (i === from || v.argAt[i - 1] !== k)) mentionsBetween++;
    if (k >= 0 && i > from && v.argAt[i - 1] === k) continue;
    between[n++] = wordAt(cache, i);
  }
  const count = Math.min(mentionsBetween, 3);
  f.add(NBETWEEN[count], -1, -1, -1);
  if (gap <= 12) {
    const withOrder = F.B_ORDER[mentionsBetween === 0 ? 'c' : 'm'][order];
    for (let k = 0; k < n; k++) { f.add(F.B, between[k], -1, -1); f.add(withOrder, between[k], -1, -1); }
    let prev = W['<x>'];
    for (let k = 0; k < n; k++) { f.add(F.BB, prev, between[k], -1); prev = between[k]; }
    f.add(F.BB, prev, W['<y>'], -1);
    if (gap <= 8) for (let i = 0; i + 2 < n; i++) f.add(F.BBB, between[i], between[i + 1], between[i + 2]);
  } else {
    // far apart: only the words next to each mention
    for (let k = 0; k < Math.min(4, n); k++) f.add(F.BFAR, between[k], -1, -1);
    for (let k = Math.max(0, n - 4); k < n; k++) f.add(F.BFAR, between[k], -1, -1);
  }
  if (n) { f.add(F.B1[order], between[0], -1, -1); f.add(F.BL[order], between[n - 1], -1, -1); }
  // short connections as a whole: ", a potent inhibitor of", "-induced", "binding to"
  if (n <= 5) {
    let seq = n ? between[0] : W[''];
    for (let k = 1; k < n; k++) seq = phraseId(seq, between[k]);
    f.add(F.BSEQ[order], seq, -1, -1);
  }
  let listBetween = n > 0;
  for (let k = 0; k < n && listBetween; k++) {
    const w = between[k];
    listBetween = w === W[','] || w === W.and || w === W.or || w === W['/'] || isAngled(w);
  }
  if (listBetween) f.add(F.LIST_BETWEEN, -1, -1, -1);
  // around
  for (let k = 1; k <= 3; k++) {
    if (!f.recall(a.index, SLOT.LEFT[k])) f.add(F.LEFT[k], wordAt(cache, a.first - k), -1, -1);
    if (!f.recall(b.index, SLOT.RIGHT[k])) f.add(F.RIGHT[k], wordAt(cache, b.last + k), -1, -1);
  }
  if (!f.recall(a.index, SLOT.LB)) f.add(F.LB, wordAt(cache, a.first - 2), wordAt(cache, a.first - 1), -1);
  if (!f.recall(b.index, SLOT.RB)) f.add(F.RB, wordAt(cache, b.last + 1), wordAt(cache, b.last + 2), -1);
  // the words next to each side, by role (x the agent, y the other)
  const x = agentFirst ? a : b, y = agentFirst ? b : a;
  sideWords(f, cache, F.SIDE.x, SLOT.SIDE.x, x);
  sideWords(f, cache, F.SIDE.y, SLOT.SIDE.y, y);
  f.add(DIST_BETWEEN[d][count], -1, -1, -1);
  // words glued to a mention by a hyphen, the mentions' head words
  ownWords(f, v, cache, 'a', a);
  ownWords(f, v, cache, 'b', b);
  // the trigger word nearest each side (within 6 tokens, outside mentions), and the sentence's triggers
  nearWord(f, v, cache, F.SIDE.x.near, x);
  nearWord(f, v, cache, F.SIDE.y.near, y);
  for (const lemma of cache.sentence) f.add(F.SENT, lemma, -1, -1);
  // trigger lexicon between and just before the pair
  const triggers = cache.triggers;
  for (let i = from; i < to; i++) {
    const t = triggers[i];
    if (t && v.argAt[i] < 0) { const ids = triggerId(t); f.add(F.TRIG, ids.predicate, ids.form, -1); f.add(F.TRIGL, ids.lemma, -1, -1); }
  }
  for (let i = Math.max(0, a.first - 3); i < a.first; i++) {
    const t = triggers[i];
    if (t) { const ids = triggerId(t); f.add(F.TRIGBEFORE, ids.predicate, ids.form, -1); }
  }
  for (let i = b.last + 1; i <= Math.min(v.words.length - 1, b.last + 3); i++) {
    const t = triggers[i];
    if (t) { const ids = triggerId(t); f.add(F.TRIGAFTER, ids.predicate, ids.form, -1); }
  }
  // syntax cues
  if (v.words[a.first - 1] === 'of' && includes(between, n, W.by)) f.add(F.OF_X_BY_Y, -1, -1, -1);
  if (n === 1 && triggers[from]?.form === 'agent') f.add(F.X_AGENT_Y, wordId(stem(v.words[from])), -1, -1);
  if (n && (between[0] === W['('] || between[0] === W[','])) f.add(F.APPOSITION[order], -1, -1, -1);
  if (includes(between, n, W.such) || includes(between, n, W.includ)) f.add(F.SUCH_AS, -1, -1, -1);
  // a negation cue wholly inside the window around the pair; hedging anywhere in the sentence
  const lo = Math.max(0, a.first - 4), hi = Math.min(v.words.length, b.last + 2);
  for (let k = 0; k < cache.negations.length; k += 2) if (cache.negations[k] >= lo && cache.negations[k + 1] <= hi) { f.add(F.NEGATED, -1, -1, -1); break; }
  if (cache.hedged) f.add(F.HEDGED, -1, -1, -1);
  emitContextFeatures(v, a, b, x, y, order, from, to, f);
  // the rules' verdicts
  for (const r of votes) {
    const rule = wordId(r.rule);
    f.add(F.RULE, rule, -1, -1); f.add(F.RULE, rule, wordId(`${r.predicate}:${r.forward ? 'fwd' : 'rev'}`), -1); f.add(F.RULEP, wordId(r.predicate), -1, -1);
  }
  if (!votes.length) f.add(F.RULE_NONE, -1, -1, -1);
  f.add(F.BIAS, -1, -1, -1);
}

/** the words next to a side, by its role */
function sideWords(f: FeatureSink, cache: SentenceCache, p: typeof F.SIDE.x, slot: typeof SLOT.SIDE.x, arg: Arg): void {
  const i = arg.index;
  if (!f.recall(i, slot.m1)) f.add(p.m1, wordAt(cache, arg.first - 1), -1, -1);
  if (!f.recall(i, slot.p1)) f.add(p.p1, wordAt(cache, arg.last + 1), -1, -1);
  if (!f.recall(i, slot.m2)) f.add(p.m2, wordAt(cache, arg.first - 2), wordAt(cache, arg.first - 1), -1);
  if (!f.recall(i, slot.p2)) f.add(p.p2, wordAt(cache, arg.last + 1), wordAt(cache, arg.last + 2), -1);
}

/** a word glued after a mention by a hyphen ("EGF-induced", "dopamine-stimulated"), and the mention's own head word */
function ownWords(f: FeatureSink, v: SentenceView, cache: SentenceCache, side: 'a' | 'b', arg: Arg): void {
  const j = arg.last + 1;
  if (j < v.words.length && v.hyphenBefore[j] && v.starts[j] === v.ends[arg.last] + 1) f.add(F.HYPH[side], wordAt(cache, j), -1, -1);
  // "5-HT2A receptor", "tyrosine hydroxylase"
  if (!f.recall(arg.index, SLOT.HEAD)) f.add(F.HEAD, typeId(arg.mention.type).coarse, ownAt(cache, arg.last), -1);
  if (v.words[arg.last].endsWith('ase')) f.add(F.HEAD_ASE[side], -1, -1, -1);
}

/** the trigger word nearest a side (within 6 tokens, outside mentions) and on which side of it */
function nearWord(f: FeatureSink, v: SentenceView, cache: SentenceCache, near: number, arg: Arg): void {
  const i = nearTrigger(v, cache.triggers, arg);
  if (i >= 0) f.add(near, triggerId(cache.triggers[i]!).lemma, i < arg.first ? SIDE_L : SIDE_R, -1);
}

/** the blinded word at token i, or the sentence's edge */
function wordAt(c: SentenceCache, i: number): number {
  if (i < 0) return W['<s>'];
  if (i >= c.blinded.length) return W['</s>'];
  const id = c.blinded[i];
  return id >= 0 ? id : (c.blinded[i] = ownAt(c, i));
}

/** token i's own word ('<num>' or its stem) */
function ownAt(c: SentenceCache, i: number): number {
  const id = c.own[i];
  return id >= 0 ? id : (c.own[i] = ownOf(c.words[i], c.infos[i]));
}

function includes(ids: Int32Array, n: number, id: number): boolean {
  for (let k = 0; k < n; k++) if (ids[k] === id) return true;
  return false;
}

/** what the feature name prefixes mean (written into the model manifest) */
export const FEATURE_FAMILIES: Record<string, string> = {
  'order, types': 'which side comes first; the coarse types (agent, gene)',
  'nested, in-list, dist, nbetween, dist-between': 'overlap, list membership, token distance and mentions between (bucketed)',
  'b, bc, bm, bb, bbb, bfar, b1, bL, bseq, list-between': 'stemmed, entity-blinded words between the pair (lists collapsed): unigrams (also with order and whether a mention lies between), bigrams, trigrams, the first and last word, the whole short sequence',
  'l1-3, r1-3, lb, rb, x±1, x±2, y±1, y±2': 'words around the pair and around each side by role',
  'hyph, head, head-ase': 'a word hyphen-glued after a mention ("-induced"), each mention\'s head word',
  'near, sent, trig, trigl, trigbefore, trigafter': 'trigger-lexicon words: nearest to each side, anywhere in the sentence, between, before and after the pair',
  'cue': '"the X of Y by Z", "X <agent noun> Y", apposition, "such as"',
  'negated, hedged': 'negation cue near the pair, hedge cue in the sentence',
  'rank, groups, ob, closest, share, nt, pat, patw, cl, mw': 'the pair against the rest of the sentence (context-features.ts): how many chemicals (genes) sit nearer the other side and how many the sentence names, other chemicals and genes between, whether each side is the other\'s closest partner, the trigger nearest each side (shared? which side is nearer?), order × the first trigger between (form, stem) × "by", clause words and commas between, the mentions\' own words besides the head',
  'rule, rulep': 'the output of each relation rule on the pair (id, predicate, direction), or none',
};
