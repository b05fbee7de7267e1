/**
 * `npm run bench`: dictionary build time (cold) vs loading the cached snapshot, memory, and
 * per-stage throughput on the bundled corpus (repeated to a few MB), reported as MB/s and
 * ratios. Figures depend on the machine; nothing here is a pass/fail test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { normalizeText } from '../normalize/normalize.js';
import { segmentText } from '../segment/segment.js';
import { DICTIONARY_DIR, buildLexicon } from '../tag/dictionary.js';
import { cacheFile, lexiconCacheKey, writeLexiconCache } from '../tag/lexicon-cache.js';
import { tagEntities } from '../tag/tag-entities.js';
import { relateDocument } from '../relate/relate.js';
import { defaultClassifier } from '../relate/classifier/load.js';
import { processDocument } from '../pipeline.js';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 8);
const mb = (chars: number) => chars / 1e6;
const heapMb = () => process.memoryUsage().heapUsed / 1e6;

// heap figures after a full collection, so parse garbage is not counted as lexicon
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
function measure<T>(fn: () => T): { value: T; ms: number; heap: number } {
  gc();
  const before = heapMb();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  gc();
  return { value, ms, heap: heapMb() - before };
}

// child mode: load from the cache dir in a fresh process, as a real start would, and report
if (process.env.BENCH_LEXICON_CACHE_DIR) {
  const load = measure(() => buildLexicon(DICTIONARY_DIR, { cache: process.env.BENCH_LEXICON_CACHE_DIR }));
  // then the seed corpus once, as `npm run extract` would: peak RSS of a real run
  for (const f of readdirSync('corpus').filter((x) => x.endsWith('.md') && x.toLowerCase() !== 'readme.md'))
    processDocument({ id: f, source: f, format: 'markdown', text: readFileSync(path.join('corpus', f), 'utf8'), sha256: '0'.repeat(64) }, load.value);
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms: load.ms, heap: load.heap, hit: load.value.cache?.hit ?? false, rss }));
  process.exit(0);
}

const build = measure(() => buildLexicon(DICTIONARY_DIR, { cache: false }));
const lexicon = build.value;
// a temp cache dir, so the figures never depend on (or disturb) the repo's .cache/
const cacheDir = mkdtempSync(path.join(tmpdir(), 'bench-lexicon-'));
const key = lexiconCacheKey(lexicon.files);
const file = key ? cacheFile(cacheDir, key) : undefined;
const write = measure(() => (file && key ? writeLexiconCache(file, key, lexicon.automaton, lexicon.files) : false));
const snapshotMb = write.value && file ? statSync(file).size / 1e6 : NaN;
const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_LEXICON_CACHE_DIR: cacheDir }, encoding: 'utf8' });
rmSync(cacheDir, { recursive: true, force: true });
const load = JSON.parse(child.stdout.trim().split('\n').pop() || '{}') as { ms: number; heap: number; hit: boolean; rss: number };

const texts = readdirSync('corpus').filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').map((f) => readFileSync(path.join('corpus', f), 'utf8'));
const total = texts.reduce((n, x) => n + x.length, 0) * REPEAT;

function time(label: string, fn: (text: string) => unknown): number {
  const start = performance.now();
  for (let r = 0; r < REPEAT; r++) for (const text of texts) fn(text);
  const s = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(28)} ${(mb(total) / s).toFixed(2).padStart(8)} MB/s`);
  return s;
}

const { automaton } = lexicon;
console.log(`dictionary build (cold, no cache): ${build.ms.toFixed(0)} ms, ${automaton.terms} terms, ${automaton.size} trie nodes, ~${build.heap.toFixed(0)} MB heap`);
console.log(`snapshot write: ${write.value ? `${write.ms.toFixed(0)} ms, ${snapshotMb.toFixed(1)} MB` : 'failed (cache not writable)'}`);
if (load.hit) {
  console.log(`cached load (fresh process): ${load.ms.toFixed(0)} ms, ~${load.heap.toFixed(0)} MB heap; cold / cached ${(build.ms / load.ms).toFixed(1)}x`);
  console.log(`peak RSS of that process after loading and processing the seed corpus once: ${load.rss.toFixed(0)} MB`);
}
else console.log(`cached load: not measured (${child.status === 0 ? 'cache missed' : `child failed: ${child.stderr.trim().split('\n').pop()}`})`);
console.log(`input: ${texts.length} documents x ${REPEAT} = ${mb(total).toFixed(2)} MB`);
const prepared = texts.map((x) => { const n = normalizeText(x); return { n, s: segmentText(n.text) }; });
time('normalize', (x) => normalizeText(x));
time('normalize + segment', (x) => segmentText(normalizeText(x).text));
let t = performance.now();
for (let r = 0; r < REPEAT; r++) for (const p of prepared) tagEntities(p.n.text, p.s, lexicon);
const tagS = (performance.now() - t) / 1000;
console.log(`${'tag (dictionary + mutations)'.padEnd(28)} ${(mb(total) / tagS).toFixed(2).padStart(8)} MB/s`);
const tagged = prepared.map((p) => tagEntities(p.n.text, p.s, lexicon));
t = performance.now();
const classifier = defaultClassifier();
console.log(`relation model: ${classifier ? `${classifier.info.file}, loaded in ${(performance.now() - t).toFixed(0)} ms` : 'none'}`);
for (const [label, model] of [['relate (rules only)', undefined], ['relate (rules + model)', classifier ?? undefined]] as const) {
  t = performance.now();
  for (let r = 0; r < REPEAT; r++) prepared.forEach((p, i) => relateDocument(p.n.text, p.s, tagged[i], model));
  const relS = (performance.now() - t) / 1000;
  console.log(`${label.padEnd(28)} ${(mb(total) / relS).toFixed(2).padStart(8)} MB/s`);
}
const all = time('whole document (no I/O)', (x) => processDocument({ id: 'bench', source: 'bench', format: 'markdown', text: x, sha256: '0'.repeat(64) }, lexicon, { classifier }));
console.log(`ratio dictionary load / processing ${mb(total).toFixed(2)} MB: cold ${(build.ms / 1000 / all).toFixed(2)}${load.hit ? `, cached ${(load.ms / 1000 / all).toFixed(2)}` : ''}`);
console.log(`peak heap: ${heapMb().toFixed(0)} MB; peak RSS of this bench process (cold build + snapshot + ${REPEAT} passes): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
