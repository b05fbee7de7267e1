/**
 * The DrugProt relation evaluation that `npm run eval:drugprot` prints and `npm run train` writes
 * into the model manifest: micro-F1 over the 13 classes with gold entities and end to end, per
 * class, the `inhibits` precision, every rule alone (precision and recall), and the reliability
 * of the confidences (bins and expected calibration error).
 */
import type { DrugprotDocument } from './corpora/drugprot.js';
import type { Lexicon } from '../tag/dictionary.js';
import { RelationClassifier } from '../relate/classifier/relation-model.js';
import { reliability, type ReliabilityBin } from '../train/calibration.js';
import { goldRelations, predictRelations, scoreRelations, type Prediction } from './drugprot-relations.js';
import { coarseClass, countsOf, matchRelations, prf, type Counts } from './corpora/drugprot.js';

export interface Figures { p: number; r: number; f1: number; tp: number; fp: number; fn: number }
export interface DrugprotFigures {
  documents: number;
  relations: number;
  /** gold entities, every decision of the model (no confidence floor) */
  allDecisions: Figures;
  /** gold entities, as shipped */
  givenEntities: Figures;
  endToEnd: Figures;
  perClassGiven: Record<string, Figures>;
  inhibitsPrecision: { given: number; endToEnd: number };
  calibration: { ece: number; bins: ReliabilityBin[] };
  rules: Record<string, Figures>;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const figures = (c: Counts): Figures => { const { p, r, f1 } = prf(c); return { p: r3(p), r: r3(r), f1: r3(f1), ...c }; };
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const row = (name: string, f: Figures) => `  ${name.padEnd(26)} P ${pct(f.p)}  R ${pct(f.r)}  F1 ${pct(f.f1)}   tp ${String(f.tp).padStart(4)}  fp ${String(f.fp).padStart(4)}  fn ${String(f.fn).padStart(4)}`;

function inhibitsPrecision(pred: Prediction[], matched: boolean[]): number {
  const idx = pred.map((p, i) => (p.predicate === 'inhibits' && p.cls === 'INHIBITOR' ? i : -1)).filter((i) => i >= 0);
  return r3(idx.filter((i) => matched[i]).length / (idx.length || 1));
}

export function drugprotReport(docs: DrugprotDocument[], lexicon: Lexicon, classifier: RelationClassifier): { figures: DrugprotFigures; lines: string[] } {
  const gold = goldRelations(docs);
  const lines: string[] = [];
  // every decision of the model (the F1-optimal threshold), then as shipped (confidence floor)
  const everything = new RelationClassifier({ ...classifier.file, minConfidence: 0 });
  const all = predictRelations(docs, lexicon, everything, 'given');
  const sAll = scoreRelations(all, gold);
  const given = predictRelations(docs, lexicon, classifier, 'given');
  const sGiven = scoreRelations(given, gold);
  const e2e = predictRelations(docs, lexicon, classifier, 'tagger');
  const sE2e = scoreRelations(e2e, gold);
  const perClassGiven: Record<string, Figures> = {};
  for (const c of [...new Set([...sGiven.perClass.keys()])].sort()) perClassGiven[c] = figures(sGiven.perClass.get(c)!);
  // every rule alone, on gold entities, without the model
  const rulesOnly = predictRelations(docs, lexicon, null, 'given');
  const rules: Record<string, Figures> = {};
  for (const rule of [...new Set(rulesOnly.map((p) => p.rule))].sort()) {
    const mine = rulesOnly.filter((p) => p.rule === rule);
    const c = scoreRelations(mine, gold).micro;
    rules[rule] = figures(c);
  }
  const rulesAll = figures(scoreRelations(rulesOnly, gold).micro);
  const cal = reliability(all.map((p, i) => ({ confidence: p.confidence, correct: sAll.matched[i] })));
  const f: DrugprotFigures = {
    documents: docs.length, relations: gold.length,
    allDecisions: figures(sAll.micro), givenEntities: figures(sGiven.micro), endToEnd: figures(sE2e.micro), perClassGiven,
    inhibitsPrecision: { given: inhibitsPrecision(given, sGiven.matched), endToEnd: inhibitsPrecision(e2e, sE2e.matched) },
    calibration: { ece: r3(cal.ece), bins: cal.bins.map((b) => ({ ...b, confidence: r3(b.confidence), precision: r3(b.precision) })) },
    rules,
  };
  lines.push(`micro-F1 over the DrugProt classes (${gold.length} gold relations in ${docs.length} abstracts):`);
  // coarse view: both sides folded (AGONIST* → ACTIVATOR, ANTAGONIST → INHIBITOR)
  const folded = all.map((p) => ({ ...p, cls: coarseClass(p.cls) }));
  const coarse = figures(countsOf(matchRelations(folded, gold, (g) => coarseClass(g.cls))));
  lines.push(row('gold entities, all decisions', f.allDecisions), row('  the same, coarse classes', coarse), row(`gold entities, confidence≥${classifier.file.minConfidence}`, f.givenEntities),
    row(`end to end, confidence≥${classifier.file.minConfidence}`, f.endToEnd), row('rules alone, gold entities', rulesAll));
  lines.push(`\nper class, gold entities, confidence≥${classifier.file.minConfidence}:`);
  for (const [c, x] of Object.entries(perClassGiven)) lines.push(row(c, x));
  lines.push('\nend to end, per class:');
  for (const c of [...sE2e.perClass.keys()].sort()) lines.push(row(c, figures(sE2e.perClass.get(c)!)));
  lines.push(`\n'inhibits' (class INHIBITOR) precision: gold entities ${pct(f.inhibitsPrecision.given)}%, end to end ${pct(f.inhibitsPrecision.endToEnd)}%`);
  lines.push('\neach rule alone (no model), gold entities: precision, and recall of all gold relations');
  for (const [rule, x] of Object.entries(rules)) lines.push(row(rule, x));
  lines.push(`\nreliability (gold entities, all decisions; confidence bin → observed precision), expected calibration error ${f.calibration.ece.toFixed(3)}:`);
  for (const b of f.calibration.bins) if (b.n) lines.push(`  ${b.from.toFixed(1)}–${b.to.toFixed(1)}  n ${String(b.n).padStart(5)}  mean confidence ${b.confidence.toFixed(3)}  precision ${b.precision.toFixed(3)}`);
  return { figures: f, lines };
}
