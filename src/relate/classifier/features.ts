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
import { HEDGE_CUES, NEGATION_CUES, findCue } from '../cues.js';
import { TRIGGERS } from '../triggers.js';
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
const countBucket = (n: number) => (n >= 3 ? '3+' : String(n));

/** what every pair of a sentence shares, computed once per sentence */
interface SentenceCache {
  /** each token's word, stemmed and blinded when a mention covers it (its type instead of its text) */
  blinded: string[];
  /** the sentence's trigger-lexicon features */
  sentence: string[];
  hedged: boolean;
}

const caches = new WeakMap<SentenceView, SentenceCache>();

function cacheOf(v: SentenceView): SentenceCache {
  let c = caches.get(v);
  if (!c) {
    const blinded = v.words.map((w, i) => {
      const k = v.argAt[i];
      if (k >= 0) return `<${coarse(v.args[k].mention.type)}>`;
      return /^\d+$/.test(w) ? '<num>' : stem(w);
    });
    const sentence = [...new Set(v.words.flatMap((w, i) => (v.argAt[i] < 0 && TRIGGERS.has(w) ? [`sent:${stem(TRIGGERS.get(w)!.lemma)}`] : [])))];
    c = { blinded, sentence, hedged: !!findCue(v.words, HEDGE_CUES) };
    caches.set(v, c);
  }
  return c;
}

/** the word at token i, stemmed and blinded */
function wordAt(v: SentenceView, i: number): string {
  if (i < 0) return '<s>';
  if (i >= v.words.length) return '</s>';
  return cacheOf(v).blinded[i];
}

/**
 * Features of the pair (a, b), a before b in the sentence. `x` is the agent-or-first side and
 * `y` the other, so features read the same whichever order the sentence uses ("order" says it).
 */
export function pairFeatures(v: SentenceView, a: Arg, b: Arg, votes: RuleVote[] = []): string[] {
  const f: string[] = [];
  const agentFirst = isAgent(a.mention.type) || !isAgent(b.mention.type);
  const tx = coarse(a.mention.type), ty = coarse(b.mention.type);
  const order = `${agentFirst ? 'XY' : 'YX'}`;
  f.push(`order:${order}`, `types:${tx}>${ty}`);
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
  f.push(`dist:${distBucket(gap)}`);
  // words between
  let mentionsBetween = 0;
  let prev = '';
  const between: string[] = [];
  for (let i = from; i < to; i++) {
    const k = v.argAt[i];
    if (k >= 0 && (i === from || v.argAt[i - 1] !== k)) mentionsBetween++;
    if (k >= 0 && i > from && v.argAt[i - 1] === k) continue;
    between.push(wordAt(v, i));
  }
  f.push(`nbetween:${countBucket(mentionsBetween)}`);
  const clean = mentionsBetween === 0 ? 'c' : 'm';
  if (gap <= 12) {
    for (const w of between) f.push(`b:${w}`, `b${clean}:${order}:${w}`);
    prev = '<x>';
    for (const w of between) { f.push(`bb:${prev}_${w}`); prev = w; }
    f.push(`bb:${prev}_<y>`);
    if (gap <= 8) for (let i = 0; i + 2 < between.length; i++) f.push(`bbb:${between[i]}_${between[i + 1]}_${between[i + 2]}`);
  } else {
    // far apart: only the words next to each mention
    for (const w of between.slice(0, 4)) f.push(`bfar:${w}`);
    for (const w of between.slice(-4)) f.push(`bfar:${w}`);
  }
  if (between.length) f.push(`b1:${order}:${between[0]}`, `bL:${order}:${between[between.length - 1]}`);
  // short connections as a whole: ", a potent inhibitor of", "-induced", "binding to"
  if (between.length <= 5) f.push(`bseq:${order}:${between.join(' ')}`);
  if (between.length && between.every((w) => w === ',' || w === 'and' || w === 'or' || w === '/' || w.startsWith('<'))) f.push('list-between');
  // around
  for (let d = 1; d <= 3; d++) {
    f.push(`l${d}:${wordAt(v, a.first - d)}`, `r${d}:${wordAt(v, b.last + d)}`);
  }
  f.push(`lb:${wordAt(v, a.first - 2)}_${wordAt(v, a.first - 1)}`, `rb:${wordAt(v, b.last + 1)}_${wordAt(v, b.last + 2)}`);
  // the words next to each side, by role (x the agent, y the other)
  const [x, y] = agentFirst ? [a, b] : [b, a];
  for (const [side, arg] of [['x', x], ['y', y]] as const) {
    f.push(`${side}-1:${wordAt(v, arg.first - 1)}`, `${side}+1:${wordAt(v, arg.last + 1)}`, `${side}-2:${wordAt(v, arg.first - 2)}_${wordAt(v, arg.first - 1)}`, `${side}+2:${wordAt(v, arg.last + 1)}_${wordAt(v, arg.last + 2)}`);
  }
  f.push(`dist-between:${distBucket(gap)}:${countBucket(mentionsBetween)}`);
  // words glued to a mention by a hyphen: "EGF-induced", "dopamine-stimulated"
  for (const [side, arg] of [['a', a], ['b', b]] as const) {
    const j = arg.last + 1;
    if (j < v.words.length && v.hyphenBefore[j] && v.tokens[j].start === v.tokens[arg.last].end + 1) f.push(`hyph:${side}:${wordAt(v, j)}`);
    // the mention's own words: "5-HT2A receptor", "tyrosine hydroxylase"
    const head = v.words[arg.last];
    f.push(`head:${coarse(arg.mention.type)}:${/^\d+$/.test(head) ? '<num>' : stem(head)}`);
    if (/ase$/.test(head)) f.push(`head-ase:${side}`);
  }
  // the trigger word nearest each side (within 6 tokens, outside mentions), and the sentence's triggers
  for (const [side, arg] of [['x', x], ['y', y]] as const) {
    for (let d = 1; d <= 6; d++) {
      const i = [arg.first - d, arg.last + d].find((j) => j >= 0 && j < v.words.length && v.argAt[j] < 0 && TRIGGERS.has(v.words[j]));
      if (i !== undefined) { f.push(`near:${side}:${stem(TRIGGERS.get(v.words[i])!.lemma)}:${i < arg.first ? 'L' : 'R'}`); break; }
    }
  }
  f.push(...cacheOf(v).sentence);
  // trigger lexicon between and just before the pair
  for (let i = from; i < to; i++) {
    const t = TRIGGERS.get(v.words[i]);
    if (t && v.argAt[i] < 0) f.push(`trig:${t.predicate}:${t.form}`, `trigl:${stem(t.lemma)}`);
  }
  for (let i = Math.max(0, a.first - 3); i < a.first; i++) {
    const t = TRIGGERS.get(v.words[i]);
    if (t) f.push(`trigbefore:${t.predicate}:${t.form}`);
  }
  for (let i = b.last + 1; i <= Math.min(v.words.length - 1, b.last + 3); i++) {
    const t = TRIGGERS.get(v.words[i]);
    if (t) f.push(`trigafter:${t.predicate}:${t.form}`);
  }
  // syntax cues
  if (v.words[a.first - 1] === 'of' && between.includes('by')) f.push('cue:of-X-by-Y');
  if (between.length === 1 && TRIGGERS.get(v.words[from])?.form === 'agent') f.push(`cue:X-agent-Y:${stem(v.words[from])}`);
  if (between[0] === '(' || between[0] === ',') f.push(`cue:apposition:${order}`);
  if (between.includes('such') || between.includes('includ')) f.push('cue:such-as');
  // negation and hedging near the pair
  const window = v.words.slice(Math.max(0, a.first - 4), Math.min(v.words.length, b.last + 2));
  if (findCue(window, NEGATION_CUES)) f.push('negated');
  if (cacheOf(v).hedged) f.push('hedged');
  // the rules' verdicts
  for (const r of votes) f.push(`rule:${r.rule}`, `rule:${r.rule}:${r.predicate}:${r.forward ? 'fwd' : 'rev'}`, `rulep:${r.predicate}`);
  if (!votes.length) f.push('rule:none');
  f.push('bias');
  // binary features: each once, as training counts them
  return [...new Set(f)];
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
