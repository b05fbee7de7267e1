/**
 * `npm run bench`: dictionary load time and memory, and per-stage throughput on the bundled
 * corpus (repeated to a few MB), reported as MB/s and ratios. Figures depend on the machine;
 * nothing here is a pass/fail test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { normalizeText } from '../normalize/normalize.js';
import { segmentText } from '../segment/segment.js';
import { buildLexicon } from '../tag/dictionary.js';
import { tagEntities } from '../tag/tag-entities.js';
import { relateDocument } from '../relate/relate.js';
import { processDocument } from '../pipeline.js';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 8);
const mb = (chars: number) => chars / 1e6;
const heapMb = () => process.memoryUsage().heapUsed / 1e6;

const before = heapMb();
let t = performance.now();
const lexicon = buildLexicon();
const loadMs = performance.now() - t;
const lexiconMb = heapMb() - before;

const texts = readdirSync('corpus').filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join('corpus', f), 'utf8'));
const total = texts.reduce((n, x) => n + x.length, 0) * REPEAT;

function time(label: string, fn: (text: string) => unknown): number {
  const start = performance.now();
  for (let r = 0; r < REPEAT; r++) for (const text of texts) fn(text);
  const s = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(28)} ${(mb(total) / s).toFixed(2).padStart(8)} MB/s`);
  return s;
}

console.log(`dictionary load: ${loadMs.toFixed(0)} ms, ${lexicon.automaton.terms} terms, ${lexicon.automaton.size} trie nodes, ~${lexiconMb.toFixed(0)} MB heap`);
console.log(`input: ${texts.length} documents x ${REPEAT} = ${mb(total).toFixed(2)} MB`);
const prepared = texts.map((x) => { const n = normalizeText(x); return { n, s: segmentText(n.text) }; });
time('normalize', (x) => normalizeText(x));
time('normalize + segment', (x) => segmentText(normalizeText(x).text));
t = performance.now();
for (let r = 0; r < REPEAT; r++) for (const p of prepared) tagEntities(p.n.text, p.s, lexicon);
const tagS = (performance.now() - t) / 1000;
console.log(`${'tag (dictionary + mutations)'.padEnd(28)} ${(mb(total) / tagS).toFixed(2).padStart(8)} MB/s`);
const tagged = prepared.map((p) => tagEntities(p.n.text, p.s, lexicon));
t = performance.now();
for (let r = 0; r < REPEAT; r++) prepared.forEach((p, i) => relateDocument(p.n.text, p.s, tagged[i]));
const relS = (performance.now() - t) / 1000;
console.log(`${'relate'.padEnd(28)} ${(mb(total) / relS).toFixed(2).padStart(8)} MB/s`);
const all = time('whole document (no I/O)', (x) => processDocument({ id: 'bench', source: 'bench', format: 'markdown', text: x, sha256: '0'.repeat(64) }, lexicon));
console.log(`ratio dictionary load / processing ${mb(total).toFixed(2)} MB: ${(loadMs / 1000 / all).toFixed(2)}`);
console.log(`peak heap: ${heapMb().toFixed(0)} MB`);
