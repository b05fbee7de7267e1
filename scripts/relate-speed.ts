/**
 * Dev tool for the segment and relate stages: their throughput (MB/s) on the seed corpus and the
 * shared abstracts (DrugProt, BioRED), and a fingerprint (sha256) of what processDocument writes
 * for them, so a speed change can show it changed nothing. Reads ../shared when present.
 *   npx tsx scripts/relate-speed.ts [--repeat N] [--only segment|relate|fingerprint] [--seed | --abstracts]
 * --abstracts: the held-out abstracts `npm run bench` measures (each once, title + separator + abstract).
 * Profile with: node --cpu-prof --import tsx scripts/relate-speed.ts --only relate
 * It first prints the CPU time of importing the extraction path (start-up before the lexicon).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

// start-up: the CPU time to import the extraction path (everything processDocument needs) and stem a first word
const startup = process.cpuUsage();
const { processDocument } = await import('../src/pipeline.js');
(await import('../src/relate/classifier/stem.js')).stem('inhibition');
const importMs = (() => { const d = process.cpuUsage(startup); return (d.user + d.system) / 1000; })();
const { normalizeText } = await import('../src/normalize/normalize.js');
const { segmentText } = await import('../src/segment/segment.js');
const { defaultLexicon } = await import('../src/tag/dictionary.js');
const { tagEntities } = await import('../src/tag/tag-entities.js');
const { relateDocument } = await import('../src/relate/relate.js');
const { defaultClassifier } = await import('../src/relate/classifier/load.js');

const argv = process.argv.slice(2);
const opt = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const repeat = Number(opt('--repeat') ?? 3);
const only = opt('--only');
const SHARED = path.resolve('../shared/eval');
/** --seed: the seed corpus only, as `npm run bench` measures it */
const seedOnly = argv.includes('--seed');
/** --abstracts: the bench's held-out abstracts only, as `npm run bench` reads them */
const benchOnly = argv.includes('--abstracts');

const texts: string[] = [];
if (benchOnly) {
  const { loadBenchText } = await import('../src/bench/abstracts.js');
  const { pubtatorText } = await import('../src/ingest/pubtator.js');
  const bench = loadBenchText(path.resolve('../shared'));
  if (bench.warning) console.log(bench.warning);
  texts.push(...bench.abstracts.map(pubtatorText));
}
if (!benchOnly) for (const f of readdirSync('corpus').filter((x) => x.endsWith('.md') && x.toLowerCase() !== 'readme.md')) texts.push(readFileSync(path.join('corpus', f), 'utf8'));
const abstracts = (file: string, parse: (l: string[]) => string | undefined) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').map((l) => parse(l.split('\t'))).filter((x): x is string => !!x) : [];
if (!seedOnly && !benchOnly) texts.push(...abstracts(path.join(SHARED, 'drugprot/development/drugprot_development_abstracs.tsv'), ([, t, a]) => (t ? `${t} ${a ?? ''}` : undefined)));
if (!seedOnly && !benchOnly) texts.push(...abstracts(path.join(SHARED, 'drugprot/training-partial/drugprot_training_abstracs.tsv'), ([, t, a]) => (t ? `${t} ${a ?? ''}` : undefined)));
for (const f of ['Train.PubTator', 'Dev.PubTator']) {
  const file = path.join(SHARED, 'biored', f);
  if (seedOnly || benchOnly || !existsSync(file)) continue;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const t = /^\d+\|t\|(.*)$/.exec(lines[i]), a = /^\d+\|a\|(.*)$/.exec(lines[i + 1]);
    if (t && a) texts.push(`${t[1]} ${a[1]}`);
  }
}
// the seed corpus is small: repeated 8 times, as the bench does
if (seedOnly) texts.push(...texts, ...texts, ...texts, ...texts, ...texts, ...texts, ...texts);
const chars = texts.reduce((n, x) => n + x.length, 0);
console.log(`importing the extraction path: ${importMs.toFixed(0)} ms CPU`);
console.log(`${texts.length} texts, ${(chars / 1e6).toFixed(2)} MB, x${repeat}`);

const lexicon = defaultLexicon();
const classifier = defaultClassifier();
const normalized = texts.map((x) => normalizeText(x).text);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function time(label: string, fn: () => void): void {
  const runs: number[] = [];
  fn(); // warm-up
  gc();
  // CPU time of this process, not wall time: the figures stay comparable on a busy machine
  for (let r = 0; r < repeat; r++) { const t = process.cpuUsage(); fn(); const d = process.cpuUsage(t); runs.push((d.user + d.system) / 1e6); }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)];
  console.log(`${label.padEnd(24)} ${(chars / 1e6 / median).toFixed(2).padStart(8)} MB per CPU-second (median of ${repeat})`);
}

if (!only || only === 'segment') time('segment', () => { for (const x of normalized) segmentText(x); });
if (!only || only === 'relate') {
  const prepared = normalized.map((x) => { const s = segmentText(x); return { x, s, m: tagEntities(x, s, lexicon) }; });
  time('relate (rules only)', () => { for (const p of prepared) relateDocument(p.x, p.s, p.m); });
  time('relate (rules + model)', () => { for (const p of prepared) relateDocument(p.x, p.s, p.m, classifier ?? undefined); });
}
if (!only || only === 'fingerprint') {
  const hash = createHash('sha256');
  for (const [i, text] of texts.entries()) {
    const r = processDocument({ id: `d${i}`, source: `d${i}`, format: 'markdown', text, sha256: '0'.repeat(64) }, lexicon, { classifier });
    hash.update(JSON.stringify([r.record, r.entities, r.triples]));
  }
  console.log(`fingerprint ${hash.digest('hex')}`);
}
