/**
 * npm run score [-- --pred <run dir>] [--gold <gold dir>] [--corpus <dir>] [--out <dir>]
 *               [--baseline <file>] [--tolerance 0.02] [--min-f1 <x>] [--write-baseline <file>]
 *               [--ledger curation/ledger.jsonl]
 *
 * Scores a prediction run (default output/) against the gold files of a directory (default
 * corpus/gold), prints a compact table and writes <pred>/score/errors.tsv and summary.json.
 * --baseline checks the quality floor (exit 1 when a figure fell more than --tolerance);
 * --min-f1 fails when entity strict, entity lenient or triple norm micro F1 is below x;
 * --write-baseline records this run's floor figures (corpus/gold/baseline.json).
 * When the curation ledger exists, each rule's acceptance rate from its verdicts is printed too.
 * Exit codes: 0 ok, 1 floor/threshold failed or gold invalid, 2 usage or missing input.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCorpusDir, formatProblem, loadGoldDir } from '../evaluate/gold.js';
import { loadPrediction, renderSummary, sentenceFinder, writeReport } from '../evaluate/report.js';
import { renderAcceptance, ruleAcceptance } from '../curate/acceptance.js';
import { DEFAULT_LEDGER, currentVerdicts, readLedger } from '../curate/ledger.js';
import { type Baseline, checkFloor, floorFigures, score } from '../evaluate/score.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      pred: { type: 'string', default: 'output' },
      gold: { type: 'string', default: 'corpus/gold' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      tolerance: { type: 'string', default: '0.02' },
      'min-f1': { type: 'string' },
      'write-baseline': { type: 'string' },
      ledger: { type: 'string', default: DEFAULT_LEDGER },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run score -- [--pred output] [--gold corpus/gold] [--corpus dir] [--out dir] [--baseline file] [--tolerance 0.02] [--min-f1 x] [--write-baseline file]');
    return 0;
  }
  const goldDir = values.gold!;
  const predDir = values.pred!;
  const corpusDir = values.corpus ?? (await defaultCorpusDir(goldDir));
  const { loaded, problems } = await loadGoldDir(goldDir, corpusDir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const p of errors) console.error(formatProblem(p));
    console.error(`score: ${errors.length} problem(s) in the gold; run npm run gold:check -- ${goldDir}`);
    return 1;
  }
  if (!loaded.length) {
    console.error(`score: no gold files in ${goldDir} (adjudicated gold not written yet? try --gold corpus/gold/annotators/A)`);
    return 2;
  }
  let prediction;
  try {
    prediction = await loadPrediction(predDir);
  } catch (e) {
    console.error(`score: ${(e as Error).message}`);
    return 2;
  }
  const texts = Object.fromEntries(loaded.map((l) => [l.gold.doc, l.text]));
  const result = score(
    loaded.map((l) => l.gold),
    prediction,
    { texts, sentenceOf: sentenceFinder(texts) },
  );
  const outDir = values.out ?? path.join(predDir, 'score');
  const written = await writeReport(outDir, result, { gold: goldDir, pred: predDir });
  console.log(renderSummary(result.summary, `score ${predDir} vs ${goldDir}`));
  console.log(`\nwrote ${written.summary} and ${written.errors}`);
  const ledger = readLedger(values.ledger!);
  if (ledger) console.log(`\n${renderAcceptance(ruleAcceptance(currentVerdicts(ledger.entries).values()), values.ledger!)}`);

  let status = 0;
  const tolerance = Number(values.tolerance);
  if (values.baseline) {
    const baseline = JSON.parse(await readFile(values.baseline, 'utf8')) as Baseline;
    const violations = checkFloor(result.summary, baseline, tolerance);
    for (const v of violations) console.error(`quality floor: ${v.figure} ${v.actual} is ${v.drop} below the baseline ${v.baseline} (tolerance ${tolerance})`);
    if (violations.length) status = 1;
    else console.log(`quality floor holds (baseline ${values.baseline}, tolerance ${tolerance})`);
  }
  if (values['min-f1'] !== undefined) {
    const min = Number(values['min-f1']);
    for (const [figure, value] of Object.entries(floorFigures(result.summary))) {
      if (value < min) {
        console.error(`min-f1: ${figure} ${value} < ${min}`);
        status = 1;
      }
    }
  }
  if (values['write-baseline']) {
    const baseline = {
      note: 'Micro F1 of the tool output against the adjudicated gold; test/evaluate/quality-floor.test.ts fails when a figure drops more than `tolerance` below. Regenerate with npm run score -- --write-baseline corpus/gold/baseline.json after an intended change.',
      tolerance,
      gold: goldDir,
      documents: result.summary.documents.scored,
      figures: floorFigures(result.summary),
    };
    await writeFile(values['write-baseline'], JSON.stringify(baseline, null, 2) + '\n');
    console.log(`wrote ${values['write-baseline']}`);
  }
  return status;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(2);
  },
);
