/**
 * `npm run eval:drugprot`: the relation model against DrugProt (BioCreative VII), never on
 * abstracts it trained on. The evaluation model is trained here by the shipped model's recipe on
 * training-partial only (its fit part; tuned on its held-out part; trained again on all of it), then scored on the 750
 * development abstracts: with the corpus's own entities (`--entities given`) and end to end
 * (the tagger's entities), per class and micro over the 13 DrugProt classes; every rule alone;
 * the `inhibits` precision; the reliability of the confidences and its calibration error.
 * Reads ../shared (dev only); skips cleanly when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadDrugprotSplit } from '../evaluate/corpora/drugprot-tsv.js';
import { drugprotReport } from '../evaluate/drugprot-report.js';
import { RelationClassifier } from '../relate/classifier/relation-model.js';
import { ROOT } from '../relate/classifier/load.js';
import { defaultLexicon } from '../tag/dictionary.js';
import { isTuneDocument, trainRelationModel } from '../train/relation-recipe.js';

const DRUGPROT = path.resolve(ROOT, '../shared/eval/drugprot');

function main(): number {
  if (!existsSync(path.join(DRUGPROT, 'development'))) {
    console.log(`eval:drugprot skipped: ${DRUGPROT} not found (the DrugProt corpus lives in ../shared/eval/drugprot)`);
    return 0;
  }
  const training = loadDrugprotSplit(path.join(DRUGPROT, 'training-partial'), 'training');
  const development = loadDrugprotSplit(path.join(DRUGPROT, 'development'), 'development');
  const fit = training.documents.filter((d) => !isTuneDocument(d.id));
  const tune = training.documents.filter((d) => isTuneDocument(d.id));
  const t0 = performance.now();
  const { model, report } = trainRelationModel('drugprot-eval', fit, tune);
  console.log(`evaluation model trained on ${fit.length} training-partial abstracts, tuned on ${tune.length} held out, then trained on all ${fit.length + tune.length}, in ${((performance.now() - t0) / 1000).toFixed(0)} s: ` +
    `${report.features} features, threshold P(none) < ${model.threshold}, temperature ${model.temperature}, rules deciding alone: ${model.decideAlone.join(', ') || 'none'}`);
  console.log(`scored on DrugProt development (${development.documents.length} abstracts, not trained on)\n`);
  const { lines } = drugprotReport(development.documents, defaultLexicon(), new RelationClassifier(model));
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main();
