/**
 * Features of a pair relative to the rest of its sentence, where a linear model without a parser
 * otherwise cannot tell which chemical a verb links to which gene: other mentions between the pair
 * by type, whether each side is the other's closest partner (how many are nearer; how many
 * chemicals and genes the sentence names), the trigger word nearest each side
 * (the same one for both?), the pattern order × trigger form × "by" ("X inhibits Y" against
 * "Y is inhibited by X"), clause boundaries between ("which", ";", commas), and the mentions' own
 * words ("receptor", "transporter" in the gene's span). What every pair of a sentence shares
 * (trigger positions, clause words) is found once per sentence.
 */
import { isAgent } from '../predicates.js';
import type { Arg, SentenceView } from '../sentence-view.js';
import { TRIGGERS } from '../triggers.js';
import type { FeatureSink } from './features.js';
import { stem } from './stem.js';

interface ContextCache {
  /** token indices of trigger-lexicon words outside mentions, in order */
  triggers: number[];
  /** each trigger's stemmed lemma and form, by token index */
  trigStem: Map<number, string>;
  trigForm: Map<number, string>;
  /** token indices of clause-boundary words outside mentions */
  clauses: number[];
  /** how many agent and gene groups (a list counts once) the sentence has */
  agentGroups: number;
  geneGroups: number;
}

/** words that open or close a clause: the pair across one is seldom related by the verb of the other */
const CLAUSE_WORDS = new Set([',', ';', ':', 'which', 'that', 'whereas', 'while', 'but', 'although', 'however', 'whose', 'where']);

/** the last sentence's cache: a sentence's pairs are read one after another (a WeakMap entry per sentence costs the collector more) */
let last: { view: SentenceView; cache: ContextCache } | undefined;

function cacheOf(v: SentenceView): ContextCache {
  let c = last?.view === v ? last.cache : undefined;
  if (!c) {
    c = { triggers: [], trigStem: new Map(), trigForm: new Map(), clauses: [], agentGroups: 0, geneGroups: 0 };
    const agentGroups = new Set<number>(), geneGroups = new Set<number>();
    for (const m of v.args) (isAgent(m.mention.type) ? agentGroups : geneGroups).add(m.group);
    c.agentGroups = agentGroups.size;
    c.geneGroups = geneGroups.size;
    for (let i = 0; i < v.words.length; i++) {
      if (v.argAt[i] >= 0) continue;
      const t = TRIGGERS.get(v.words[i]);
      if (t) { c.triggers.push(i); c.trigStem.set(i, stem(t.lemma)); c.trigForm.set(i, t.form); }
      if (CLAUSE_WORDS.has(v.words[i])) c.clauses.push(i);
    }
    last = { view: v, cache: c };
  }
  return c;
}

const COUNT = ['0', '1', '2+'];
const bucket = (n: number) => COUNT[Math.max(0, Math.min(n, 2))];
/** tokens between two args (0 when they touch or overlap) */
const gap = (p: Arg, q: Arg) => (p.last < q.first ? q.first - p.last - 1 : q.last < p.first ? p.first - q.last - 1 : 0);

/** the trigger nearest an arg (ties: the left one), or -1 */
function nearestTrigger(c: ContextCache, arg: Arg): number {
  let best = -1, bestD = Infinity;
  for (const t of c.triggers) {
    const d = t < arg.first ? arg.first - t : t - arg.last;
    if (d < bestD) { bestD = d; best = t; }
  }
  return best;
}

/**
 * The context features of the pair (a before b; x the agent side, y the other; `order` XY when the
 * agent comes first) into the sink. `between` spans [from, to), the words between the pair's lists.
 */
export function emitContextFeatures(v: SentenceView, a: Arg, b: Arg, x: Arg, y: Arg, order: string, from: number, to: number, f: FeatureSink): void {
  const c = cacheOf(v);
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
  const xClosest = nearerX === 0, yClosest = nearerY === 0;
  // how many sit nearer, and how many chemicals and genes the sentence names (a list counts once)
  f.push(f.two('rank:', bucket(nearerX), ':', bucket(nearerY)), f.two('groups:', bucket(c.agentGroups - 1), ':', bucket(c.geneGroups - 1)));
  f.push(f.two('ob:', order, ':', `${bucket(agents)}:${bucket(genes)}`), f.one('closest:', `${xClosest ? 'x' : '-'}${yClosest ? 'y' : '-'}`));
  // the trigger nearest each side, and which side is nearer to it
  const tx = nearestTrigger(c, x), ty = nearestTrigger(c, y);
  const where = (t: number) => (t >= from && t < to ? 'in' : t < a.first ? 'before' : 'after');
  if (tx >= 0 && tx === ty) f.push(f.two('share:', where(tx), ':', c.trigStem.get(tx)!), f.one('share:', where(tx)));
  else f.push('share:no');
  for (const [side, t, self, other] of [['x', tx, x, y], ['y', ty, y, x]] as const) {
    if (t < 0) continue;
    const d = (g: Arg) => (t < g.first ? g.first - t : t > g.last ? t - g.last : 0);
    f.push(f.two(side === 'x' ? 'nt:x:' : 'nt:y:', c.trigStem.get(t)!, ':', `${where(t)}:${d(self) <= d(other) ? 'self' : 'other'}`));
  }
  // the pattern: order × the first trigger between (form, stem) × "by" after it
  let first = -1;
  for (const t of c.triggers) if (t >= from && t < to) { first = t; break; }
  if (first >= 0) {
    let by = false;
    for (let i = first + 1; i < to; i++) if (v.words[i] === 'by') { by = true; break; }
    const form = c.trigForm.get(first)!;
    f.push(f.two('pat:', order, ':', `${form}:${by ? 'by' : '-'}`), f.two('patw:', order, ':', `${c.trigStem.get(first)}:${form}:${by ? 'by' : '-'}`));
  } else f.push(f.one('pat:', `${order}:none`));
  // clause boundaries between the pair
  let commas = 0;
  for (const k of c.clauses) {
    if (k < from || k >= to) continue;
    if (v.words[k] === ',') commas++;
    else f.push(f.one('cl:', v.words[k]));
  }
  f.push(f.two('cl:commas:', bucket(commas), ':', first >= 0 ? 'trig' : 'notrig'));
  // the mentions' own words besides the head ("5-HT2A receptor antagonist", "dopamine transporter")
  for (const [p, arg] of [['mw:x:', x], ['mw:y:', y]] as const)
    for (let i = arg.first; i < arg.last; i++) if (/^[a-z]{3,}$/.test(v.words[i])) f.push(f.one(p, stem(v.words[i])));
}
