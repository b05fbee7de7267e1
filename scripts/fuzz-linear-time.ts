/**
 * Hunts super-linear time in processDocument (dev tool). Samples units from the linear-time
 * test's generator and wider ones (cuts of real text from the seed corpus and ../shared/eval
 * abstracts, unicode, long tokens without white space, brackets, lists, numbers, Greek,
 * citations, URLs, tab tables, Markdown, gene-like symbols and name words for the learned gene
 * tagger, chemicals, genes and triggers for the relation context features), repeats each to n and FACTOR x n characters, and
 * times processDocument (real lexicon, committed model) in CPU milliseconds. Units whose ratio
 * passes --suspect are timed again (medians of 3) at n, 4n and 8n: a quadratic path doubles its
 * ratio from 4n to 8n, noise does not. Prints the worst units, reproducible by --seed, and the
 * costliest per character (a loop quadratic inside a capped sentence is linear, but slow).
 *   nice -n 10 npx tsx scripts/fuzz-linear-time.ts [--units 500] [--seed S] [--n 16000]
 *     [--family real] [--minutes 10] [--suspect 6] [--top 15]
 *   nice -n 10 npx tsx scripts/fuzz-linear-time.ts --unit '"mTOR."' [--sizes 16000,64000,256000]
 *     (one unit, a JSON string: median CPU ms of 3 at each size)
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processDocument } from '../src/pipeline.js';
import type { SourceDocument } from '../src/ingest/document.js';
import { defaultLexicon } from '../src/tag/dictionary.js';
import { defaultClassifier } from '../src/relate/classifier/load.js';
import { wideUnits } from '../test/helpers/adversarial-units.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const UNITS = Number(arg('--units', '500'));
const SEED = Number(arg('--seed', String(Date.now() % 1_000_000)));
const N = Number(arg('--n', '16000'));
const FAMILY = arg('--family', '');
const MINUTES = Number(arg('--minutes', '10'));
const SUSPECT = Number(arg('--suspect', '6'));
const TOP = Number(arg('--top', '15'));
const FACTOR = 4;
/** as the test: below this many CPU milliseconds at n, jitter dominates */
const FLOOR_MS = 40;
/** a unit is also a suspect when its raw ratio passes --suspect and 4n takes at least this long (a quadratic path with a small constant, under the test's floor) */
const RAW_MIN_MS = 25;
/** eval abstracts read per PubTator file (a cut needs variety, not volume) */
const ABSTRACTS_PER_FILE = 300;

/** the seed corpus and title+abstract of PubTator files under ../shared/eval (absent: the corpus only) */
function realTexts(): string[] {
  const corpus = readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(ROOT, 'corpus', f), 'utf8'));
  const evalDir = path.join(ROOT, '..', 'shared', 'eval');
  if (!existsSync(evalDir)) return corpus;
  const files = readdirSync(evalDir, { recursive: true, encoding: 'utf8' }).filter((f) => /pubtator/i.test(f)).map((f) => path.join(evalDir, f));
  const abstracts = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => /^\d+\|[ta]\|/.test(l)).map((l) => l.replace(/^\d+\|[ta]\|/, '')).slice(0, ABSTRACTS_PER_FILE * 2));
  return [...corpus, ...abstracts];
}

const lexicon = defaultLexicon();
const classifier = defaultClassifier();
const sized = (u: string, n: number) => u.repeat(Math.ceil(n / u.length)).slice(0, n);

function cpuMs(text: string): number {
  const doc: SourceDocument = { id: 'fuzz', source: 'fuzz.txt', format: 'text', text, sha256: createHash('sha256').update(text).digest('hex') };
  const before = process.cpuUsage();
  processDocument(doc, lexicon, { classifier });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianMs = (text: string, reps: number) => median(Array.from({ length: reps }, () => cpuMs(text)));

interface Finding { family: string; unit: string; small: number; large: number; ratio: number; raw: number; at8?: number; growth8?: number }

const ONE = arg('--unit', '');
if (ONE) {
  const u = JSON.parse(ONE) as string;
  cpuMs(sized(u, N)); // warm
  for (const n of arg('--sizes', '16000,64000,128000,256000').split(',').map(Number)) console.log(`${n} chars: ${medianMs(sized(u, n), 3).toFixed(0)} ms`);
  process.exit(0);
}

const families = wideUnits(realTexts());
const chosen = FAMILY ? { [FAMILY]: families[FAMILY] } : families;
if (FAMILY && !families[FAMILY]) throw new Error(`unknown --family ${FAMILY}; one of ${Object.keys(families).join(', ')}`);
const names = Object.keys(chosen);
const sampled = fc.sample(fc.tuple(fc.constantFrom(...names), fc.nat()), { seed: SEED, numRuns: UNITS })
  .map(([family], i) => ({ family, unit: fc.sample(chosen[family], { seed: SEED + i, numRuns: 1 })[0] }))
  .filter(({ unit }) => unit.trim().length > 0);

console.log(`seed ${SEED}: ${sampled.length} units from ${names.length} families, n = ${N}, ratio at ${FACTOR}n (floor ${FLOOR_MS} ms), suspects above ${SUSPECT} re-timed at 8n`);
const deadline = Date.now() + MINUTES * 60_000;
const findings: Finding[] = [];
const thrown: string[] = [];
let done = 0;
for (const { family, unit } of sampled) {
  if (Date.now() > deadline) break;
  const a = sized(unit, N), b = sized(unit, N * FACTOR);
  try {
    cpuMs(a); // warm the paths this unit takes
  } catch (e) {
    // a stage that throws fails the whole document: a finding of its own
    thrown.push(`[${family}] ${JSON.stringify(unit)}: ${(e as Error).message}`);
    console.log(`  THROWS ${thrown.at(-1)}`);
    continue;
  }
  const small = cpuMs(a), large = cpuMs(b);
  const f: Finding = { family, unit, small, large, ratio: large / Math.max(small, FLOOR_MS), raw: large / Math.max(small, 1) };
  if (f.ratio > SUSPECT || (f.raw > SUSPECT && large >= RAW_MIN_MS)) {
    f.small = medianMs(a, 3); f.large = medianMs(b, 3);
    f.ratio = f.large / Math.max(f.small, FLOOR_MS); f.raw = f.large / Math.max(f.small, 1);
    if (f.large < 20_000) { f.at8 = medianMs(sized(unit, N * 8), 3); f.growth8 = f.at8 / Math.max(f.large, FLOOR_MS); }
    console.log(`  suspect [${family}] ${JSON.stringify(unit)}: ${f.small.toFixed(0)} / ${f.large.toFixed(0)} / ${f.at8?.toFixed(0) ?? '-'} ms at n / 4n / 8n, ratio ${f.ratio.toFixed(1)} (raw ${f.raw.toFixed(1)}), 8n/4n ${f.growth8?.toFixed(2) ?? '-'}`);
  }
  findings.push(f);
  if (++done % 100 === 0) console.log(`  ${done} units, worst ratio so far ${Math.max(...findings.map((x) => x.ratio)).toFixed(1)}`);
}

findings.sort((x, y) => y.ratio - x.ratio);
console.log(`\n${done} units timed (seed ${SEED}); worst ${TOP} ratios as the test takes them (4n vs max(n, ${FLOOR_MS} ms); raw 4n vs n; 8n vs 4n where re-timed; linear is 4 and 2, quadratic 16 and 4):`);
for (const f of findings.slice(0, TOP)) {
  console.log(`${f.ratio.toFixed(2).padStart(6)} ${f.raw.toFixed(1).padStart(5)}  ${f.growth8 === undefined ? '     ' : f.growth8.toFixed(2).padStart(5)}  ${f.small.toFixed(0).padStart(5)} ms ${f.large.toFixed(0).padStart(6)} ms  [${f.family}] ${JSON.stringify(f.unit)}`);
}
const perFamily = names.map((n) => { const fs = findings.filter((f) => f.family === n); return `${n} ${fs.length} (worst ${fs.length ? fs[0].ratio.toFixed(1) : '-'})`; });
const rawWorst = [...findings].filter((f) => f.large >= RAW_MIN_MS).sort((x, y) => y.raw - x.raw).slice(0, 5);
console.log(`worst raw ratios (4n at least ${RAW_MIN_MS} ms): ${rawWorst.map((f) => `${f.raw.toFixed(1)} [${f.family}] ${JSON.stringify(f.unit)}`).join('; ')}`);
console.log(`per family: ${perFamily.join('; ')}`);
console.log(`units on which processDocument threw: ${thrown.length ? thrown.join('; ') : 'none'}`);
// linear but costly: a path quadratic within a sentence is linear in the document once sentences are capped (4,000 characters), so its cost shows per character
const costly = [...findings].sort((x, y) => y.large - x.large).slice(0, 5);
console.log(`highest cost per character at ${FACTOR}n (µs; a 10,000,000-character document takes about this many seconds): ${costly.map((f) => `${((f.large * 1000) / (N * FACTOR)).toFixed(1)} [${f.family}] ${JSON.stringify(f.unit)}`).join('; ')}`);
