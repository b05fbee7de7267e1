/**
 * relate: sentences + mentions → relations (normalized coordinates; the pipeline maps them to
 * the original). Every pair of coordination groups in a sentence is offered to the rule table;
 * the first rule that fires wins for that pair, and its hit expands to all group members.
 */
import type { Sentence } from '../segment/segment.js';
import type { Mention } from '../tag/mention.js';
import { HEDGE_CUES, NEGATION_CUES, findCue } from './cues.js';
import { allowedArguments } from './predicates.js';
import { RULES, type PairContext, type RelationRule } from './rules.js';
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

function groups(view: SentenceView): Arg[][] {
  const seen = new Set<number>();
  const out: Arg[][] = [];
  for (const a of view.args) if (!seen.has(a.group)) { seen.add(a.group); out.push(groupOf(view, a)); }
  return out;
}

export function relateSentence(text: string, sentence: Sentence, mentions: Mention[], rules: RelationRule[] = RULES): Relation[] {
  const view = viewSentence(text, sentence.start, sentence.end, mentions);
  const out: Relation[] = [];
  const gs = groups(view);
  for (let i = 0; i < gs.length; i++) {
    for (let j = i + 1; j < gs.length; j++) {
      const left = gs[i], right = gs[j];
      const from = left[left.length - 1].last + 1, to = right[0].first;
      if (to < from) continue;
      // an entity between the two groups belongs to a nearer pair
      if (view.argAt.subarray(from, to).some((k) => k >= 0)) continue;
      const ctx: PairContext = { view, left, right, from, to, between: view.words.slice(from, to) };
      for (const rule of rules) {
        const hit = rule.apply(ctx);
        if (!hit) continue;
        const [subs, objs] = hit.subject === 'left' ? [left, right] : [right, left];
        const window = view.words.slice(Math.max(0, Math.min(from, hit.trigger[0]) - 4), Math.max(to, hit.trigger[1] + 1));
        const negated = !!findCue(window, NEGATION_CUES);
        const hedged = !!findCue(view.words, HEDGE_CUES);
        const trigger = text.slice(view.tokens[hit.trigger[0]].start, view.tokens[hit.trigger[1]].end);
        for (const s of subs) for (const o of objs) {
          if (s.mention.norm === o.mention.norm || !allowedArguments(hit.predicate, s.mention.type, o.mention.type)) continue;
          out.push({ subject: s.mention, predicate: hit.predicate, object: o.mention, sentence: sentence.index, rule: rule.id, trigger, negated, hedged, confidence: scoreConfidence(rule.reliability, to - from, negated, hedged) });
        }
        break;
      }
    }
  }
  out.push(...variantRelations(view, sentence.index));
  return out;
}

/** variant_of: a mutation whose gene (from the mutations stage) is named in the same sentence. */
function variantRelations(view: SentenceView, sentence: number): Relation[] {
  const out: Relation[] = [];
  for (const v of view.args) {
    if (v.mention.type !== 'mutation') continue;
    const symbol = v.mention.norm.split(':')[0];
    const genes = view.args.filter((g) => g.mention.type === 'gene' && g.mention.name === symbol);
    if (!genes.length) continue;
    const nearest = genes.reduce((a, b) => (Math.abs(b.first - v.first) < Math.abs(a.first - v.first) ? b : a));
    out.push({ subject: v.mention, predicate: 'variant_of', object: nearest.mention, sentence, rule: 'variant-gene', trigger: '', negated: false, hedged: false, confidence: scoreConfidence(0.9, Math.abs(nearest.first - v.first), false, false) });
  }
  return out;
}

export function relateDocument(text: string, sentences: Sentence[], mentions: Mention[]): Relation[] {
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const out: Relation[] = [];
  for (const s of sentences) {
    const ms = bySentence.get(s.index);
    if (!s.skip && ms && ms.length > 1) out.push(...relateSentence(text, s, ms));
  }
  return out;
}
