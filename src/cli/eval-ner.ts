/**
 * `npm run eval:ner [-- --row TEXT] [--dir PATH]`: scores the tagger on the NER corpora in
 * ../shared/eval (dev/eval only), one table row per corpus part and type (src/evaluate/ner/rows.ts):
 * exact-span and overlap P/R/F1, and exact span + id where the corpus has ids. Each PubTator
 * passage runs through `processDocument` as the pipeline runs a PubTator document. Errors go to
 * output/eval/ner-errors.tsv. A row whose file is absent is listed as skipped; with no corpus at
 * all the command exits 0.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBiored } from '../evaluate/corpora/biored.ts';
import { type NerCounts, type NerError, emptyCounts, overlapFigures, scoreDocument } from '../evaluate/ner/ner-score.ts';
import { NER_ROWS, type NerRow } from '../evaluate/ner/rows.ts';
import { metrics } from '../evaluate/score.ts';
import { processDocument } from '../pipeline.ts';
import { DICTIONARY_DIR, defaultLexicon } from '../tag/dictionary.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DIR = resolve(ROOT, '../shared/eval');
const OUT = resolve(ROOT, 'output/eval/ner-errors.tsv');

/** norm → every id of the same entity (chemical-xrefs.tsv both ways, drug-xrefs.tsv MeSH) */
export function loadXrefs(dir = DICTIONARY_DIR): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => { if (!a || !b) return; for (const [x, y] of [[a, b], [b, a]]) { let s = map.get(x); if (!s) map.set(x, (s = new Set())); s.add(y); } };
  const rows = (file: string) => readFileSync(resolve(dir, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
  for (const [norm, xrefs] of rows('chemical-xrefs.tsv')) for (const x of (xrefs ?? '').split('|')) link(norm, x);
  for (const r of rows('drug-xrefs.tsv')) for (const m of (r[3] ?? '').split('|')) if (m) link(r[0], `MeSH:${m}`);
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

export function scoreRow(row: NerRow, path: string, xrefs: Map<string, string[]>, errors: NerError[]): NerCounts {
  const lexicon = defaultLexicon();
  const c = emptyCounts();
  for (const d of loadBiored(path)) {
    const res = processDocument({ id: d.pmid, source: `${row.corpus}:${row.split}`, format: 'pubtator', text: d.text, sha256: '' }, lexicon);
    const pred = res.entities.filter((e) => row.predTypes.includes(e.type))
      .map((e) => ({ start: e.start, end: e.end, text: e.text, norm: e.norm, type: e.type, ids: [e.norm, ...(xrefs.get(e.norm) ?? [])] }));
    scoreDocument(c, d, d.mentions.filter((m) => row.goldTypes.includes(m.type)), pred, errors);
  }
  return c;
}

function main(argv: string[]): number {
  const di = argv.indexOf('--dir');
  const dir = di >= 0 && argv[di + 1] ? resolve(argv[di + 1]) : DEFAULT_DIR;
  const ri = argv.indexOf('--row');
  const filter = ri >= 0 ? argv[ri + 1]?.toLowerCase() : undefined;
  const rows = NER_ROWS.filter((r) => !filter || `${r.corpus} ${r.split} ${r.type}`.toLowerCase().includes(filter));
  if (!rows.some((r) => existsSync(resolve(dir, r.file)))) {
    console.log(`eval:ner skipped: no NER corpus found under ${dir} (pass --dir PATH)`);
    return 0;
  }
  const xrefs = loadXrefs();
  const errors: (NerError & { row: string })[] = [];
  console.log('corpus     split type        |  exact P     R    F1 |  overlap P  R    F1 |  id P     R    F1 | gold   pred');
  for (const row of rows) {
    const name = `${row.corpus.padEnd(10)} ${row.split.padEnd(5)} ${row.type.padEnd(11)}`;
    const path = resolve(dir, row.file);
    if (!existsSync(path)) { console.log(`${name} | skipped: ${row.file} not found`); continue; }
    const errs: NerError[] = [];
    const c = scoreRow(row, path, xrefs, errs);
    errors.push(...errs.map((e) => ({ ...e, row: `${row.corpus}:${row.split}:${row.type}` })));
    const e = metrics(c.exact), o = overlapFigures(c), i = metrics(c.ids);
    const ids = row.ids ? `${pct(i.precision)} ${pct(i.recall)} ${pct(i.f1)}` : '    –     –     –';
    console.log(`${name} | ${pct(e.precision)} ${pct(e.recall)} ${pct(e.f1)} | ${pct(o.precision)} ${pct(o.recall)} ${pct(o.f1)} | ${ids} | ${String(c.gold).padStart(5)} ${String(c.pred).padStart(5)}${row.development ? '  (development set: in-sample)' : ''}`);
  }
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, ['row\tkind\tdoc\tstart\tend\ttext\tnote', ...errors.map((e) => [e.row, e.kind, e.doc, e.start, e.end, e.text, e.note].join('\t'))].join('\n') + '\n');
  console.log(`errors: ${OUT}`);
  return 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = main(process.argv.slice(2));
