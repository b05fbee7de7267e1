/**
 * Why a sentence gives the triples it gives, as data: its mentions, what each rule found, every
 * candidate pair the model covers with its probabilities, the features that weighed most, and
 * the decision. `npm run explain` renders it.
 */
import type { Sentence } from '../../segment/segment.js';
import type { Mention } from '../../tag/mention.js';
import { ruleRelations, relateSentence, type Relation } from '../relate.js';
import { viewSentence } from '../sentence-view.js';
import type { Contribution } from './linear-model.js';
import type { RelationClassifier } from './relation-model.js';

export interface PairExplanation {
  subject: Mention;
  object: Mention;
  rules: { rule: string; predicate: string }[];
  /** class probabilities, most probable first */
  probabilities: { label: string; p: number }[];
  decision: string;
  /** features that pushed toward the decided class (or toward none) most */
  features: Contribution[];
}

export interface SentenceExplanation {
  mentions: Mention[];
  rules: Relation[];
  pairs: PairExplanation[];
  triples: Relation[];
}

export function explainSentence(text: string, sentence: Sentence, mentions: Mention[], classifier: RelationClassifier | null): SentenceExplanation {
  const view = viewSentence(text, sentence.start, sentence.end, mentions);
  const rules = ruleRelations(text, sentence, view);
  const pairs: PairExplanation[] = [];
  if (classifier) {
    for (const c of classifier.candidates(view, rules)) {
      const d = classifier.decide(view, c);
      const { probs } = classifier.model.predict(c.features);
      const probabilities = [...probs].map((p, i) => ({ label: classifier.model.classes[i], p })).sort((a, b) => b.p - a.p);
      const decision = d.decidedBy ? `decided by rule ${d.decidedBy} alone`
        : d.predicate ? `${d.predicate} (${d.label}, confidence ${d.probability.toFixed(3)})`
        : d.best === 0 ? `no relation (P(none) ${probs[0].toFixed(3)} ≥ threshold ${classifier.file.threshold})`
        : d.probability < classifier.file.minConfidence ? `no triple (${d.label} at confidence ${d.probability.toFixed(3)}, below ${classifier.file.minConfidence})`
        : `no triple (${d.label} does not fit the argument types)`;
      const cls = d.best > 0 ? d.best : 0;
      pairs.push({ subject: c.x.mention, object: c.y.mention, rules: c.votes.map((v) => ({ rule: v.rule, predicate: v.predicate })), probabilities, decision, features: classifier.model.explain(c.features, cls) });
    }
  }
  const triples = relateSentence(text, sentence, mentions, undefined, classifier ?? undefined);
  return { mentions, rules, pairs, triples };
}
