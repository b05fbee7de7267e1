/**
 * npm run agreement [-- --markdown] [--a corpus/gold/annotators/A] [--b corpus/gold/annotators/B]
 *
 * Inter-annotator agreement: annotator B's files are converted to prediction rows and scored
 * against annotator A's with the scorer (src/evaluate/score.ts), per document and overall, per
 * entity type (strict, lenient, span) and per predicate (norm-based, with evidence). F1 is
 * symmetric, except that a null norm on the A side matches any B norm in the strict view.
 * --markdown prints the Markdown tables for corpus/gold/README.md; --out <dir> also writes
 * errors.tsv and summary.json of the comparison.
 */
import { parseArgs } from 'node:util';
import { defaultCorpusDir, formatProblem, loadGoldDir } from '../evaluate/gold.js';
import { renderAgreement, renderAgreementMarkdown, sentenceFinder, writeReport } from '../evaluate/report.js';
import { goldToPrediction, mergePredictions, score } from '../evaluate/score.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      a: { type: 'string', default: 'corpus/gold/annotators/A' },
      b: { type: 'string', default: 'corpus/gold/annotators/B' },
      corpus: { type: 'string' },
      markdown: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run agreement -- [--a dir] [--b dir] [--corpus dir] [--markdown] [--out dir]');
    return 0;
  }
  const corpusDir = values.corpus ?? (await defaultCorpusDir(values.a!));
  const a = await loadGoldDir(values.a!, corpusDir);
  const b = await loadGoldDir(values.b!, corpusDir);
  const errors = [...a.problems, ...b.problems].filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const p of errors) console.error(formatProblem(p));
    return 1;
  }
  if (!a.loaded.length || !b.loaded.length) {
    console.error(`agreement: need gold files in both ${values.a} and ${values.b}`);
    return 2;
  }
  const aDocs = new Set(a.loaded.map((l) => l.gold.doc));
  const onlyB = b.loaded.filter((l) => !aDocs.has(l.gold.doc)).map((l) => l.gold.doc);
  const texts = Object.fromEntries(a.loaded.map((l) => [l.gold.doc, l.text]));
  const result = score(
    a.loaded.map((l) => l.gold),
    mergePredictions(b.loaded.map((l) => goldToPrediction(l.gold))),
    { texts, sentenceOf: sentenceFinder(texts) },
  );
  console.log(values.markdown ? renderAgreementMarkdown(result.summary) : renderAgreement(result.summary));
  const missing = result.summary.documents.missingFromPredictions;
  if (missing.length) console.error(`agreement: documents annotated by A only: ${missing.join(', ')}`);
  if (onlyB.length) console.error(`agreement: documents annotated by B only (ignored): ${onlyB.join(', ')}`);
  if (values.out) {
    const w = await writeReport(values.out, result, { reference: values.a!, compared: values.b! });
    console.error(`wrote ${w.summary} and ${w.errors}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(2);
  },
);
