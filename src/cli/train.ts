/**
 * `npm run train [-- --out models]`: builds the relation model from ../shared/eval/drugprot
 * (dev-time only; extraction reads just the committed model). Deterministic: the same data gives
 * byte-identical files.
 *
 * Two models by one recipe (`trainRelationModel`):
 * - the evaluation model, trained on DrugProt training-partial less a held-out tune part (by PMID),
 *   tuned on that part, trained again on all of training-partial with those choices, and scored on the development set it never saw: its figures go into the
 *   manifest (`npm run eval:drugprot` prints the same);
 * - the shipped model, trained by the same recipe on training-partial's fit part plus the
 *   development set (more data), tuned on the same held-out part.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDrugprotSplit } from '../evaluate/corpora/drugprot-tsv.js';
import { drugprotReport } from '../evaluate/drugprot-report.js';
import { RelationClassifier } from '../relate/classifier/relation-model.js';
import { ROOT } from '../relate/classifier/load.js';
import { defaultLexicon } from '../tag/dictionary.js';
import { DEFAULT_SETTINGS } from '../train/logistic-regression.js';
import { isTuneDocument, trainRelationModel } from '../train/relation-recipe.js';
import { FEATURE_FAMILIES } from '../relate/classifier/features.js';
import { writeFileAtomic } from '../emit/atomic-write.js';
import { measuredWith } from '../train/measured-with.js';

const DRUGPROT = path.resolve(ROOT, '../shared/eval/drugprot');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const rel = (f: string) => path.relative(ROOT, f);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(ROOT, 'models') }, quiet: { type: 'boolean', default: false } } });
  const log = (s: string) => { if (!values.quiet) console.log(s); };
  if (!existsSync(DRUGPROT)) { console.error(`train: ${DRUGPROT} not found (training needs ../shared/eval/drugprot; extraction does not)`); return 1; }
  const training = loadDrugprotSplit(path.join(DRUGPROT, 'training-partial'), 'training');
  const development = loadDrugprotSplit(path.join(DRUGPROT, 'development'), 'development');
  const fit = training.documents.filter((d) => !isTuneDocument(d.id));
  const tune = training.documents.filter((d) => isTuneDocument(d.id));
  log(`DrugProt training-partial: ${training.documents.length} abstracts (${fit.length} fit, ${tune.length} tune); development: ${development.documents.length}`);

  const evaluation = trainRelationModel('drugprot', fit, tune);
  log(`evaluation model: ${evaluation.report.features} features, temperature ${evaluation.report.temperature}, threshold ${evaluation.report.threshold}, tune micro-F1 ${evaluation.report.tuneF1.toFixed(3)}`);
  const lexicon = defaultLexicon();
  const { figures, lines } = drugprotReport(development.documents, lexicon, new RelationClassifier(evaluation.model));
  for (const l of lines) log(l);

  const shipped = trainRelationModel('drugprot', [...fit, ...development.documents], tune);
  mkdirSync(values.out!, { recursive: true });
  const modelFile = path.join(values.out!, 'relation-drugprot.json');
  const text = JSON.stringify(shipped.model) + '\n';
  await writeFileAtomic(modelFile, text);
  const manifest = {
    model: path.basename(modelFile),
    sha256: createHash('sha256').update(text).digest('hex'),
    bytes: Buffer.byteLength(text),
    task: 'chemical/drug/drug-class → gene relation class (DrugProt classes mapped to predicates), per candidate pair in one sentence',
    training: {
      files: [...training.files, ...development.files].map((f) => ({ file: rel(f), sha256: sha256(f) })),
      shipped: `training-partial fit part (${fit.length} abstracts) + development (${development.documents.length}); tuned on the training-partial tune part (${tune.length} abstracts, PMIDs whose sha1 first byte < 38), then trained again with the tune part added`,
      evaluation: `training-partial fit part; tuned on the tune part, then trained again on all of training-partial; scored on development (never trained on)`,
      overlaps: 'DrugProt train.bioc.xml shares 53 abstracts with training-partial: it is not used here',
      examples: shipped.report.fitExamples, positives: shipped.report.fitPositives,
    },
    classes: shipped.model.classes,
    predicates: shipped.model.predicates,
    features: FEATURE_FAMILIES,
    hyperparameters: { ...DEFAULT_SETTINGS, temperature: shipped.model.temperature, threshold: shipped.model.threshold },
    decideAlone: shipped.model.decideAlone,
    rulesOnTunePart: shipped.report.rules,
    evaluation: { protocol: 'evaluation model (same recipe, without development) on DrugProt development', ...figures },
    measuredWith: await measuredWith(),
  };
  await writeFileAtomic(path.join(values.out!, 'relation-drugprot.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`\nwrote ${rel(modelFile)} (${(manifest.bytes / 1e6).toFixed(1)} MB, ${Object.keys(shipped.model.weights).length} features) and its manifest`);
  return 0;
}

main().then((c) => { process.exitCode = c; }, (e) => { console.error(`train: ${(e as Error).stack}`); process.exitCode = 2; });
