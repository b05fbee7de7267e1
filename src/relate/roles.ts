/**
 * Argument roles around a trigger, for the rules in rules.ts and relate.ts: which noun an object
 * is the head of (amount, activity, turnover, process), whether a subject is negated by "loss
 * of", used as a classifier ("HER2-positive cells") or names a drug class ("PI3K inhibitor
 * alpelisib"), whether a verb belongs to another clause than the entity before it, and which
 * entity is then its subject. Token-level heuristics, no parse; examples in test/relate/roles.test.ts.
 */
import type { Arg, SentenceView } from './sentence-view.js';
import { TRIGGERS } from './triggers.js';

/** index of the word before a group, past a "the": the "of" in "activation of (the) Y" */
export function wordBefore(v: SentenceView, g: Arg[]): number {
  const k = g[0].first - 1;
  return v.words[k] === 'the' ? k - 1 : k;
}

/** "the expression of Y", "Y mRNA": a change of amount (upregulates / downregulates) */
export const AMOUNT_HEADS = new Set(['expression', 'expressions', 'level', 'levels', 'production', 'synthesis', 'secretion', 'mrna', 'mrnas', 'transcription', 'transcript', 'transcripts', 'abundance', 'amount', 'amounts']);
/** "the activity of Y", "Y kinase activity", "induces activation of Y", "Y phosphorylation": a change of activity (activates / inhibits) */
export const ACTIVITY_HEADS = new Set(['activity', 'activities', 'function', 'activation', 'phosphorylation']);
/** words that may sit between an entity and its head noun: "HER2 protein levels", "CA I and CA II activity" */
const HEAD_MODIFIERS = new Set(['gene', 'protein', 'mrna', 'kinase', 'enzyme', 'enzymatic', 'catalytic', 'transcriptional', 'receptor', 'surface', 'membrane', 'cellular', 'expression', 'signaling', 'signalling', 'basal']);

/** "inhibits the degradation of Y": the verb acts on Y's removal, so the sign flips (and it is an amount) */
export const TURNOVER_HEADS = new Set(['degradation', 'ubiquitination', 'turnover', 'clearance']);
/** "inhibit the cleavage of HER2": the verb acts on a process of Y, not on Y */
export const PROCESS_HEADS = new Set(['cleavage', 'shedding', 'internalization', 'internalisation', 'endocytosis', 'translocation', 'localization', 'binding', 'dimerization', 'heterodimerization']);

export type ObjectHead = 'amount' | 'activity' | 'turnover' | 'process';

const headClass = (w: string | undefined): ObjectHead | undefined =>
  w === undefined ? undefined : AMOUNT_HEADS.has(w) ? 'amount' : ACTIVITY_HEADS.has(w) ? 'activity'
    : TURNOVER_HEADS.has(w) ? 'turnover' : PROCESS_HEADS.has(w) ? 'process' : undefined;

/**
 * The head noun an entity group stands under: "HEAD of (the) Y" before it, else "Y (modifiers) HEAD"
 * after it (the last of up to three nouns: "Y protein levels", "Y transcriptional activity").
 * `afterOnly` when the noun before "of" is the trigger itself ("degradation of Y").
 */
export function objectHead(v: SentenceView, g: Arg[], afterOnly = false): ObjectHead | undefined {
  const w = v.words;
  const k = wordBefore(v, g);
  if (!afterOnly && w[k] === 'of' && headClass(w[k - 1])) return headClass(w[k - 1]);
  const after = g[g.length - 1].last + 1;
  let head: ObjectHead | undefined;
  for (let i = after; i < Math.min(after + 3, w.length); i++) {
    // "Y binding to the membrane" is Y acting, not a head of Y: only the noun-before-"of" form counts for processes
    const h = headClass(w[i]);
    if (h && h !== 'process') head = h;
    else if (!HEAD_MODIFIERS.has(w[i])) break;
  }
  return head;
}

const INVERSE: Record<string, string> = { inhibits: 'activates', activates: 'inhibits', upregulates: 'downregulates', downregulates: 'upregulates' };

/** the predicate for the opposite sign, or undefined when it has none (binds, phosphorylates, ...) */
export const invert = (predicate: string | undefined): string | undefined => (predicate === undefined ? undefined : INVERSE[predicate]);

/**
 * The object's head noun decides between activity and amount: "suppressed the expression of Y"
 * is downregulates, "reduces the activity of Y" is inhibits.
 */
export function byObjectHead(predicate: string, head: ObjectHead | undefined): string | undefined {
  if (head === 'amount') return predicate === 'inhibits' ? 'downregulates' : predicate === 'activates' ? 'upregulates' : predicate;
  if (head === 'activity') return predicate === 'downregulates' ? 'inhibits' : predicate === 'upregulates' ? 'activates' : predicate;
  // "inhibits the degradation of Y" raises Y; "induces the degradation of Y" lowers it
  if (head === 'turnover') { const p = byObjectHead(predicate, 'amount'); return p && invert(p); }
  if (head === 'process') return undefined;
  return predicate;
}

/** "loss of (the) X": X's absence acts, so the effect's sign flips ("loss of ARID1A activates ...") */
const LOSS = new Set(['loss', 'deletion', 'knockdown', 'depletion', 'silencing', 'knockout', 'ablation', 'inhibition', 'inactivation', 'blockade', 'downregulation', 'deficiency']);

/** the same loss written after the entity: "EPHA5 deficiency promotes ...", "ANKRD44 gene silencing" */
const LOSS_AFTER = new Set(['loss', 'deletion', 'knockdown', 'depletion', 'silencing', 'knockout', 'ablation', 'inactivation', 'deficiency']);

export function lostSubject(v: SentenceView, g: Arg[]): boolean {
  const k = wordBefore(v, g);
  if (v.words[k] === 'of' && LOSS.has(v.words[k - 1])) return true;
  let j = g[g.length - 1].last + 1;
  if (v.words[j] === 'gene' || v.words[j] === 'protein') j++;
  return LOSS_AFTER.has(v.words[j]);
}

/** "HER2-positive cells", "trastuzumab-resistant tumours": the entity classifies cells, it does not act */
const CLASSIFIER = new Set(['positive', 'negative', 'overexpressing', 'amplified', 'expressing', 'deficient', 'null', 'low', 'resistant', 'resistance', 'refractory', 'sensitive', 'insensitive']);

/** the token after a group, past a parenthesised alias: "human epidermal growth factor receptor 2 (HER2)-positive" */
function after(v: SentenceView, g: Arg[]): number {
  const k = g[g.length - 1].last + 1;
  if (v.words[k] !== '(') return k;
  const close = v.words.indexOf(')', k);
  return close > k && close - k <= 4 ? close + 1 : k;
}

export const isClassifier = (v: SentenceView, g: Arg[]): boolean => CLASSIFIER.has(v.words[after(v, g)]);

/** "EGF-induced aggregation", "HER2-driven growth": the entity modifies the noun that follows */
const MODIFIER = new Set(['induced', 'mediated', 'dependent', 'driven', 'triggered', 'associated', 'related', 'derived', 'stimulated', 'activated', 'targeted', 'directed', 'bypassing', 'independent']);

export function isModifier(v: SentenceView, g: Arg[]): boolean {
  const k = after(v, g);
  return k < v.words.length && v.hyphenBefore[k] && v.starts[k] - v.ends[k - 1] === 1 && MODIFIER.has(v.words[k]);
}

/** "the PI3K inhibitor alpelisib", "FGFR2 inhibitors": the gene names a drug class, the drug acts */
export const namesDrugClass = (v: SentenceView, g: Arg[]): boolean => TRIGGERS.get(v.words[g[g.length - 1].last + 1])?.form === 'agent';

const ADVERB = (w: string) => /ly$/.test(w) || w === 'then' || w === 'also' || w === 'thereby' || w === 'thus' || w === 'therefore';
const isVerbTrigger = (w: string) => { const t = TRIGGERS.get(w); return !!t && t.form !== 'noun' && t.form !== 'agent'; };

/**
 * "A dimerizes with B and (potentially) dimerizes with C": a verb coordinated after B shares the
 * clause's subject, so B (the entity right before "and"/"or") is not its subject. `verbs`: more
 * verbs than the triggers ("and lead to resistance").
 */
export function coordinatedVerb(between: string[], verbs?: Set<string>): boolean {
  let k = 0;
  // "downregulate PTEN expression and lead to ...": the object's head noun belongs to the object
  while (k < 3 && (headClass(between[k]) || HEAD_MODIFIERS.has(between[k]))) k++;
  if (between[k] === ')') k++;
  if (between[k] === ',') k++;
  if (between[k] !== 'and' && between[k] !== 'or') return false;
  k++;
  while (k < between.length && ADVERB(between[k])) k++;
  // "and down-regulates": the view keeps "down" before the joined trigger (sentence-view.ts)
  if ((between[k] === 'up' || between[k] === 'down') && between[k + 1]?.startsWith(`${between[k]}regulat`)) k++;
  return k < between.length && (isVerbTrigger(between[k]) || !!verbs?.has(between[k]));
}

export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const AUX = new Set([...BE, 'can', 'could', 'may', 'might', 'will', 'would', 'should', 'must', 'has', 'have', 'had', 'does', 'do', 'did']);
const ADJUNCT = new Set(['by', 'through', 'via', 'thereby', 'thus', ',']);
const PREP = new Set(['with', 'by', 'of', 'in', 'to', 'from', 'on', 'at', 'through', 'via', 'than', 'between', 'against', 'for', 'into']);
const DET = new Set(['the', 'a', 'an']);
/** nouns whose "of X" names the actor: "activation of STAT3", "overexpression of HER2" */
const NOMINAL = new Set(['activation', 'overexpression', 'expression', 'amplification', 'upregulation', 'phosphorylation', 'mutation', 'mutations', 'signaling', 'signalling']);

/** a word that can head a finite clause (conservative: auxiliaries, trigger verbs, -ed forms, "works") */
function finiteVerb(w: string, first: boolean): boolean {
  const t = TRIGGERS.get(w);
  if (AUX.has(w) || t?.form === 'finite' || t?.form === 'participle' || /[a-z]ed$/.test(w)) return true;
  return first && /[a-z]{2}[^s]s$/.test(w);
}

/**
 * A gerund in an adjunct ("by activating Y", ", activating Y", ", thereby inducing Y", ", affecting
 * A and inducing Y") takes the subject of its clause. Index of the adjunct's marker for the
 * trigger at `i`: the nearest "by"/"through"/","/... before it, with no finite verb in between and
 * an -ing word right after it (past adverbs); -1 when the trigger is not in such an adjunct.
 */
export function adjunctMarker(v: SentenceView, from: number, i: number): number {
  const w = v.words;
  for (let j = i - 1; j >= from && j >= i - 7; j--) {
    if (ADJUNCT.has(w[j])) {
      let k = j + 1;
      while (k < i && ADVERB(w[k])) k++;
      return /ing$/.test(w[k]) ? j : -1;
    }
    if (finiteVerb(w[j], false)) return -1;
  }
  return -1;
}

/** no finite verb between the entity and the marker (asides in parentheses skipped): "X crosstalks with B by activating Y" → B is no subject */
export function noVerbBefore(v: SentenceView, from: number, marker: number): boolean {
  let depth = 0;
  for (let k = from; k < marker; k++) {
    const x = v.words[k];
    if (x === '(') depth++;
    else if (x === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && finiteVerb(x, k === from) && !v.hyphenBefore[k]) return false;
  }
  return true;
}

/** "the effects of X were ablated by neutralizing Y": the passive's subject undergoes, it does not act */
export function passiveBefore(v: SentenceView, from: number, marker: number): boolean {
  const w = v.words;
  return w[marker] === 'by' && marker - 2 >= from && /ed$|en$/.test(w[marker - 1]) && (BE.has(w[marker - 2]) || BE.has(w[marker - 3]));
}

/** the entity right before an adjunct gerund at `i` is not its subject (see adjunctMarker) */
export function adjunctGerundOfOther(v: SentenceView, from: number, i: number): boolean {
  const m = adjunctMarker(v, from, i);
  return m >= 0 && (noVerbBefore(v, from, m) || passiveBefore(v, from, m));
}

/**
 * The subject a coordinated verb or an adjunct gerund shares: the nearest entity group before
 * `left` that is not the object of a preposition (unless "loss of X") and is followed by a finite
 * verb within five tokens, before any other entity ("Akt can phosphorylate TSC2, activating Y").
 */
export function clauseSubject(v: SentenceView, left: Arg[]): Arg[] | undefined {
  const w = v.words;
  for (let k = left[0].group - 1; k >= 0; k--) {
    const g = v.args.filter((a) => a.group === k);
    if (!g.length || g[g.length - 1].last >= left[0].first) continue;
    const before = DET.has(w[g[0].first - 1]) ? g[0].first - 2 : g[0].first - 1;
    // "the activation of STAT3 then initiates ...": a nominalised subject is still the subject
    if (PREP.has(w[before]) && !lostSubject(v, g) && !(w[before] === 'of' && NOMINAL.has(w[before - 1]))) continue;
    // "G protein-coupled receptors": a hyphenated -ed word is no verb
    // "the NCAPG gene reverses ...": a head noun of the entity sits before its verb
    let start = g[g.length - 1].last + 1;
    while (w[start] === 'gene' || w[start] === 'protein') start++;
    for (let i = start; i < Math.min(start + 5, w.length) && v.argAt[i] < 0; i++)
      if (finiteVerb(w[i], i === start || ADVERB(w[i - 1])) && !v.hyphenBefore[i]) return g;
  }
  return undefined;
}
