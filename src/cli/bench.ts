/**
 * `npm run bench [-- --quick --out bench.json --reps 3]`: in one run, on the same held-out
 * abstracts, the issue 17 figures: whole-process throughput per core, per-stage MB/s, start-up,
 * peak RSS on 20 vs 200 MB, scaling from 1 to 2 workers, an unchanged re-run, and the ratio to
 * tag-only peers. Prints a table and writes bench.json. Figures depend on the machine; nothing
 * here is a pass/fail test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBenchText, readSetTexts, writeAbstractSet, type Abstract, type WrittenSet } from '../bench/abstracts.js';
import { completed, extractOptions, runExtract, type ExtractOptions, type ProcessRun } from '../bench/extract-process.js';
import { median } from '../bench/median.js';
import { ahoCorasickPeer, geneTerms, runPeer, tokenMapPeer, type PeerResult } from '../bench/peers.js';
import { extractPair, spinPairSpeedup, splitInHalves, type SpinPair } from '../bench/ceiling.js';
import { asDocuments, stageThroughput, type StageResult } from '../bench/stages.js';
import { renderBench, type Bench, type CpuSplit, type Figure } from '../bench/report.js';
import { DICTIONARY_DIR, buildLexicon } from '../tag/dictionary.js';
import { defaultClassifier } from '../relate/classifier/load.js';
import { processDocument } from '../pipeline.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tiny: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench.json' },
    reps: { type: 'string', default: '3' },
    'scaling-mb': { type: 'string', default: '48' },
    shared: { type: 'string', default: '../shared' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(`Usage: npm run bench -- [--quick] [--tiny] [--reps N] [--out bench.json]
  --quick   skip the 200 MB memory run (20 MB and the base set only)
  --tiny    small sets (0.2 MB base, 1 and 4 MB for memory): checks the bench itself, figures mean little
  --reps N  repetitions of each timed extract run, medians reported (default 3)
  --scaling-mb N  size of the 1-vs-2-workers set (default 48: each worker's fixed warm-up, its own JIT
            compiles on V8's background threads, weighs on smaller sets; see README, Benchmark)
  --out F   where bench.json is written (default: bench.json, git-ignored)
`);
  process.exit(0);
}
const reps = Math.max(1, Number(args.reps) || 3);
const MB = 1e6;
const size = args.tiny ? { base: 0.2 * MB, scaling: 1 * MB, small: 1 * MB, large: 4 * MB } : { base: 3 * MB, scaling: Math.max(1, Number(args['scaling-mb']) || 48) * MB, small: 20 * MB, large: 200 * MB };
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-text-'));
/** the bundled seed corpus (issue 15's start-up and memory line is about it) */
const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const failure = (what: string, run: ProcessRun) => `${what} failed (exit ${run.exitCode ?? run.signal}): ${run.stderr || 'no message'}`;

/** extract runs lib/ when it was built from the current sources, else src/ under tsx (start-up doubles): build first */
async function ensureBuild(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const { buildIsCurrent } = (await import(pathToFileURL(path.join(root, 'bin/freshness.mjs')).href)) as { buildIsCurrent: (root: string) => boolean };
  if (!buildIsCurrent(root)) {
    log('lib/ is older than src/: building it (npm run build)');
    execFileSync(process.execPath, [path.join(root, 'bin/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  log(`extract runs ${buildIsCurrent(root) ? 'the compiled lib/' : 'src/ under tsx (the build did not complete)'}`);
}

async function main(): Promise<Bench> {
  await ensureBuild();
  const loadAvg = os.loadavg()[0];
  const text = loadBenchText(args.shared!);
  if (text.warning) log(`warning: ${text.warning}`);
  const base = writeAbstractSet(path.join(work, 'base'), text.abstracts, size.base);
  const one = writeAbstractSet(path.join(work, 'one'), text.abstracts.slice(0, 1), 1);
  log(`text: ${text.origin}; base set ${(base.chars / MB).toFixed(2)} MB in ${base.documents} documents, ${base.files} files`);

  const has = extractOptions();
  const clean = cleanRunArgs(has);
  const oneWorker = has.workers ? ['--workers', '1'] : [];
  log(`extract options: ${Object.entries(has).map(([k, v]) => `${k} ${v ? 'yes' : 'no'}`).join(', ')}`);

  // warm-up: fills the lexicon cache and tsx's compile cache, so every timed run starts from the cache
  log('warm-up run');
  const warm = await runExtract(['--input', one.dir, ...clean()]);
  if (!completed(warm)) throw new Error(failure('warm-up extract', warm));

  // 2 and 6: one worker and two, interleaved, so a drift of the shared machine hits both alike
  const w1: ProcessRun[] = [], w2: ProcessRun[] = [];
  for (let r = 0; r < reps; r++) {
    log(`whole process, one worker, run ${r + 1}/${reps}`);
    w1.push(await checked('extract --workers 1', runExtract(['--input', base.dir, ...oneWorker, ...clean()], { stats: has.stats })));
    if (has.workers) {
      log(`whole process, two workers, run ${r + 1}/${reps}`);
      w2.push(await checked('extract --workers 2', runExtract(['--input', base.dir, '--workers', '2', ...clean()], { stats: has.stats })));
    }
  }

  // 6 again on a larger set, where the work dominates start-up and the merge
  // and, interleaved with them, what the machine gives two processes at all (ceiling.ts)
  const l1: ProcessRun[] = [], l2: ProcessRun[] = [], pairs: number[] = [], spins: SpinPair[] = [];
  const scalingSet = has.workers ? writeAbstractSet(path.join(work, 'scaling'), text.abstracts, size.scaling) : undefined;
  const halves = scalingSet && splitInHalves(scalingSet.dir, path.join(work, 'scaling-halves'));
  if (scalingSet && halves) for (let r = 0; r < reps; r++) {
    log(`scaling on ${(scalingSet.chars / MB).toFixed(0)} MB, run ${r + 1}/${reps}: one worker, two workers, two one-worker processes on halves, a CPU loop alone and twice`);
    l1.push(await checked('extract --workers 1 (scaling set)', runExtract(['--input', scalingSet.dir, '--workers', '1', ...clean()], { stats: has.stats })));
    l2.push(await checked('extract --workers 2 (scaling set)', runExtract(['--input', scalingSet.dir, '--workers', '2', ...clean()], { stats: has.stats })));
    const pair = await extractPair(halves, clean);
    for (const run of pair.runs) if (!completed(run)) throw new Error(failure('extract --workers 1 (half of the scaling set)', run));
    pairs.push(pair.wallS);
    spins.push(await spinPairSpeedup());
  }
  if (scalingSet) rmSync(scalingSet.dir, { recursive: true, force: true });
  if (halves) rmSync(path.dirname(halves[0]), { recursive: true, force: true });

  // 4: start-up to the first document, from the cache
  log('start-up runs (one document)');
  const ones: ProcessRun[] = [];
  for (let r = 0; r < reps; r++) ones.push(await checked('extract (one document)', runExtract(['--input', one.dir, ...oneWorker, ...clean()], { stats: has.stats })));

  // 4, issue 15: the seed corpus as a user runs it (default workers), start-up and peak RSS
  log('seed corpus runs');
  const seedPapers = readdirSync(SEED).filter((f) => /\.(md|txt|pdf)$/.test(f) && f.toLowerCase() !== 'readme.md').length;
  const seeds: ProcessRun[] = [];
  for (let r = 0; r < reps; r++) seeds.push(await checked('extract (seed corpus)', runExtract(['--input', SEED, ...clean()], { stats: has.stats })));

  // 7: an unchanged re-run with the result cache
  const reruns: Array<{ first: ProcessRun; second: ProcessRun }> = [];
  if (has.cache) for (let r = 0; r < reps; r++) {
    const dir = mkdtempSync(path.join(work, 'cache-'));
    log(`unchanged re-run, pair ${r + 1}/${reps}`);
    // the same command twice, as a user re-runs it: same cache, same output folder
    const out = path.join(dir, 'out');
    const first = await checked('extract (first run)', runExtract(['--input', base.dir, ...oneWorker, '--cache', dir], { out }));
    const second = await checked('extract (unchanged re-run)', runExtract(['--input', base.dir, ...oneWorker, '--cache', dir], { out }));
    reruns.push({ first, second });
    rmSync(dir, { recursive: true, force: true });
  }

  // 5: peak RSS on 20 MB and 200 MB (the default number of workers)
  const memory: Bench['memory'] = [];
  for (const [label, chars] of [['small', size.small], ['large', args.quick ? 0 : size.large]] as const) {
    if (!chars) continue;
    const set = writeAbstractSet(path.join(work, label), text.abstracts, chars);
    log(`peak RSS on ${(set.chars / MB).toFixed(0)} MB (${set.documents} documents)`);
    const run = await runExtract(['--input', set.dir, ...clean()], { stats: has.stats });
    memory.push(memoryRow(set, run));
    rmSync(set.dir, { recursive: true, force: true });
  }

  // 3 and 8, in this process: the stages and the peers on the base set's texts, read as extract reads them
  log('per-stage throughput (in-process)');
  const texts = readSetTexts(base.dir);
  const lexicon = buildLexicon(DICTIONARY_DIR);
  const classifier = defaultClassifier() ?? undefined;
  const stages = stageThroughput(asDocuments(texts), lexicon, classifier, reps);
  const oneDoc = asDocuments(readSetTexts(one.dir));
  const docMs = median(Array.from({ length: 5 }, () => { const t = performance.now(); processDocument(oneDoc[0], lexicon, { classifier }); return performance.now() - t; }));
  log('peers (in-process)');
  const terms = geneTerms();
  const peers = [runPeer(() => ahoCorasickPeer(terms), texts, reps), runPeer(() => tokenMapPeer(terms), texts, reps)];
  // the tag stage's own dictionary scan on the same texts: every dictionary and type, more terms than the peers hold
  const ownScan = runPeer(() => ({ name: 'this pipeline\'s automaton (all dictionaries)', count: (t) => lexicon.automaton.scan(t).length }), texts, reps);

  return assemble({ text, base, has, w1, w2, scaling: scalingSet && { set: scalingSet, l1, l2, pairs, spins }, ones, seeds, seedPapers, docMs, reruns, memory, stages, peers, ownScan, terms: terms.length, loadAvg });
}

/** Arguments that make a run do all its work: the result cache off (or fresh) when extract has one. */
function cleanRunArgs(has: ExtractOptions): () => string[] {
  return () => (has.noCache ? ['--no-cache'] : has.cache ? ['--cache', mkdtempSync(path.join(work, 'nocache-'))] : []);
}

async function checked(what: string, pending: Promise<ProcessRun>): Promise<ProcessRun> {
  const run = await pending;
  if (!completed(run)) throw new Error(failure(what, run));
  return run;
}

function memoryRow(set: WrittenSet, run: ProcessRun): Bench['memory'][number] {
  const written = typeof run.stats?.documents === 'number' ? run.stats.documents : undefined;
  return {
    mb: set.chars / MB, documents: set.documents, peakRssMb: run.peakRssMb, wallS: run.wallS, exitCode: run.exitCode,
    ...(written !== undefined && { written }),
    ...(!completed(run) && { failed: failure('extract', run) }),
  };
}

/** Medians over the runs of where the CPU went (--stats threadCpuS; NaN without it). */
function cpuSplit(runs: ProcessRun[]): CpuSplit {
  const threads = runs.map((r) => r.stats?.threadCpuS as { main: number; workers: number[] } | undefined);
  const workers = Math.max(0, ...threads.map((t) => t?.workers.length ?? 0));
  const mainS = median(threads.map((t) => t?.main ?? NaN));
  const workersS = Array.from({ length: workers }, (_, i) => median(threads.map((t) => t?.workers[i] ?? NaN)));
  const other = median(runs.map((r, i) => r.cpuS - (threads[i] ? threads[i]!.main + threads[i]!.workers.reduce((a, b) => a + b, 0) : NaN)));
  return { wallS: median(runs.map((r) => r.wallS)), cpuS: median(runs.map((r) => r.cpuS)), mainS, workersS, otherS: other, coresBusy: median(runs.map((r) => r.cpuS / r.wallS)) };
}

const unavailable = (reason: string): Figure<never> => ({ available: false, reason });
const statsStartup = (run: ProcessRun) => (typeof run.stats?.startupMs === 'number' ? run.stats.startupMs : undefined);

function assemble(m: {
  text: { origin: string; warning?: string; abstracts: Abstract[] }; base: WrittenSet; has: ExtractOptions;
  w1: ProcessRun[]; w2: ProcessRun[]; scaling?: { set: WrittenSet; l1: ProcessRun[]; l2: ProcessRun[]; pairs: number[]; spins: SpinPair[] }; ones: ProcessRun[]; seeds: ProcessRun[]; seedPapers: number; docMs: number; reruns: Array<{ first: ProcessRun; second: ProcessRun }>;
  memory: Bench['memory']; stages: StageResult[]; peers: PeerResult[]; ownScan: PeerResult; terms: number; loadAvg: number;
}): Bench {
  const baseMb = m.base.chars / MB;
  const fromStats = m.ones.map(statsStartup).filter((x): x is number => x !== undefined);
  const startup: Bench['startup'] = fromStats.length === m.ones.length
    ? { available: true, ms: median(fromStats), cpuS: median(m.ones.map((r) => r.cpuS)), method: 'extract --stats startupMs (process start to the first document result), median of the one-document runs' }
    : { available: true, ms: Math.max(0, median(m.ones.map((r) => r.wallS * 1000)) - m.docMs), cpuS: median(m.ones.map((r) => r.cpuS)), method: `measured from outside (extract has no --stats): wall time of a one-document run minus that document's in-process time (${m.docMs.toFixed(1)} ms); an upper bound, it includes writing a one-document dataset and exiting` };
  const startupS = startup.available ? startup.ms / 1000 : 0;
  const wall1 = median(m.w1.map((r) => r.wallS)), cpu1 = median(m.w1.map((r) => r.cpuS));
  const whole: Bench['wholeProcess'] = {
    workers: m.has.workers ? '--workers 1' : 'extract as it is (no --workers: one thread does the pipeline work)',
    runs: m.w1.length, mb: baseMb, wallS: wall1, cpuS: cpu1, startupS,
    mbPerCpuS: baseMb / cpu1, mbPerCpuSAfterStartup: baseMb / (cpu1 - (startup.available ? startup.cpuS : 0)), mbPerWallS: baseMb / wall1, mbPerWallSAfterStartup: baseMb / (wall1 - startupS), peakRssMb: median(m.w1.map((r) => r.peakRssMb)),
  };
  const fastest = [...m.peers].sort((a, b) => b.mbPerS - a.mbPerS)[0];
  const scaling: Bench['scaling'] = m.w2.length
    ? { available: true, oneWorkerWallS: wall1, twoWorkersWallS: median(m.w2.map((r) => r.wallS)), ratio: median(m.w1.map((r, i) => r.wallS / m.w2[i].wallS)) }
    : unavailable('extract has no --workers');
  const scalingLarge: Bench['scalingLarge'] = m.scaling?.l1.length
    ? {
      available: true, mb: m.scaling.set.chars / MB, files: m.scaling.set.files, runs: m.scaling.l1.length, oneWorkerWallS: median(m.scaling.l1.map((r) => r.wallS)), twoWorkersWallS: median(m.scaling.l2.map((r) => r.wallS)), ratio: median(m.scaling.l1.map((r, i) => r.wallS / m.scaling!.l2[i].wallS)), one: cpuSplit(m.scaling.l1), two: cpuSplit(m.scaling.l2),
      ceiling: {
        processPairWallS: median(m.scaling.pairs), processPairRatio: median(m.scaling.l1.map((r, i) => r.wallS / m.scaling!.pairs[i])),
        spinAloneS: median(m.scaling.spins.map((x) => x.aloneS)), spinPairS: median(m.scaling.spins.map((x) => x.pairS)), spinRatio: median(m.scaling.spins.map((x) => x.speedup)),
      },
    }
    : unavailable('extract has no --workers');
  const rerun: Bench['rerun'] = m.reruns.length
    ? { available: true, firstS: median(m.reruns.map((r) => r.first.wallS)), secondS: median(m.reruns.map((r) => r.second.wallS)), ratio: median(m.reruns.map((r) => r.second.wallS / r.first.wallS)) }
    : unavailable('extract has no --cache (result cache)');
  const seedStartups = m.seeds.map(statsStartup).filter((x): x is number => x !== undefined);
  const seed: Bench['seed'] = seedStartups.length === m.seeds.length
    ? { available: true, papers: m.seedPapers, runs: m.seeds.length, startupMs: median(seedStartups), peakRssMb: median(m.seeds.map((r) => r.peakRssMb)), wallS: median(m.seeds.map((r) => r.wallS)) }
    : unavailable('extract has no --stats');
  const [small, large] = m.memory;
  const rss: Bench['rssRatio'] = large && !large.failed && small && !small.failed
    ? { available: true, ratio: large.peakRssMb / small.peakRssMb }
    : unavailable(!large ? 'the large set was skipped (--quick)' : 'a memory run failed');
  return {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: os.totalmem() / 2 ** 30, node: process.version, loadAverageAtStart: m.loadAvg, loadAverageAtEnd: os.loadavg()[0] },
    text: { origin: m.text.origin, ...(m.text.warning && { warning: m.text.warning }), base: { mb: baseMb, documents: m.base.documents, files: m.base.files } },
    extractOptions: m.has,
    wholeProcess: whole,
    stages: m.stages,
    startup,
    seed,
    memory: m.memory,
    rssRatio: rss,
    scaling,
    scalingLarge,
    rerun,
    peers: { terms: m.terms, results: m.peers, note: 'in-process scans of the same texts (title + space + abstract, as extract reads them), timed without start-up or build; case folded, whole-word matches' },
    ratioToFastestPeer: { peer: fastest.name, perCpuS: whole.mbPerCpuS / fastest.mbPerS, perWallS: whole.mbPerWallS / (baseMb / fastest.wallS) },
    ownScan: { ...m.ownScan, ratioToFastestPeer: m.ownScan.mbPerS / fastest.mbPerS },
  };
}

main()
  .then((bench) => {
    writeFileSync(args.out!, JSON.stringify(bench, null, 2) + '\n');
    process.stdout.write(renderBench(bench));
    log(`written ${args.out}`);
  })
  .catch((e: unknown) => {
    process.stderr.write(`bench: ${(e as Error).message}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
