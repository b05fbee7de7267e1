/**
 * Cross-validation of the learned gene tagger on its training corpora (dev tool; reads ../shared,
 * skips cleanly without it): `npx tsx scripts/gene-span-cv.ts [--folds 3] [--tag NAME] [--reuse] [--errors FILE]`. For each fold k,
 * trains a model without fold k (`train:genes -- --fold k/n`), then runs the whole pipeline with that
 * model on fold k of DrugProt training-partial, BioRED Train, GNormPlus Train and NLM-Gene Train and
 * scores gene spans as eval:ner does (exact and span+id, summed over folds; macro F1 over the first three). Choices of features, training data and merge rules are made on
 * these figures, never on the held-out rows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROWS, scoreRow } from '../src/cli/eval-ner.ts';
import { f1, precision, prf, recall, type NerScore, type Prf } from '../src/evaluate/ner-score.ts';
import { processDocument } from '../src/pipeline.ts';
import { defaultLexicon } from '../src/tag/dictionary.ts';
import { Perceptron } from '../src/tag/learned/perceptron.ts';
import { useGeneModelForEvaluation } from '../src/tag/learned/gene-tagger.ts';
import { HELD_OUT, foldOf, pmidsOf } from './train-gene-tagger.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVAL = resolve(ROOT, '../shared/eval');
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : dflt; };

function add(a: Prf, b: Prf): void { a.tp += b.tp; a.fp += b.fp; a.fn += b.fn; }
const cell = (s: Prf) => `${precision(s).toFixed(3)} ${recall(s).toFixed(3)} ${f1(s).toFixed(3)}`;

function main(): number {
  if (!existsSync(EVAL)) { console.log(`gene-span-cv skipped: ${EVAL} not found`); return 0; }
  const n = Number(arg('--folds', '3'));
  const rows = ROWS.filter((r) => r.type === 'gene' && r.split.startsWith('train') && ['DrugProt', 'BioRED', 'GNormPlus', 'NLM-Gene'].includes(r.corpus));
  const heldOut = new Set(HELD_OUT.filter((f) => existsSync(resolve(EVAL, f))).flatMap((f) => [...pmidsOf(f)]));
  const lexicon = defaultLexicon();
  const total = new Map(rows.map((r) => [r.corpus, { exact: prf(), overlap: prf(), id: prf(), errors: [] } as NerScore]));
  const loaded = rows.map((r) => ({ row: r, docs: r.load(r.files.map((f) => resolve(EVAL, f))).filter((d) => !heldOut.has(d.id)) }));
  for (let k = 0; k < n; k++) {
    // --reuse: the fold models of the last run with the same --tag (when only merge rules changed, not features or training)
    const out = `/tmp/gene-span-cv-${arg('--tag', 'main')}-${k}-of-${n}.json`;
    if (!(process.argv.includes('--reuse') && existsSync(out))) execFileSync('npx', ['tsx', resolve(ROOT, 'scripts/train-gene-tagger.ts'), '--fold', `${k}/${n}`, '--out', out], { stdio: 'ignore' });
    const json = JSON.parse(readFileSync(out, 'utf8'));
    useGeneModelForEvaluation({ perceptron: Perceptron.deserialize(json), manifest: json.manifest });
    for (const { row, docs } of loaded) {
      const s = scoreRow(row, docs.filter((d) => foldOf(d.id, n) === k), (d) => processDocument({ id: d.id, source: row.corpus, format: 'pubtator', text: d.text, sha256: '' }, lexicon).entities);
      const t = total.get(row.corpus)!;
      add(t.exact, s.exact); add(t.overlap, s.overlap); add(t.id, s.id);
      t.errors.push(...s.errors.map((e) => [row.corpus, ...e]));
    }
  }
  for (const [corpus, s] of total) console.log(`${corpus.padEnd(10)} ${n}-fold  exact ${cell(s.exact)}  overlap ${cell(s.overlap)}  span+id ${s.id.tp + s.id.fn ? cell(s.id) : '–'}  (exact tp ${s.exact.tp})`);
  // --errors FILE: every error row (corpus, then eval:ner's columns)
  const ei = process.argv.indexOf('--errors');
  if (ei >= 0) writeFileSync(process.argv[ei + 1], [...total.values()].flatMap((s) => s.errors).map((e) => e.map((c) => c.replace(/[\t\n]/g, ' ')).join('\t')).join('\n') + '\n');
  const three = ['DrugProt', 'BioRED', 'GNormPlus'].map((c) => total.get(c)!);
  const macro = three.reduce((a, s) => a + f1(s.exact), 0) / three.length;
  console.log(`macro exact F1 ${macro.toFixed(4)}`);
  return 0;
}

process.exitCode = main();
