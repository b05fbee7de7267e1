/** What `npm run bench` writes to bench.json, and the readable table it prints. */
import type { ExtractOptions } from './extract-process.js';
import type { PeerResult } from './peers.js';
import type { StageResult } from './stages.js';

/** A figure the bench could measure, or why not (an option extract lacks, a skipped set). */
export type Figure<T> = ({ available: true } & T) | { available: false; reason: string };

export interface Bench {
  when: string;
  machine: { cpus: number; cpu: string; memoryGb: number; node: string; loadAverageAtStart: number; loadAverageAtEnd: number };
  text: { origin: string; warning?: string; base: { mb: number; documents: number; files: number } };
  extractOptions: ExtractOptions;
  wholeProcess: {
    workers: string; runs: number; mb: number; wallS: number; cpuS: number; startupS: number;
    mbPerCpuS: number; mbPerCpuSAfterStartup: number; mbPerWallS: number; mbPerWallSAfterStartup: number; peakRssMb: number;
  };
  stages: StageResult[];
  startup: Figure<{ ms: number; cpuS: number; method: string }>;
  /** issue 15: extract on the seed corpus (corpus/, default workers, full dictionaries): start-up and peak RSS, medians */
  seed?: Figure<{ papers: number; runs: number; startupMs: number; peakRssMb: number; wallS: number }>;
  /** exit 2: some inputs failed, the others were written (`written` documents, from --stats) */
  memory: Array<{ mb: number; documents: number; peakRssMb: number; wallS: number; exitCode: number | null; written?: number; failed?: string }>;
  rssRatio: Figure<{ ratio: number }>;
  scaling: Figure<{ oneWorkerWallS: number; twoWorkersWallS: number; ratio: number }>;
  /** the same on a larger set, where the work dominates start-up and the merge; with where the CPU went */
  scalingLarge: Figure<{ mb: number; files: number; runs: number; oneWorkerWallS: number; twoWorkersWallS: number; ratio: number; one: CpuSplit; two: CpuSplit; ceiling: Ceiling }>;
  rerun: Figure<{ firstS: number; secondS: number; ratio: number }>;
  peers: { terms: number; results: PeerResult[]; note: string };
  ratioToFastestPeer: { peer: string; perCpuS: number; perWallS: number };
  /** the tag stage's dictionary scan alone on the same texts, timed as the peers are (absent from benches before session 11) */
  ownScan?: PeerResult & { ratioToFastestPeer: number };
}

/**
 * What the machine gives two processes at once (src/bench/ceiling.ts), medians over the scaling runs: two one-worker
 * extract processes, each on half the set (ratio: one worker on the whole set / the pair's wall time), and a CPU-only
 * integer loop (ratio: twice one loop's time / two loops at once). 2.0 on two free cores.
 */
export interface Ceiling { processPairWallS: number; processPairRatio: number; spinAloneS: number; spinPairS: number; spinRatio: number }

/** A run's CPU seconds (medians over the runs): the main thread, each worker thread, the rest (V8's GC and compiler threads, libuv), and cores busy on average (CPU / wall). */
export interface CpuSplit { wallS: number; cpuS: number; mainS: number; workersS: number[]; otherS: number; coresBusy: number }

const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const row = (label: string, value: string) => `  ${label.padEnd(46)} ${value}\n`;
const na = (fig: { available: false; reason: string }) => `not available (${fig.reason})`;

export function renderBench(b: Bench): string {
  let out = `biotriples bench, ${b.when} (${b.machine.cpus} cores, ${b.machine.cpu}, node ${b.machine.node}; load average ${f(b.machine.loadAverageAtStart, 1)} at start, ${f(b.machine.loadAverageAtEnd, 1)} at end)\n`;
  out += `text: ${b.text.origin}; base set ${f(b.text.base.mb)} MB, ${b.text.base.documents} documents in ${b.text.base.files} files\n`;
  if (b.text.warning) out += `WARNING: ${b.text.warning}\n`;
  const w = b.wholeProcess;
  out += `\n1-2. whole process (npm run extract, ${w.workers}, median of ${w.runs} runs, start-up included)\n`;
  out += row('wall / CPU seconds', `${f(w.wallS)} s / ${f(w.cpuS)} s`);
  out += row('MB of text per CPU-second', `${f(w.mbPerCpuS)} (${f(w.mbPerCpuSAfterStartup)} less the one-document run's CPU)`);
  out += row('MB of text per wall-second', `${f(w.mbPerWallS)} (${f(w.mbPerWallSAfterStartup)} after start-up)`);
  out += row('start-up (item 4, included above)', `${f(w.startupS)} s`);
  out += row('peak RSS', `${f(w.peakRssMb, 0)} MB`);
  out += `\n3. per stage, in-process (median of passes over the base set; MB per CPU-second)\n`;
  for (const s of b.stages) out += row(s.stage, `${f(s.mbPerS).padStart(8)} MB/s`);
  out += `\n4. start-up to the first document, from the cache\n`;
  out += row('start-up (wall)', b.startup.available ? `${f(b.startup.ms, 0)} ms (the one-document process used ${f(b.startup.cpuS)} CPU-seconds in all)` : na(b.startup));
  if (b.startup.available) out += `     (${b.startup.method})\n`;
  if (b.seed) out += row('seed corpus (default workers): start-up, peak RSS', b.seed.available ? `${f(b.seed.startupMs, 0)} ms, ${f(b.seed.peakRssMb, 0)} MB (${b.seed.papers} papers, ${f(b.seed.wallS, 1)} s; median of ${b.seed.runs} runs)` : na(b.seed));
  out += `\n5. peak RSS of extract (default workers)\n`;
  for (const m of b.memory) out += row(`${f(m.mb, 0)} MB of abstracts (${m.documents} documents)`, m.failed ? `failed: ${m.failed}` : `${f(m.peakRssMb, 0)} MB peak RSS, ${f(m.wallS, 1)} s, exit ${m.exitCode}${m.written === undefined ? '' : `, ${m.written} documents written`}`);
  out += row('ratio large / small', b.rssRatio.available ? `${f(b.rssRatio.ratio)}x` : na(b.rssRatio));
  out += `\n6. scaling, same input\n`;
  out += row('wall time 1 worker / 2 workers', b.scaling.available ? `${f(b.scaling.oneWorkerWallS)} s / ${f(b.scaling.twoWorkersWallS)} s = ${f(b.scaling.ratio)}x (median of pair ratios)` : na(b.scaling));
  const L = b.scalingLarge;
  if (L.available) {
    out += row(`wall time 1 / 2 workers on ${f(L.mb, 0)} MB (${L.files} files)`, `${f(L.oneWorkerWallS)} s / ${f(L.twoWorkersWallS)} s = ${f(L.ratio)}x (median of ${L.runs} pair ratios)`);
    for (const [label, c] of [['1 worker', L.one], ['2 workers', L.two]] as const)
      out += row(`  CPU s, ${label}`, `${f(c.cpuS)} in all: main thread ${f(c.mainS)}, worker${c.workersS.length > 1 ? 's' : ''} ${c.workersS.map((x) => f(x)).join(' + ')}, other threads ${f(c.otherS)}; ${f(c.coresBusy)} cores busy`);
    const c = L.ceiling;
    out += row('  ceiling: 2 one-worker processes on halves', `${f(L.oneWorkerWallS)} s / ${f(c.processPairWallS)} s = ${f(c.processPairRatio)}x; 2 workers reach ${f((L.ratio / c.processPairRatio) * 100, 0)} % of it`);
    out += row('  ceiling: an integer loop, alone / twice at once', `${f(c.spinAloneS)} s / ${f(c.spinPairS)} s for twice the work = ${f(c.spinRatio)}x`);
  } else out += row('on a larger set', na(L));
  out += `\n7. unchanged re-run with the result cache\n`;
  out += row('first run / re-run', b.rerun.available ? `${f(b.rerun.firstS)} s / ${f(b.rerun.secondS)} s: re-run takes ${f(b.rerun.ratio * 100, 1)} % of the first` : na(b.rerun));
  out += `\n8. tag-only peers over the same ${b.peers.terms} gene terms (${b.peers.note})\n`;
  for (const p of b.peers.results) out += row(p.name, `${f(p.mbPerS).padStart(8)} MB per CPU-second, ${p.matches} matches (built in ${f(p.buildMs, 0)} ms)`);
  const r = b.ratioToFastestPeer;
  out += row(`whole process on one worker / ${r.peer}`, `${f(r.perCpuS, 3)}x per CPU-second (${f(r.perWallS, 3)}x per wall-second)`);
  if (b.ownScan) out += row(b.ownScan.name, `${f(b.ownScan.mbPerS).padStart(8)} MB per CPU-second, ${b.ownScan.matches} matches: ${f(b.ownScan.ratioToFastestPeer)}x the fastest peer`);
  return out;
}
