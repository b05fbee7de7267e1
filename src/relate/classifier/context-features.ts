/**
 * Features of a pair relative to the rest of its sentence, where a linear model without a parser
 * otherwise cannot tell which chemical a verb links to which gene: other mentions between the pair
 * by type, whether each side is the other's closest partner (how many are nearer; how many
 * chemicals and genes the sentence names), the trigger word nearest each side
 * (the same one for both?), the pattern order × trigger form × "by" ("X inhibits Y" against
 * "Y is inhibited by X"), clause boundaries between ("which", ";", commas), and the mentions' own
 * words ("receptor", "transporter" in the gene's span). What every pair of a sentence shares
 * (trigger positions, clause words) is found once per sentence.
 * Keyed by numbers as features.ts is (a family and vocabulary word ids): the composite words
 * ("0:1", "in:self", "inhibit:participle:by") are ids looked up once per vocabulary generation,
 * not strings built and hashed per pair. The names and their order are the training's.
 */
import { isAgent } from '../predicates.js';
import type { Arg, SentenceView } from '../sentence-view.js';
import type { Trigger } from '../triggers.js';
import { family, generation, wordId } from './feature-names.js';
import type { FeatureSink } from './features.js';
import { stem } from './stem.js';
import { triggerId } from './word-ids.js';
import { ownOf, sentenceInfos } from './word-info.js';

interface ContextCache {
  generation: number;
  /** token indices of trigger-lexicon words outside mentions, in order */
  triggers: number[];
  /** each trigger's entry, stemmed lemma id and form id, by its place in `triggers` */
  entries: Trigger[];
  stems: number[];
  /** token indices of clause-boundary words outside mentions, and the word id of each (-1 for a comma) */
  clauses: number[];
  clauseIds: number[];
  /** how many agent and gene groups (a list counts once) the sentence has */
  agentGroups: number;
  geneGroups: number;
  /** each arg's own words besides the head (ownWords), by arg index, found when a pair first reads them */
  mentionWords: (number[] | undefined)[];
}

const F = {
  RANK: family('rank:', ':'), GROUPS: family('groups:', ':'), OB: family('ob:', ':'), CLOSEST: family('closest:'),
  SHARE2: family('share:', ':'), SHARE: family('share:'),
  NT: { x: family('nt:x:', ':'), y: family('nt:y:', ':') },
  PAT: family('pat:', ':'), PATW: family('patw:', ':'),
  CL: family('cl:'), COMMAS: family('cl:commas:', ':'),
  MW: { x: family('mw:x:'), y: family('mw:y:') },
};

const COUNT = ['0', '1', '2+'];
const WHERE = ['in', 'before', 'after'] as const;
const IN = 0, BEFORE = 1, AFTER = 2;
const FORMS = ['finite', 'participle', 'gerund', 'noun', 'agent'];

/** the words the features name, as ids of the current vocabulary generation */
interface Words {
  generation: number;
  count: number[];
  /** `${count}:${count}` */
  counts: number[][];
  order: { XY: number; YX: number };
  /** `${order}:none` */
  none: { XY: number; YX: number };
  closest: number[];
  where: number[];
  /** `${where}:self`, `${where}:other` */
  whereSide: number[][];
  /** `${form}:-`, `${form}:by` by form */
  formBy: Map<string, number[]>;
  /** `${stem}:${form}:-` and `:by` by trigger entry */
  patw: Map<Trigger, number[]>;
  no: number;
  trig: number; notrig: number;
}
let ids: Words | undefined;

function words(): Words {
  if (ids?.generation === generation()) return ids;
  const formBy = new Map<string, number[]>();
  for (const form of FORMS) formBy.set(form, [wordId(`${form}:-`), wordId(`${form}:by`)]);
  ids = {
    generation: generation(),
    count: COUNT.map((n) => wordId(n)),
    counts: COUNT.map((p) => COUNT.map((q) => wordId(`${p}:${q}`))),
    order: { XY: wordId('XY'), YX: wordId('YX') },
    none: { XY: wordId('XY:none'), YX: wordId('YX:none') },
    closest: ['--', 'x-', '-y', 'xy'].map((w) => wordId(w)),
    where: WHERE.map((w) => wordId(w)),
    whereSide: WHERE.map((w) => [wordId(`${w}:self`), wordId(`${w}:other`)]),
    formBy, patw: new Map(), no: wordId('no'), trig: wordId('trig'), notrig: wordId('notrig'),
  };
  return ids;
}

/** `${stem}:${form}:-` or `:by` of a trigger entry */
function patwId(w: Words, t: Trigger, by: boolean): number {
  let pair = w.patw.get(t);
  if (!pair) { const s = stem(t.lemma); pair = [wordId(`${s}:${t.form}:-`), wordId(`${s}:${t.form}:by`)]; w.patw.set(t, pair); }
  return pair[by ? 1 : 0];
}

function formById(w: Words, t: Trigger, by: boolean): number {
  let pair = w.formBy.get(t.form);
  if (!pair) { pair = [wordId(`${t.form}:-`), wordId(`${t.form}:by`)]; w.formBy.set(t.form, pair); }
  return pair[by ? 1 : 0];
}

/** the last sentence's cache: a sentence's pairs are read one after another (a WeakMap entry per sentence costs the collector more) */
let last: { view: SentenceView; cache: ContextCache } | undefined;

function cacheOf(v: SentenceView): ContextCache {
  let c = last?.view === v ? last.cache : undefined;
  if (c && c.generation === generation()) return c;
  c = { generation: generation(), triggers: [], entries: [], stems: [], clauses: [], clauseIds: [], agentGroups: 0, geneGroups: 0, mentionWords: [] };
  const agentGroups = new Set<number>(), geneGroups = new Set<number>();
  for (const m of v.args) (isAgent(m.mention.type) ? agentGroups : geneGroups).add(m.group);
  c.agentGroups = agentGroups.size;
  c.geneGroups = geneGroups.size;
  // trigger-lexicon and clause words (CLAUSE_WORDS), from the facts looked up once per token
  const infos = sentenceInfos(v);
  for (let i = 0; i < v.words.length; i++) {
    if (v.argAt[i] >= 0) continue;
    const info = infos[i];
    const t = info.trigger;
    if (t) { c.triggers.push(i); c.entries.push(t); c.stems.push(triggerId(t).lemma); }
    if (info.clause) { const w = v.words[i]; c.clauses.push(i); c.clauseIds.push(w === ',' ? -1 : wordId(w)); }
  }
  last = { view: v, cache: c };
  return c;
}

const bucket = (n: number) => (n <= 0 ? 0 : n === 1 ? 1 : 2);
/** tokens between two args (0 when they touch or overlap) */
const gap = (p: Arg, q: Arg) => (p.last < q.first ? q.first - p.last - 1 : q.last < p.first ? p.first - q.last - 1 : 0);
/** tokens from a trigger to an arg (0 inside it) */
const reach = (t: number, g: Arg) => (t < g.first ? g.first - t : t > g.last ? t - g.last : 0);

/** the place in c.triggers of the trigger nearest an arg (ties: the left one), or -1 */
function nearestTrigger(c: ContextCache, arg: Arg): number {
  let best = -1, bestD = Infinity;
  for (let k = 0; k < c.triggers.length; k++) {
    const t = c.triggers[k];
    const d = t < arg.first ? arg.first - t : t - arg.last;
    if (d < bestD) { bestD = d; best = k; }
  }
  return best;
}

/**
 * The context features of the pair (a before b; x the agent side, y the other; `order` XY when the
 * agent comes first) into the sink. `between` spans [from, to), the words between the pair's lists.
 */
export function emitContextFeatures(v: SentenceView, a: Arg, b: Arg, x: Arg, y: Arg, order: 'XY' | 'YX', from: number, to: number, f: FeatureSink): void {
  const c = cacheOf(v);
  const w = words();
  // other mentions between the pair (not its own lists), by type; how many agents are nearer y
  // than x is, and genes nearer x than y is (0: the closest partner)
  let agents = 0, genes = 0, nearerX = 0, nearerY = 0;
  const dxy = gap(x, y);
  for (const m of v.args) {
    if (m === x || m === y) continue;
    const agent = isAgent(m.mention.type);
    if (m.group !== a.group && m.group !== b.group && m.first >= from && m.last < to) { if (agent) agents++; else genes++; }
    if (agent && m.group !== x.group && gap(m, y) < dxy) nearerX++;
    if (!agent && m.group !== y.group && gap(m, x) < dxy) nearerY++;
  }
  // how many sit nearer, and how many chemicals and genes the sentence names (a list counts once)
  f.add(F.RANK, w.count[bucket(nearerX)], w.count[bucket(nearerY)], -1);
  f.add(F.GROUPS, w.count[bucket(c.agentGroups - 1)], w.count[bucket(c.geneGroups - 1)], -1);
  f.add(F.OB, w.order[order], w.counts[bucket(agents)][bucket(genes)], -1);
  f.add(F.CLOSEST, w.closest[(nearerX === 0 ? 1 : 0) + (nearerY === 0 ? 2 : 0)], -1, -1);
  // the trigger nearest each side, and which side is nearer to it
  const kx = nearestTrigger(c, x), ky = nearestTrigger(c, y);
  const where = (t: number) => (t >= from && t < to ? IN : t < a.first ? BEFORE : AFTER);
  if (kx >= 0 && kx === ky) {
    const at = where(c.triggers[kx]);
    f.add(F.SHARE2, w.where[at], c.stems[kx], -1);
    f.add(F.SHARE, w.where[at], -1, -1);
  } else f.add(F.SHARE, w.no, -1, -1);
  if (kx >= 0) { const t = c.triggers[kx]; f.add(F.NT.x, c.stems[kx], w.whereSide[where(t)][reach(t, x) <= reach(t, y) ? 0 : 1], -1); }
  if (ky >= 0) { const t = c.triggers[ky]; f.add(F.NT.y, c.stems[ky], w.whereSide[where(t)][reach(t, y) <= reach(t, x) ? 0 : 1], -1); }
  // the pattern: order × the first trigger between (form, stem) × "by" after it
  let first = -1;
  for (let k = 0; k < c.triggers.length; k++) if (c.triggers[k] >= from && c.triggers[k] < to) { first = k; break; }
  if (first >= 0) {
    let by = false;
    for (let i = c.triggers[first] + 1; i < to; i++) if (v.words[i] === 'by') { by = true; break; }
    const t = c.entries[first];
    f.add(F.PAT, w.order[order], formById(w, t, by), -1);
    f.add(F.PATW, w.order[order], patwId(w, t, by), -1);
  } else f.add(F.PAT, w.none[order], -1, -1);
  // clause boundaries between the pair
  let commas = 0;
  for (let k = 0; k < c.clauses.length; k++) {
    const i = c.clauses[k];
    if (i < from || i >= to) continue;
    if (c.clauseIds[k] < 0) commas++;
    else f.add(F.CL, c.clauseIds[k], -1, -1);
  }
  f.add(F.COMMAS, w.count[bucket(commas)], first >= 0 ? w.trig : w.notrig, -1);
  // the mentions' own words besides the head ("5-HT2A receptor antagonist", "dopamine transporter")
  ownWords(f, v, c, F.MW.x, x);
  ownWords(f, v, c, F.MW.y, y);
}

/** a mention's words of three letters or more before its last, stemmed (each arg's read once per sentence) */
function ownWords(f: FeatureSink, v: SentenceView, c: ContextCache, family: number, arg: Arg): void {
  if (arg.first === arg.last) return;
  let ids = c.mentionWords[arg.index];
  if (!ids) {
    ids = [];
    const infos = sentenceInfos(v);
    for (let i = arg.first; i < arg.last; i++) if (LOWER_WORD.test(v.words[i])) ids.push(ownOf(v.words[i], infos[i]));
    c.mentionWords[arg.index] = ids;
  }
  for (const id of ids) f.add(family, id, -1, -1);
}
const LOWER_WORD = /^[a-z]{3,}$/;
