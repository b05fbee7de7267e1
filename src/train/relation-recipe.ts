/**
 * The relation model's recipe, one function from corpus documents to a model file: train the
 * linear model on the `fit` documents, then on the held-out `tune` documents fit the temperature,
 * choose the decision threshold (best micro-F1), and measure every rule against the model on the
 * pairs it fires on (a rule more precise than the model there decides alone); last, train again on
 * fit + tune with those choices kept (the written weights).
 */
import { createHash } from 'node:crypto';
import type { DrugprotDocument } from '../evaluate/corpora/drugprot.js';
import { LinearModel } from '../relate/classifier/linear-model.js';
import type { RelationModelFile } from '../relate/classifier/relation-model.js';
import { PREDICATE_BY_ID } from '../relate/predicates.js';
import { fitPlatt, fitTemperature } from './calibration.js';
import { DEFAULT_SETTINGS, trainLogisticRegression, type TrainSettings } from './logistic-regression.js';
import { documentExamples, type Example } from './relation-examples.js';

/** what the DrugProt model decides: any agent with any gene or gene family */
export const DRUGPROT_COVERS: RelationModelFile['covers'] = { x: ['drug', 'chemical', 'drug_class'], y: ['gene'] };

/** DrugProt class → predicate (subject the chemical, object the gene) */
export const DRUGPROT_PREDICATES: Record<string, string> = {
  INHIBITOR: 'inhibits', ACTIVATOR: 'activates', ANTAGONIST: 'antagonist_of', AGONIST: 'agonist_of',
  'DIRECT-REGULATOR': 'binds', 'INDIRECT-UPREGULATOR': 'upregulates', 'INDIRECT-DOWNREGULATOR': 'downregulates',
  SUBSTRATE: 'substrate_of', 'PRODUCT-OF': 'product_of', 'PART-OF': 'part_of',
};

/** the shipped model asserts a triple only when it is more likely right than wrong */
export const MIN_CONFIDENCE = 0.5;

/** a rule decides alone only with this many firings on held-out pairs to measure it by */
export const MIN_RULE_FIRINGS = 5;

/** the held-out share of a training corpus, by PMID (a stable hash, so the split never moves) */
export function isTuneDocument(pmid: string, share = 0.15): boolean {
  return createHash('sha1').update(pmid).digest()[0] < Math.round(256 * share);
}

export interface RuleMeasure { rule: string; firings: number; rulePrecision: number; modelPrecision: number; decidesAlone: boolean }

export interface RecipeReport {
  fitDocuments: number;
  tuneDocuments: number;
  fitExamples: number;
  fitPositives: number;
  /** gold pairs not seen as candidates (entities in different sentences of our segmentation, etc.) */
  lostPairs: number;
  goldPairs: number;
  features: number;
  temperature: number;
  threshold: number;
  tuneF1: number;
  rules: RuleMeasure[];
}

export function examplesOf(docs: DrugprotDocument[]): { examples: Example[]; goldPairs: number; lostPairs: number } {
  const examples: Example[] = [];
  let goldPairs = 0, lostPairs = 0;
  for (const d of docs) {
    const r = documentExamples(d, DRUGPROT_COVERS);
    examples.push(...r.examples);
    goldPairs += r.goldPairs;
    lostPairs += r.lostPairs;
  }
  return { examples, goldPairs, lostPairs };
}

/** micro-F1 over the relation classes of pair decisions at a threshold on P(none) */
function pairF1(decisions: { gold: string; label: string; none: number }[], threshold: number): number {
  let tp = 0, fp = 0, fn = 0;
  for (const d of decisions) {
    const predicted = d.none < threshold ? d.label : 'none';
    if (predicted !== 'none' && predicted === d.gold) tp++;
    else {
      if (predicted !== 'none') fp++;
      if (d.gold !== 'none') fn++;
    }
  }
  return (2 * tp) / (2 * tp + fp + fn || 1);
}

export function trainRelationModel(name: string, fit: DrugprotDocument[], tune: DrugprotDocument[], settings: TrainSettings = DEFAULT_SETTINGS): { model: RelationModelFile; report: RecipeReport } {
  const train = examplesOf(fit);
  const linear = trainLogisticRegression(name, train.examples, settings);
  const held = examplesOf(tune);
  const lm = new LinearModel(linear);
  const temperature = fitTemperature(lm, held.examples);
  const calibrated = new LinearModel({ ...linear, temperature });
  const decisions = held.examples.map((e) => {
    const { probs } = calibrated.predict(e.features);
    let best = 1;
    for (let k = 2; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
    return { gold: e.label, label: calibrated.classes[best], none: probs[0], p: probs[best], votes: e.votes };
  });
  let threshold = 0.5, tuneF1 = -1;
  for (let t = 0.3; t <= 0.9001; t += 0.05) {
    const T = Math.round(t * 100) / 100;
    const f = pairF1(decisions, T);
    if (f > tuneF1 + 1e-9) { tuneF1 = f; threshold = T; }
  }
  // P(best class) → P(right), on the held-out decisions that make triples
  const calibration = fitPlatt(decisions.filter((d) => d.none < threshold).map((d) => ({ p: d.p, correct: d.label === d.gold })));
  // every rule against the model on the pairs it fires on
  const modelClasses = new Set(Object.keys(DRUGPROT_PREDICATES));
  const byRule = new Map<string, { n: number; ruleOk: number; modelN: number; modelOk: number }>();
  for (const d of decisions) for (const v of d.votes) {
    const cls = PREDICATE_BY_ID.get(v.predicate)?.drugprot;
    if (!cls || !modelClasses.has(cls) || !v.forward) continue;
    const m = byRule.get(v.rule) ?? { n: 0, ruleOk: 0, modelN: 0, modelOk: 0 };
    m.n++;
    if (cls === d.gold) m.ruleOk++;
    if (d.none < threshold) { m.modelN++; if (d.label === d.gold) m.modelOk++; }
    byRule.set(v.rule, m);
  }
  const rules: RuleMeasure[] = [...byRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, m]) => {
    const rulePrecision = m.ruleOk / m.n, modelPrecision = m.modelN ? m.modelOk / m.modelN : 0;
    return { rule, firings: m.n, rulePrecision, modelPrecision, decidesAlone: m.n >= MIN_RULE_FIRINGS && rulePrecision > modelPrecision };
  });
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  // refit on fit + tune with what the tune part chose (threshold, temperature, calibration, rules):
  // the held-out abstracts are 15% more data once they have served
  const final = trainLogisticRegression(name, [...train.examples, ...held.examples], settings);
  const model: RelationModelFile = {
    ...final, temperature, covers: DRUGPROT_COVERS, predicates: DRUGPROT_PREDICATES, threshold, calibration, minConfidence: MIN_CONFIDENCE,
    decideAlone: rules.filter((r) => r.decidesAlone).map((r) => r.rule),
    rulePrecision: Object.fromEntries(rules.map((r) => [r.rule, r3(r.rulePrecision)])),
  };
  return {
    model,
    report: {
      fitDocuments: fit.length, tuneDocuments: tune.length, fitExamples: train.examples.length,
      fitPositives: train.examples.filter((e) => e.label !== 'none').length,
      goldPairs: train.goldPairs, lostPairs: train.lostPairs, features: Object.keys(final.weights).length,
      temperature, threshold, tuneF1, rules,
    },
  };
}
