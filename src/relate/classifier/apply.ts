/**
 * Rules and model together on one sentence. On the pairs the classifier covers, it decides the
 * predicates it was trained for (the rules' findings are its features), except where a rule whose
 * measured precision beats the model's fired: that rule decides alone. Predicates no training
 * corpus covers (resistance, sensitivity, biomarker, combination, variant, association, targets)
 * stay with the rules everywhere.
 */
import type { Sentence } from '../../segment/segment.js';
import type { Mention } from '../../tag/mention.js';
import { NEGATION_CUES, hasCue } from '../cues.js';
import type { Relation } from '../relate.js';
import type { SentenceView } from '../sentence-view.js';
import { finePredicate, type RelationClassifier } from './relation-model.js';

const round = (x: number) => Math.round(x * 1000) / 1000;
const pairKey = (a: Mention, b: Mention) => `${a.start}:${a.end}:${a.type}|${b.start}:${b.end}:${b.type}`;

const predicateSets = new WeakMap<RelationClassifier, Set<string>>();
/** the predicates a classifier decides */
function predicatesOf(classifier: RelationClassifier): Set<string> {
  let set = predicateSets.get(classifier);
  if (!set) { set = new Set(Object.values(classifier.file.predicates)); predicateSets.set(classifier, set); }
  return set;
}

export function applyClassifier(text: string, sentence: Sentence, view: SentenceView, byRules: Relation[], classifier: RelationClassifier): Relation[] {
  const candidates = classifier.candidates(view, byRules);
  if (!candidates.length) return byRules;
  // "trastuzumab, an antibody targeting HER2": a pair a rule calls `targets` (DrugProt INHIBITOR too) gets no model `inhibits` beside it
  const targeted = new Set(byRules.filter((r) => r.predicate === 'targets').map((r) => pairKey(r.subject, r.object)));
  const modelPredicates = predicatesOf(classifier);
  const decidedBy = new Map<string, string | undefined>();
  const out: Relation[] = [];
  const hedged = view.hedged;
  // the rules' findings are looked up by pair below; a sentence where no rule fired needs no keys
  const keyed = byRules.length > 0;
  for (const c of candidates) {
    const d = classifier.decide(view, c);
    if (keyed) {
      decidedBy.set(pairKey(c.x.mention, c.y.mention), d.decidedBy);
      decidedBy.set(pairKey(c.y.mention, c.x.mention), d.decidedBy);
    }
    if (!d.predicate || (d.predicate === 'inhibits' && targeted.size > 0 && targeted.has(pairKey(c.x.mention, c.y.mention)))) continue;
    const window = view.words.slice(Math.max(0, c.a.first - 4), c.b.last + 1);
    const negated = hasCue(window, NEGATION_CUES);
    const trigger = d.trigger ? text.slice(view.starts[d.trigger[0]], view.ends[d.trigger[1]]) : '';
    out.push({ subject: c.x.mention, predicate: d.predicate, object: c.y.mention, sentence: sentence.index, rule: `model:${classifier.name}`, trigger, negated, hedged, confidence: round(d.probability) });
  }
  const precision = classifier.file.rulePrecision;
  for (const r of byRules) {
    const key = pairKey(r.subject, r.object);
    if (!decidedBy.has(key) || !modelPredicates.has(r.predicate)) { out.push(r); continue; }
    // a rule that decides alone keeps its triple, as fine as its trigger says, with its measured precision as confidence
    if (decidedBy.get(key) === r.rule) out.push({ ...r, predicate: finePredicate(r), confidence: round(precision[r.rule] ?? r.confidence) });
  }
  return out;
}
