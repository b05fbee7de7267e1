/**
 * The relation model's figure on the held-out tune part of DrugProt training-partial, for
 * choosing features and settings without looking at the development set: trains on the fit part
 * by the shipped recipe, prints the tune part's pair micro-F1 (at the threshold the recipe picks
 * there; the model trained on the fit part alone) and the time taken. `--dev` also scores the development set with gold
 * entities (all decisions and the confidence floor), as eval:drugprot does, without end to end.
 * `--folds K` adds K-fold cross-validation over all of training-partial (folds by a hash of the PMID;
 * pooled pair micro-F1 at the best threshold), steadier than the tune part alone.
 * `--epochs N`, `--lr X`, `--l2 X`, `--min-count N` override the settings.
 * Dev only: reads ../shared/eval/drugprot, skips cleanly when it is absent.
 *
 *   npx tsx scripts/relation-tune.ts [--dev]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDrugprotSplit } from '../src/evaluate/corpora/drugprot-tsv.js';
import { goldRelations, predictRelations, scoreRelations } from '../src/evaluate/drugprot-relations.js';
import { prf } from '../src/evaluate/corpora/drugprot.js';
import { LinearModel } from '../src/relate/classifier/linear-model.js';
import { RelationClassifier } from '../src/relate/classifier/relation-model.js';
import { ROOT } from '../src/relate/classifier/load.js';
import { defaultLexicon } from '../src/tag/dictionary.js';
import { createHash } from 'node:crypto';
import { DEFAULT_SETTINGS, trainLogisticRegression } from '../src/train/logistic-regression.js';
import { examplesOf, isTuneDocument, trainRelationModel } from '../src/train/relation-recipe.js';

const DRUGPROT = path.resolve(ROOT, '../shared/eval/drugprot');
const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false }, folds: { type: 'string', default: '0' }, epochs: { type: 'string' }, lr: { type: 'string' }, l2: { type: 'string' }, 'min-count': { type: 'string' },
  },
});
if (!existsSync(path.join(DRUGPROT, 'training-partial'))) {
  console.log(`relation-tune skipped: ${DRUGPROT} not found`);
  process.exit(0);
}
const settings = {
  ...DEFAULT_SETTINGS,
  ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
  ...(values.lr ? { learningRate: Number(values.lr) } : {}),
  ...(values.l2 ? { l2: Number(values.l2) } : {}),
  ...(values['min-count'] ? { minCount: Number(values['min-count']) } : {}),
};
const training = loadDrugprotSplit(path.join(DRUGPROT, 'training-partial'), 'training');
const fit = training.documents.filter((d) => !isTuneDocument(d.id));
const tune = training.documents.filter((d) => isTuneDocument(d.id));
const t0 = performance.now();
const { model, report } = trainRelationModel('drugprot-tune', fit, tune, settings);
const seconds = (performance.now() - t0) / 1000;
console.log(`settings ${JSON.stringify(settings)}`);
console.log(`fit ${fit.length} abstracts, ${report.fitExamples} pairs (${report.fitPositives} positive; gold pairs ${report.goldPairs}, not candidates ${report.lostPairs}); ${report.features} features; trained and tuned in ${seconds.toFixed(0)} s`);
// the tune figure is the fit-only model's (the recipe then trains again on fit + tune)
console.log(`tune part (${tune.length} abstracts): pair micro-F1 ${report.tuneF1.toFixed(4)} at P(none) < ${report.threshold}, temperature ${report.temperature}`);
const folds = Number(values.folds);
if (folds > 1) {
  const foldOf = (pmid: string) => createHash('sha1').update(`fold:${pmid}`).digest()[0] % folds;
  const pooled: { gold: string; label: string; none: number }[] = [];
  const t1 = performance.now();
  for (let k = 0; k < folds; k++) {
    const lm = new LinearModel(trainLogisticRegression('cv', examplesOf(training.documents.filter((d) => foldOf(d.id) !== k)).examples, settings));
    for (const e of examplesOf(training.documents.filter((d) => foldOf(d.id) === k)).examples) {
      const { probs } = lm.predict(e.features);
      let best = 1;
      for (let c = 2; c < probs.length; c++) if (probs[c] > probs[best]) best = c;
      pooled.push({ gold: e.label, label: lm.classes[best], none: probs[0] });
    }
  }
  let bestF1 = 0, bestT = 0;
  for (let t = 0.3; t <= 0.9001; t += 0.05) {
    let tp = 0, fp = 0, fn = 0;
    for (const d of pooled) {
      const predicted = d.none < t ? d.label : 'none';
      if (predicted !== 'none' && predicted === d.gold) tp++;
      else { if (predicted !== 'none') fp++; if (d.gold !== 'none') fn++; }
    }
    const f = (2 * tp) / (2 * tp + fp + fn || 1);
    if (f > bestF1) { bestF1 = f; bestT = Math.round(t * 100) / 100; }
  }
  console.log(`${folds}-fold cross-validation over training-partial (${training.documents.length} abstracts): pooled pair micro-F1 ${bestF1.toFixed(4)} at P(none) < ${bestT} (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
}
if (values.dev) {
  const development = loadDrugprotSplit(path.join(DRUGPROT, 'development'), 'development');
  const gold = goldRelations(development.documents);
  const lexicon = defaultLexicon();
  for (const floor of [0, model.minConfidence]) {
    const s = scoreRelations(predictRelations(development.documents, lexicon, new RelationClassifier({ ...model, minConfidence: floor }), 'given'), gold).micro;
    const { p, r, f1 } = prf(s);
    console.log(`development, gold entities, confidence≥${floor}: P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(100 * f1).toFixed(1)}`);
  }
}
