/**
 * relate: sentences + mentions → relations (normalized coordinates; the pipeline maps them to
 * the original). Every pair of adjacent coordination groups in a sentence is offered to the rule
 * table; the first rule that fires with a predicate the argument types allow wins for that pair,
 * and its hit expands to all group members (and to the examples of an object class: "chemokines
 * such as CCL2"). A verb coordinated after an object or in an adjunct ("A inhibits B, activating
 * C") is offered again with the clause subject A (`roles.ts`). Lists of drugs named as a
 * combination and variants with their gene are related inside one group.
 */
import type { Sentence } from '../segment/segment.js';
import type { Mention } from '../tag/mention.js';
import { NEGATION_CUES, hasCue } from './cues.js';
import { allowedArguments, isAgent } from './predicates.js';
import { CAUSAL, RULES, type PairContext, type RelationRule, type RuleHit } from './rules.js';
import { adjunctMarker, clauseSubject, coordinatedVerb, noVerbBefore, passiveBefore, wordBefore } from './roles.js';
import { TRIGGERS } from './triggers.js';
import type { RelationClassifier } from './classifier/relation-model.js';
import { applyClassifier } from './classifier/apply.js';
import { groupOf, viewSentence, type Arg, type SentenceView } from './sentence-view.js';

export interface Relation {
  subject: Mention;
  predicate: string;
  object: Mention;
  sentence: number;
  rule: string;
  trigger: string;
  negated: boolean;
  hedged: boolean;
  confidence: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Confidence: rule reliability, discounted by distance, negation and hedging. */
export function scoreConfidence(reliability: number, gap: number, negated: boolean, hedged: boolean): number {
  let c = reliability * (1 - 0.025 * Math.max(0, gap - 4));
  if (negated) c *= 0.6;
  if (hedged) c *= 0.75;
  return round(Math.min(0.99, Math.max(0.05, c)));
}

/** rules whose subject is a clause subject, offered the subject a coordinated or adjunct verb shares */
const SHARED_RULES = new Set(['verb-active', 'binds', 'resistance-cause']);
const SHARED_OF_RULES = RULES.filter((r) => SHARED_RULES.has(r.id));

/**
 * Where a verb phrase that does not take the left entity as subject starts between two groups:
 * "B and (then) activates C" (at "and"), "B, activating C" / "B by activating C" with no finite
 * verb after B (at the adjunct marker); -1 otherwise.
 */
function sharedStart(view: SentenceView, from: number, to: number): number {
  const between = view.words.slice(from, to);
  if (coordinatedVerb(between, CAUSAL)) return from;
  for (let i = to - 1; i >= from; i--) {
    const t = TRIGGERS.get(view.words[i]);
    if (t?.form !== 'gerund' && !(t === undefined && view.words[i].endsWith('ing'))) continue;
    const m = adjunctMarker(view, from, i);
    return m >= 0 && noVerbBefore(view, from, m) && !passiveBefore(view, from, m) ? m : -1;
  }
  return -1;
}

/** "HER2 activates HER2 signaling": a gene and the pathway named after it (a tautology, not a finding) */
function ownPathway(text: string, s: Mention, o: Mention): boolean {
  if (s.type !== 'gene' || o.type !== 'pathway') return false;
  const gene = text.slice(s.start, s.end).toLowerCase();
  return text.slice(o.start, o.end).toLowerCase().startsWith(`${gene} `);
}

const INTRO = new Set(['(', ',', '.', ':', 'e', 'g', 'such', 'as', 'including', 'namely', 'the']);

/**
 * "upregulates chemokines such as CCL2 and CXCR4", "kinases (e.g., EGFR, HER2)": the examples of
 * an object class are objects too (the class stays). The same-type group the intro leads to, or none.
 */
function examplesOf(view: SentenceView, g: Arg[]): Arg[] {
  const w = view.words;
  let j = g[g.length - 1].last + 1;
  // the class noun may continue past the mention: "EGFR family members, such as HER3"
  for (let n = 0; n < 2 && (/^[a-z]{3,}s$/.test(w[j] ?? '') || w[j] === 'family') && !TRIGGERS.has(w[j]); n++) j++;
  const intro: string[] = [];
  while (j < w.length && intro.length < 6 && INTRO.has(w[j]) && view.argAt[j] < 0) intro.push(w[j++]);
  const said = intro.join(' ');
  if (!/such as|including|namely|e \. g|e g/.test(said)) return [];
  const k = view.argAt[j];
  return k >= 0 && view.args[k].mention.type === g[0].mention.type ? groupOf(view, view.args[k]) : [];
}

/**
 * "activating downstream pathways, such as PI3K/AKT and MAPK": when the right group is the first of
 * a class's examples, the examples listed after it are objects too, whatever their type (a pathway
 * then a gene family). The groups that continue the list, or none.
 */
function moreExamples(view: SentenceView, g: Arg[]): Arg[] {
  const w = view.words;
  const before = w.slice(Math.max(0, g[0].first - 5), g[0].first).join(' ');
  if (!/(such as|including|e \. g \.?|like) ?,?( the)?$/.test(before)) return [];
  const out: Arg[] = [];
  let j = g[g.length - 1].last + 1;
  for (;;) {
    let k = j;
    while (k < w.length && k - j < 3 && (w[k] === ',' || w[k] === 'and' || w[k] === 'or') && view.argAt[k] < 0) k++;
    // a sentence may end inside the list ("such as HER2 and", a text cut short or at the sentence cap)
    const a = k < w.length ? view.argAt[k] : -1;
    if (k === j || a < 0 || (view.args[a].mention.type !== 'gene' && view.args[a].mention.type !== 'pathway')) return out;
    const next = groupOf(view, view.args[a]);
    out.push(...next);
    j = next[next.length - 1].last + 1;
  }
}

/** the coordination groups in order of their first member, each in sentence order (one pass: a group's id is an arg index) */
function groups(view: SentenceView): Arg[][] {
  const byGroup: (Arg[] | undefined)[] = [];
  const out: Arg[][] = [];
  for (const a of view.args) {
    const g = byGroup[a.group];
    if (g) g.push(a);
    else { const fresh = [a]; byGroup[a.group] = fresh; out.push(fresh); }
  }
  return out;
}

/**
 * The relations of one sentence: the rules' findings, then, when a classifier is given, its
 * decision on every candidate pair it covers (`applyClassifier`).
 */
export function relateSentence(text: string, sentence: Sentence, mentions: Mention[], rules: RelationRule[] = RULES, classifier?: RelationClassifier): Relation[] {
  const view = viewSentence(text, sentence.start, sentence.end, mentions);
  const byRules = ruleRelations(text, sentence, view, rules);
  return classifier ? applyClassifier(text, sentence, view, byRules, classifier) : byRules;
}

/** a hit whose predicate the argument types do not allow leaves the pair to the next rule */
function fits(hit: RuleHit, l: Arg[], r: Arg[]): boolean {
  const [s, o] = hit.subject === 'left' ? [l[0], r[0]] : [r[0], l[0]];
  return allowedArguments(hit.predicate, s.mention.type, o.mention.type);
}

/** true when a mention covers a token in [from, to) */
function mentionIn(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (view.argAt[i] >= 0) return true;
  return false;
}

/**
 * Relations the rules give one sentence, at most: coordination expands a hit to every member of
 * both groups, so a list of 300 drugs "inhibit" a list of 300 genes would give 90,000 triples.
 * Past the cap the first in sentence order are kept. Real sentences stay far below it.
 */
export const MAX_RULE_RELATIONS_PER_SENTENCE = 1000;

/** what the rule table finds in a sentence */
export function ruleRelations(text: string, sentence: Sentence, view: SentenceView, rules: RelationRule[] = RULES): Relation[] {
  const out: Relation[] = [];
  const gs = groups(view);
  const hedged = view.hedged;
  const emit = (rule: RelationRule, hit: RuleHit, left: Arg[], right: Arg[], from: number, to: number, gap: number) => {
    const [subs, objs] = hit.subject === 'left' ? [left, [...right, ...examplesOf(view, right), ...moreExamples(view, right)]] : [right, left];
    for (const h of [hit, ...(hit.also ?? [])]) {
      const window = view.words.slice(Math.max(0, Math.min(from, h.trigger[0]) - 4), Math.max(to, h.trigger[1] + 1));
      const negated = hasCue(window, NEGATION_CUES);
      const trigger = text.slice(view.starts[h.trigger[0]], view.ends[h.trigger[1]]);
      for (const s of subs) for (const o of objs) {
        if (out.length >= MAX_RULE_RELATIONS_PER_SENTENCE) return;
        if (s.mention.norm === o.mention.norm || ownPathway(text, s.mention, o.mention) || !allowedArguments(h.predicate, s.mention.type, o.mention.type)) continue;
        out.push({ subject: s.mention, predicate: h.predicate, object: o.mention, sentence: sentence.index, rule: rule.id, trigger, negated, hedged, confidence: scoreConfidence(rule.reliability, gap, negated, hedged) });
      }
    }
  };
  const sharedRules = rules === RULES ? SHARED_OF_RULES : rules.filter((r) => SHARED_RULES.has(r.id));
  for (let i = 0; i < gs.length; i++) {
    for (let j = i + 1; j < gs.length; j++) {
      const left = gs[i], right = gs[j];
      const from = left[left.length - 1].last + 1, to = right[0].first;
      if (to < from) continue;
      // an entity between the two groups belongs to a nearer pair
      if (mentionIn(view, from, to)) continue;
      const ctx: PairContext = { view, left, right, from, to, between: view.words.slice(from, to) };
      for (const rule of rules) {
        const hit = rule.apply(ctx);
        if (!hit || !fits(hit, left, right)) continue;
        emit(rule, hit, left, right, from, to, to - from);
        break;
      }
      // "A binds B and activates C", "A inhibits B, activating C": the verb after B is A's
      const start = sharedStart(view, from, to);
      const subject = start >= 0 ? clauseSubject(view, left) : undefined;
      if (!subject) continue;
      const shared: PairContext = { view, left: subject, right, from: start, to, between: view.words.slice(start, to), shared: true };
      for (const rule of sharedRules) {
        const hit = rule.apply(shared);
        if (!hit || hit.subject !== 'left' || !fits(hit, subject, right)) continue;
        emit(rule, hit, subject, right, start, to, to - subject[subject.length - 1].last - 1);
        break;
      }
    }
  }
  out.push(...variantRelations(view, sentence.index), ...activatingVariants(text, view, sentence.index, hedged), ...combinationList(text, view, gs, sentence.index, hedged));
  return out.length > MAX_RULE_RELATIONS_PER_SENTENCE ? out.slice(0, MAX_RULE_RELATIONS_PER_SENTENCE) : out;
}

const COMBINING = new Set(['combination', 'combinations', 'combining', 'coadministration', 'administration', 'combined']);

/**
 * combined_with inside one list of drugs named as a combination: "the combination of trastuzumab
 * and pertuzumab", "combining trastuzumab and capecitabine" (pairs in sentence order).
 */
function combinationList(text: string, view: SentenceView, gs: Arg[][], sentence: number, hedged: boolean): Relation[] {
  const out: Relation[] = [];
  const w = view.words;
  for (const g of gs) {
    if (g.length < 2 || !isAgent(g[0].mention.type)) continue;
    let k = wordBefore(view, g);
    if (w[k] === 'of') k--;
    if (!COMBINING.has(w[k]) || (w[k] === 'administration' && w[k - 1] !== 'co')) continue;
    const negated = hasCue(w.slice(Math.max(0, k - 4), g[g.length - 1].last + 1), NEGATION_CUES);
    for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) {
      if (out.length >= MAX_RULE_RELATIONS_PER_SENTENCE) return out;
      if (g[a].mention.norm === g[b].mention.norm) continue;
      out.push({ subject: g[a].mention, predicate: 'combined_with', object: g[b].mention, sentence, rule: 'combination-list', trigger: text.slice(view.starts[k], view.ends[k]), negated, hedged, confidence: scoreConfidence(0.75, g[b].first - g[a].last - 1, negated, hedged) });
    }
  }
  return out;
}

/** variant_of: a mutation whose gene (from the mutations stage) is named in the same sentence. */
function variantRelations(view: SentenceView, sentence: number): Relation[] {
  const out: Relation[] = [];
  for (const v of view.args) {
    if (v.mention.type !== 'mutation') continue;
    const nearest = variantGene(view, v);
    if (!nearest) continue;
    out.push({ subject: v.mention, predicate: 'variant_of', object: nearest.mention, sentence, rule: 'variant-gene', trigger: '', negated: false, hedged: false, confidence: scoreConfidence(0.9, Math.abs(nearest.first - v.first), false, false) });
  }
  return out;
}

/** the gene a variant lies in, when the sentence names it (the nearest mention of the variant's gene symbol) */
function variantGene(view: SentenceView, v: Arg): Arg | undefined {
  const symbol = v.mention.norm.split(':')[0];
  const genes = view.args.filter((g) => g.mention.type === 'gene' && g.mention.name === symbol);
  return genes.length ? genes.reduce((a, b) => (Math.abs(b.first - v.first) < Math.abs(a.first - v.first) ? b : a)) : undefined;
}

/** what may follow "activating" when it describes a variant rather than acting on an object */
const ACTIVATING_AFTER = new Set(['mutation', 'mutations', 'variant', 'variants', 'alteration', 'alterations', 'substitution', 'substitutions', 'insertion', 'insertions', '.', ',', ';', ')', '[', '(', 'in', 'and', 'or', 'both']);

/** token index of an "activating" / "gain-of-function" cue describing variants in [from, to), or -1 */
function activatingCue(view: SentenceView, from: number, to: number, gene?: Arg): number {
  const w = view.words;
  for (let i = Math.max(0, from); i < Math.min(to, w.length); i++) {
    const next = view.argAt[i + 1];
    if (w[i] === 'activating' && (i + 1 >= w.length || (ACTIVATING_AFTER.has(w[i + 1]) && next < 0) || (gene && next >= 0 && view.args[next].mention.norm === gene.mention.norm))) return i;
    if (w[i] === 'gain' && w[i + 1] === 'of' && w[i + 2] === 'function') return i;
  }
  return -1;
}

/** the rule below: id, prior and examples (run as tests with the rule table's) */
export const VARIANT_ACTIVATING = {
  id: 'variant-activating',
  reliability: 0.8,
  description: 'a variant called activating (or gain-of-function) activates the gene it lies in: "HER2 V777L is an activating mutation"',
  examples: [
    { sentence: 'ERBB2 V777L is an activating mutation.', expect: 'V777L activates ERBB2' },
    { sentence: 'Of 13 ERBB2 mutations, 7 (G309A in the extracellular domain and D769H and V777L in the kinase domain) were found to be activating.', expect: 'G309A activates ERBB2' },
    { sentence: 'The activating ERBB2 mutation V777L was found.', expect: 'V777L activates ERBB2' },
    // null: this rule gives nothing (the verb rules may)
    { sentence: 'ERBB2 V777L was found in a tumour activating EGFR.', expect: null },
    { sentence: 'ERBB2 V777L was found in cells with activating KRAS mutations.', expect: null },
  ],
};

/**
 * variant-activating: each variant whose gene the sentence names, followed in its clause by
 * "activating" (no other entity between, but for more variants and their own gene) or preceded by
 * "activating (gene) mutation(s) (such as)".
 */
function activatingVariants(text: string, view: SentenceView, sentence: number, hedged: boolean): Relation[] {
  const out: Relation[] = [];
  for (const v of view.args) {
    if (v.mention.type !== 'mutation') continue;
    const gene = variantGene(view, v);
    if (!gene) continue;
    // the nearest other entity after the variant that is neither a variant nor its gene ends the search
    let end = Math.min(view.words.length, v.last + 40);
    for (let i = v.last + 1; i < end; i++) {
      const k = view.argAt[i];
      if (k >= 0 && view.args[k].mention.type !== 'mutation' && view.args[k].mention.norm !== gene.mention.norm) { end = i; break; }
      if (view.words[i] === ';') { end = i; break; }
    }
    let cue = activatingCue(view, v.last + 1, end);
    if (cue < 0) {
      // "activating (HER2) mutations (such as) V777L": a few words before, only the variant's own gene between
      const before = activatingCue(view, Math.max(0, v.first - 5), v.first, gene);
      if (before >= 0 && view.words.slice(before + 1, v.first).every((x, j) => ACTIVATING_AFTER.has(x) || x === 'such' || x === 'as' || x === '(' || x === 'the' || view.argAt[before + 1 + j] === view.argAt[gene.first])) cue = before;
    }
    if (cue < 0) continue;
    const window = view.words.slice(Math.max(0, Math.min(cue, v.first) - 4), Math.max(cue, v.last) + 1);
    const negated = hasCue(window, NEGATION_CUES);
    out.push({ subject: v.mention, predicate: 'activates', object: gene.mention, sentence, rule: VARIANT_ACTIVATING.id, trigger: text.slice(view.starts[cue], view.ends[cue]), negated, hedged, confidence: scoreConfidence(VARIANT_ACTIVATING.reliability, Math.abs(cue - v.last), negated, hedged) });
  }
  return out;
}

/**
 * Drug classes as arguments ("p95HER2 confers resistance to HER2 inhibitors"): the rules run again
 * on the sentence with each class standing for the mentions it spans ("HER2" inside "HER2
 * inhibitors"), and only triples with a class argument are kept; the first pass, which reads "the
 * HER2 inhibitor lapatinib" through the inner gene, gives the rest. Rules only: the model was
 * trained on single chemicals. A class's own targets stay on its entity (`targets`), never a triple
 * of their own ("CDK4/6 inhibitors" alone states no relation); a sentence that says "CDK4/6
 * inhibitors inhibit CDK4" gives that triple like any other.
 */
export function classRelations(text: string, sentence: Sentence, mentions: Mention[], classes: Mention[]): Relation[] {
  const free = mentions.filter((m) => !classes.some((c) => m.start < c.end && c.start < m.end));
  // "Lapatinib is a small tyrosine kinase inhibitor (TKI) that targets HER2": a class that describes a drug is no agent of its own
  const agents = classes.filter((c) => !describesDrug(text, c, free));
  const ms = [...free, ...agents].sort((a, b) => a.start - b.start || b.end - a.end);
  if (ms.length < 2 || !agents.length) return [];
  return relateSentence(text, sentence, ms, RULES).filter((r) => (r.subject.type === 'drug_class' || r.object.type === 'drug_class') && !raisesOwnTarget(r));
}

/** "X, a monoclonal antibody", "X is an irreversible pan-HER TKI", "X (a TKI": a drug right before the class names it */
function describesDrug(text: string, c: Mention, mentions: Mention[]): boolean {
  const drug = mentions.filter((m) => m.end <= c.start && (m.type === 'drug' || m.type === 'chemical')).pop();
  if (!drug) return false;
  const between = text.slice(drug.end, c.start).toLowerCase();
  return /^\s*(\(|,|is|was|are|were|as)\s.*\b(a|an|the)\b|^\s*\(\s*$/.test(between) && between.split(/\s+/).filter(Boolean).length <= 8 && !/[;.]/.test(between);
}

/** a class of agents against a gene does not activate or raise that gene (a reading error, not a finding) */
const raisesOwnTarget = (r: Relation): boolean =>
  (r.predicate === 'activates' || r.predicate === 'upregulates') && r.subject.type === 'drug_class' && !!r.subject.targets?.includes(r.object.norm);

const bySentenceIndex = (mentions: Mention[]): Map<number, Mention[]> => {
  const out = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = out.get(m.sentence);
    if (list) list.push(m);
    else out.set(m.sentence, [m]);
  }
  return out;
};

/** `classes`: the document's drug-class mentions (tagDrugClasses), which the rules may take as agents */
export function relateDocument(text: string, sentences: Sentence[], mentions: Mention[], classifier?: RelationClassifier, classes: Mention[] = []): Relation[] {
  const bySentence = bySentenceIndex(mentions);
  const classesBySentence = bySentenceIndex(classes);
  const out: Relation[] = [];
  for (const s of sentences) {
    if (s.skip) continue;
    const ms = bySentence.get(s.index) ?? [];
    if (ms.length > 1) out.push(...relateSentence(text, s, ms, RULES, classifier));
    const cs = classesBySentence.get(s.index);
    if (cs) out.push(...classRelations(text, s, ms, cs));
  }
  return out;
}
