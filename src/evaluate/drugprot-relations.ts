/**
 * Chemical–gene relations of a DrugProt split as the pipeline finds them, scored against the
 * gold: with the corpus's own entities (`--entities given`) or the tagger's (end to end). A
 * triple's DrugProt class is its predicate's (model triples) or its predicate's and trigger's
 * (rule triples, `drugprotClass`). Negated triples are left out (DrugProt annotates none).
 */
import { createHash } from 'node:crypto';
import type { Lexicon } from '../tag/dictionary.js';
import { processDocument } from '../pipeline.js';
import { PREDICATE_BY_ID, drugprotClass, isAgent } from '../relate/predicates.js';
import type { RelationClassifier } from '../relate/classifier/relation-model.js';
import { drugprotEntities } from '../train/relation-examples.js';
import { countsOf, matchRelations, perClass, toGold, type Counts, type DrugprotDocument, type GoldRelation, type PredRelation } from './corpora/drugprot.js';

export interface Prediction extends PredRelation { confidence: number }

export function predictRelations(docs: DrugprotDocument[], lexicon: Lexicon, classifier: RelationClassifier | null, entities: 'given' | 'tagger'): Prediction[] {
  const out: Prediction[] = [];
  for (const d of docs) {
    const source = { id: d.id, source: 'drugprot', format: 'text' as const, text: d.text, sha256: createHash('sha256').update(d.text).digest('hex'), entities: drugprotEntities(d) };
    const r = processDocument(source, lexicon, { classifier, entities });
    for (const t of r.triples) {
      const agentSubject = isAgent(t.subject.type) && t.object.type === 'gene';
      const agentObject = isAgent(t.object.type) && t.subject.type === 'gene';
      if ((!agentSubject && !agentObject) || t.negated) continue;
      const cls = t.rule.startsWith('model:') ? PREDICATE_BY_ID.get(t.predicate)?.drugprot ?? null : drugprotClass(t.predicate, t.trigger, t.object.text);
      if (!cls) continue;
      const [drug, gene] = agentSubject ? [t.subject, t.object] : [t.object, t.subject];
      out.push({
        doc: d.id, cls, predicate: t.predicate, rule: t.rule, trigger: t.trigger, sentence: t.evidence.text, confidence: t.confidence,
        drug: { start: drug.start, end: drug.end, text: drug.text }, gene: { start: gene.start, end: gene.end, text: gene.text },
      });
    }
  }
  return out;
}

export interface RelationScores { micro: Counts; perClass: Map<string, Counts>; matched: boolean[] }

export function scoreRelations(pred: Prediction[], gold: GoldRelation[]): RelationScores {
  const m = matchRelations(pred, gold);
  return { micro: countsOf(m), perClass: perClass(pred, gold, m), matched: m.predToGold.map((g) => g >= 0) };
}

export const goldRelations = (docs: DrugprotDocument[]): GoldRelation[] => docs.flatMap(toGold);

