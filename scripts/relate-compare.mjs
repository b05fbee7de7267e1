#!/usr/bin/env node
/**
 * The relate stage of two checkouts in one process, passes alternating:
 * `node scripts/relate-compare.mjs <checkout A> <checkout B> [passes]` (default 10; RULES_ONLY=1 for
 * the rules alone). Both relate the same mentions (tagged once by A) of the held-out abstracts that
 * `npm run bench` measures (../shared, as the bench reads it; the seed corpus without it), each with
 * its own committed model; A and B take turns pass by pass (A first in even rounds, B in odd ones),
 * after two warm-up rounds, so a drift of a shared machine hits both alike. Prints the median MB
 * per CPU-second of each and B / A, and the relate output of each hashed (sha256), which must be
 * equal for a speed change. Each checkout needs a current build (`npm run build`: its lib/).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [a, b, passArg] = process.argv.slice(2);
if (!a || !b) { console.error('usage: node scripts/relate-compare.mjs <checkout A> <checkout B> [passes]'); process.exit(64); }
const passes = Number(passArg ?? 10);
const lib = (dir, file) => import(pathToFileURL(path.resolve(dir, 'lib', file)).href);

const { loadBenchText } = await lib(a, 'bench/abstracts.js');
const { pubtatorText } = await lib(a, 'ingest/pubtator.js');
const { normalizeText } = await lib(a, 'normalize/normalize.js');
const { segmentText } = await lib(a, 'segment/segment.js');
const { defaultLexicon } = await lib(a, 'tag/dictionary.js');
const { tagEntities } = await lib(a, 'tag/tag-entities.js');
const impl = [];
for (const dir of [a, b]) impl.push({ relate: (await lib(dir, 'relate/relate.js')).relateDocument, classifier: (await lib(dir, 'relate/classifier/load.js')).defaultClassifier() ?? undefined });

const bench = loadBenchText(path.resolve('../shared'));
if (bench.warning) console.log(bench.warning);
const texts = bench.abstracts.map(pubtatorText);
const chars = texts.reduce((n, x) => n + x.length, 0);
const lexicon = defaultLexicon();
const docs = texts.map((t) => { const x = normalizeText(t).text; const s = segmentText(x); return { x, s, m: tagEntities(x, s, lexicon) }; });
const rulesOnly = !!process.env.RULES_ONLY;

const hashes = impl.map(({ relate, classifier }) => {
  const h = createHash('sha256');
  for (const d of docs) for (const r of relate(d.x, d.s, d.m, rulesOnly ? undefined : classifier))
    h.update(JSON.stringify([r.subject.start, r.subject.end, r.subject.norm, r.predicate, r.object.start, r.object.end, r.object.norm, r.rule, r.trigger, r.negated, r.hedged, r.confidence]));
  return h.digest('hex');
});

const runs = [[], []];
for (let round = 0; round < passes + 2; round++) for (const k of round % 2 ? [1, 0] : [0, 1]) {
  const { relate, classifier } = impl[k];
  const t = process.cpuUsage();
  for (const d of docs) relate(d.x, d.s, d.m, rulesOnly ? undefined : classifier);
  const used = process.cpuUsage(t);
  if (round >= 2) runs[k].push(chars / 1e6 / ((used.user + used.system) / 1e6));
}
const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
const [ma, mb] = runs.map(median);
console.log(`${texts.length} texts, ${(chars / 1e6).toFixed(2)} MB; relate ${rulesOnly ? 'rules only' : 'rules + model'}, median of ${passes} passes each, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log(`A ${ma.toFixed(2)}  B ${mb.toFixed(2)} MB per CPU-second  B / A ${(mb / ma).toFixed(3)}`);
console.log(`A passes ${runs[0].map((x) => x.toFixed(1)).join(' ')}\nB passes ${runs[1].map((x) => x.toFixed(1)).join(' ')}`);
console.log(`output ${hashes[0] === hashes[1] ? 'identical' : 'DIFFERS'} (sha256 A ${hashes[0].slice(0, 16)}, B ${hashes[1].slice(0, 16)})`);
