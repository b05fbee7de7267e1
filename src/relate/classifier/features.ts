/**
 * Sparse features of a candidate pair of mentions in one sentence, for the relation classifier.
 * Lexical and cheap: the words between and around the pair (stemmed, entity-blinded), their
 * bigrams, distance, mentions between, trigger-lexicon and cue hits, words glued to a mention by
 * a hyphen ("X-induced"), the mentions' own head words ("receptor", "transporter"), a few
 * syntax cues ("the X of Y by Z", "X inhibitor Y"), and the output of each relation rule on the
 * pair. No parser. Feature names are readable strings: `npm run explain` prints them.
 */
import type { EntityType } from '../../model/schemas.js';
import { isAgent } from '../predicates.js';
import type { Arg, SentenceView } from '../sentence-view.js';
import { NEGATION_CUES } from '../cues.js';
import { TRIGGERS } from '../triggers.js';
import { name1, name2, name3 } from './feature-names.js';
import { stem } from './stem.js';

/** a rule's verdict on the pair: its id, predicate, and whether the agent/left side is the subject */
export interface RuleVote {
  rule: string;
  /** the predicate the rule gave, made finer by its trigger where DrugProt is finer (antagonist_of, agonist_of) */
  predicate: string;
  forward: boolean;
}

/** the tagger's drug / chemical / drug_class split is finer than training corpora's CHEMICAL */
const coarse = (t: EntityType): string => (isAgent(t) ? 'agent' : t);

const distBucket = (d: number) => (d <= 3 ? String(d) : d <= 5 ? '4-5' : d <= 8 ? '6-8' : d <= 12 ? '9-12' : d <= 20 ? '13-20' : '21+');
/** bucket names by distance (21 and more share one) */
const DIST = Array.from({ length: 22 }, (_, d) => distBucket(d));

/** what every pair of a sentence shares, computed once per sentence */
interface SentenceCache {
  /** each token's word, stemmed and blinded when a mention covers it (its type instead of its text) */
  blinded: string[];
  /** the sentence's trigger-lexicon features */
  sentence: string[];
  hedged: boolean;
  /** [start, end) token ranges where a negation cue occurs */
  negations: number[];
}
/** negation cues' words by their first word */
const NEGATION_BY_FIRST = new Map<string, string[][]>();
for (const cue of NEGATION_CUES) NEGATION_BY_FIRST.set(cue.words[0], [...(NEGATION_BY_FIRST.get(cue.words[0]) ?? []), cue.words]);

const caches = new WeakMap<SentenceView, SentenceCache>();
/** a mention's word in the blinded sentence: its coarse type, one string per type */
const BLINDED: Record<string, string> = {};

function cacheOf(v: SentenceView): SentenceCache {
  let c = caches.get(v);
  if (!c) {
    const blinded = v.words.map((w, i) => {
      const k = v.argAt[i];
      if (k >= 0) return BLINDED[coarse(v.args[k].mention.type)] ??= `<${coarse(v.args[k].mention.type)}>`;
      return /^\d+$/.test(w) ? '<num>' : stem(w);
    });
    const sentence = [...new Set(v.words.flatMap((w, i) => (v.argAt[i] < 0 && TRIGGERS.has(w) ? [name1('sent:', stem(TRIGGERS.get(w)!.lemma))] : [])))];
    const negations: number[] = [];
    for (let i = 0; i < v.words.length; i++) {
      const cues = NEGATION_BY_FIRST.get(v.words[i]);
      if (cues) for (const cue of cues) if (i + cue.length <= v.words.length && cue.every((w, k) => v.words[i + k] === w)) negations.push(i, i + cue.length);
    }
    c = { blinded, sentence, hedged: v.hedged, negations };
    caches.set(v, c);
  }
  return c;
}


/** the nearest trigger word outside mentions within 6 tokens of an arg (at each distance, the left one first), or -1 */
function nearTrigger(v: SentenceView, arg: Arg): number {
  const n = v.words.length;
  for (let d = 1; d <= 6; d++) {
    const l = arg.first - d, r = arg.last + d;
    if (l >= 0 && l < n && v.argAt[l] < 0 && TRIGGERS.has(v.words[l])) return l;
    if (r >= 0 && r < n && v.argAt[r] < 0 && TRIGGERS.has(v.words[r])) return r;
  }
  return -1;
}

const ORDER = { XY: 'order:XY', YX: 'order:YX' };
/** `b${clean}:${order}:`, by mentions between (c clean, m not) and order */
const B_ORDER = { c: { XY: 'bc:XY:', YX: 'bc:YX:' }, m: { XY: 'bm:XY:', YX: 'bm:YX:' } };
const B1 = { XY: 'b1:XY:', YX: 'b1:YX:' }, BL = { XY: 'bL:XY:', YX: 'bL:YX:' }, BSEQ = { XY: 'bseq:XY:', YX: 'bseq:YX:' };
const APPOSITION = { XY: 'cue:apposition:XY', YX: 'cue:apposition:YX' };
const LEFT = ['', 'l1:', 'l2:', 'l3:'], RIGHT = ['', 'r1:', 'r2:', 'r3:'];
const SIDE = {
  x: { m1: 'x-1:', p1: 'x+1:', m2: 'x-2:', p2: 'x+2:', near: 'near:x:' },
  y: { m1: 'y-1:', p1: 'y+1:', m2: 'y-2:', p2: 'y+2:', near: 'near:y:' },
};
const COUNTS = ['0', '1', '2', '3+'];
const NBETWEEN = COUNTS.map((n) => `nbetween:${n}`);
const DIST_NAMES = DIST.map((d) => `dist:${d}`);
const DIST_BETWEEN = DIST.map((d) => COUNTS.map((n) => `dist-between:${d}:${n}`));

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
 * Where pairFeatures' names go: a list of strings (training, explain), or straight into a model's
 * class scores (linear-model.ts: each name resolved to its weight row once, not looked up per pair).
 */
export interface FeatureSink {
  one(prefix: string, a: string): string | number;
  two(prefix: string, a: string, sep: string, b: string): string | number;
  three(prefix: string, a: string, b: string, c: string): string | number;
  /** names (strings) or what one/two/three returned */
  push(...items: (string | number)[]): void;
}

/** the names as strings, each once in first-seen order (binary features, as training counts them) */
class NameList implements FeatureSink {
  private readonly f: string[] = [];
  one = name1;
  two = name2;
  three = name3;
  push(...items: (string | number)[]): void { for (const x of items) this.f.push(x as string); }
  done(): string[] { return [...new Set(this.f)]; }
}

/** the features of pairFeatures, in its order, into a sink */
export function emitPairFeatures(v: SentenceView, a: Arg, b: Arg, votes: RuleVote[], f: FeatureSink): void {
  const cache = cacheOf(v);
  const words = cache.blinded;
  const wordAt = (i: number) => (i < 0 ? '<s>' : i >= words.length ? '</s>' : words[i]);
  const agentFirst = isAgent(a.mention.type) || !isAgent(b.mention.type);
  const tx = coarse(a.mention.type), ty = coarse(b.mention.type);
  const order = agentFirst ? 'XY' : 'YX';
  f.push(ORDER[order], f.two('types:', tx, '>', ty));
  const nested = b.first <= a.last;
  if (nested) f.push('nested');
  // a list member is related as its list is: "X inhibits A, B and C" reads the same for A, B, C,
  // so "between" runs from the end of a's list to the start of b's
  let from = a.last + 1, to = b.first;
  for (const m of v.args) {
    if (m.group === a.group && m.last < b.first && m.last + 1 > from) from = m.last + 1;
    if (m.group === b.group && m.first > a.last && m.first < to) to = m.first;
  }
  if (from !== a.last + 1 || to !== b.first) f.push('in-list');
  const gap = Math.max(0, to - from);
  const d = Math.min(gap, 21);
  f.push(DIST_NAMES[d]);
  // words between
  let mentionsBetween = 0;
  const between: string[] = [];
  for (let i = from; i < to; i++) {
    const k = v.argAt[i];
    if (k >= 0 && (i === from || v.argAt[i - 1] !== k)) mentionsBetween++;
    if (k >= 0 && i > from && v.argAt[i - 1] === k) continue;
    between.push(wordAt(i));
  }
  const count = Math.min(mentionsBetween, 3);
  f.push(NBETWEEN[count]);
  const n = between.length;
  if (gap <= 12) {
    const withOrder = B_ORDER[mentionsBetween === 0 ? 'c' : 'm'][order];
    for (const w of between) f.push(f.one('b:', w), f.one(withOrder, w));
    let prev = '<x>';
    for (const w of between) { f.push(f.two('bb:', prev, '_', w)); prev = w; }
    f.push(f.two('bb:', prev, '_', '<y>'));
    if (gap <= 8) for (let i = 0; i + 2 < n; i++) f.push(f.three('bbb:', between[i], between[i + 1], between[i + 2]));
  } else {
    // far apart: only the words next to each mention
    for (let k = 0; k < Math.min(4, n); k++) f.push(f.one('bfar:', between[k]));
    for (let k = Math.max(0, n - 4); k < n; k++) f.push(f.one('bfar:', between[k]));
  }
  if (n) f.push(f.one(B1[order], between[0]), f.one(BL[order], between[n - 1]));
  // short connections as a whole: ", a potent inhibitor of", "-induced", "binding to"
  if (n <= 5) f.push(f.one(BSEQ[order], between.join(' ')));
  if (n && between.every((w) => w === ',' || w === 'and' || w === 'or' || w === '/' || w.startsWith('<'))) f.push('list-between');
  // around
  for (let k = 1; k <= 3; k++) f.push(f.one(LEFT[k], wordAt(a.first - k)), f.one(RIGHT[k], wordAt(b.last + k)));
  f.push(f.two('lb:', wordAt(a.first - 2), '_', wordAt(a.first - 1)), f.two('rb:', wordAt(b.last + 1), '_', wordAt(b.last + 2)));
  // the words next to each side, by role (x the agent, y the other)
  const x = agentFirst ? a : b, y = agentFirst ? b : a;
  for (const [p, arg] of [[SIDE.x, x], [SIDE.y, y]] as const) {
    f.push(f.one(p.m1, wordAt(arg.first - 1)), f.one(p.p1, wordAt(arg.last + 1)), f.two(p.m2, wordAt(arg.first - 2), '_', wordAt(arg.first - 1)), f.two(p.p2, wordAt(arg.last + 1), '_', wordAt(arg.last + 2)));
  }
  f.push(DIST_BETWEEN[d][count]);
  // words glued to a mention by a hyphen: "EGF-induced", "dopamine-stimulated"
  for (const [side, arg] of [['a', a], ['b', b]] as const) {
    const j = arg.last + 1;
    if (j < v.words.length && v.hyphenBefore[j] && v.tokens[j].start === v.tokens[arg.last].end + 1) f.push(f.one(side === 'a' ? 'hyph:a:' : 'hyph:b:', wordAt(j)));
    // the mention's own words: "5-HT2A receptor", "tyrosine hydroxylase"
    const head = v.words[arg.last];
    f.push(f.two('head:', coarse(arg.mention.type), ':', /^\d+$/.test(head) ? '<num>' : stem(head)));
    if (head.endsWith('ase')) f.push(side === 'a' ? 'head-ase:a' : 'head-ase:b');
  }
  // the trigger word nearest each side (within 6 tokens, outside mentions), and the sentence's triggers
  for (const [p, arg] of [[SIDE.x, x], [SIDE.y, y]] as const) {
    const i = nearTrigger(v, arg);
    if (i >= 0) f.push(f.two(p.near, stem(TRIGGERS.get(v.words[i])!.lemma), ':', i < arg.first ? 'L' : 'R'));
  }
  f.push(...cache.sentence);
  // trigger lexicon between and just before the pair
  for (let i = from; i < to; i++) {
    const t = TRIGGERS.get(v.words[i]);
    if (t && v.argAt[i] < 0) f.push(f.two('trig:', t.predicate, ':', t.form), f.one('trigl:', stem(t.lemma)));
  }
  for (let i = Math.max(0, a.first - 3); i < a.first; i++) {
    const t = TRIGGERS.get(v.words[i]);
    if (t) f.push(f.two('trigbefore:', t.predicate, ':', t.form));
  }
  for (let i = b.last + 1; i <= Math.min(v.words.length - 1, b.last + 3); i++) {
    const t = TRIGGERS.get(v.words[i]);
    if (t) f.push(f.two('trigafter:', t.predicate, ':', t.form));
  }
  // syntax cues
  if (v.words[a.first - 1] === 'of' && between.includes('by')) f.push('cue:of-X-by-Y');
  if (n === 1 && TRIGGERS.get(v.words[from])?.form === 'agent') f.push(f.one('cue:X-agent-Y:', stem(v.words[from])));
  if (between[0] === '(' || between[0] === ',') f.push(APPOSITION[order]);
  if (between.includes('such') || between.includes('includ')) f.push('cue:such-as');
  // a negation cue wholly inside the window around the pair; hedging anywhere in the sentence
  const lo = Math.max(0, a.first - 4), hi = Math.min(v.words.length, b.last + 2);
  for (let k = 0; k < cache.negations.length; k += 2) if (cache.negations[k] >= lo && cache.negations[k + 1] <= hi) { f.push('negated'); break; }
  if (cache.hedged) f.push('hedged');
  // the rules' verdicts
  for (const r of votes) f.push(f.one('rule:', r.rule), f.two('rule:', r.rule, ':', `${r.predicate}:${r.forward ? 'fwd' : 'rev'}`), f.one('rulep:', r.predicate));
  if (!votes.length) f.push('rule:none');
  f.push('bias');
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
  'rule, rulep': 'the output of each relation rule on the pair (id, predicate, direction), or none',
};
