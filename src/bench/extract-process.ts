/**
 * `npm run extract` as a whole process, timed from outside: wall time from spawn to exit, CPU
 * seconds and peak RSS as the OS counts them (exit-probe.mjs), and the run's `--stats` file when
 * extract has that option. The real CLI, with the full dictionaries and the committed model.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// what `npm run extract` runs: lib/ when it was built from the current sources, else the sources under tsx
const RUN = path.join(ROOT, 'bin/run.mjs');
const PROBE = path.join(ROOT, 'src/bench/exit-probe.mjs');
const node = (args: string[]) => ['--import', PROBE, RUN, 'extract', ...args];

/** The options this checkout's extract has (the bench reports a figure as not available without them). */
export interface ExtractOptions { workers: boolean; stats: boolean; cache: boolean; noCache: boolean }

export function optionsInHelp(help: string): ExtractOptions {
  const has = (flag: string) => new RegExp(`(^|\\s)${flag}(\\s|=|,|$)`, 'm').test(help);
  return { workers: has('--workers'), stats: has('--stats'), cache: has('--cache'), noCache: has('--no-cache') };
}

export function extractOptions(): ExtractOptions {
  const help = spawnSync(process.execPath, node(['--help']), { cwd: ROOT, encoding: 'utf8' });
  if (help.status !== 0) throw new Error(`extract --help failed: ${help.stderr.trim().split('\n').pop()}`);
  return optionsInHelp(help.stdout);
}

export interface ProcessRun {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  exitCode: number | null;
  signal: string | null;
  /** the run's --stats file, when asked for and written */
  stats?: Record<string, unknown>;
  /** the last lines extract printed on stderr (why a run failed) */
  stderr: string;
}

/** peak RSS so far from /proc (kB), for a run that dies before its exit probe can write */
function procPeakKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}

/** Runs extract once with `args` (the caller gives --input; --out, --quiet and --ledger none are added; `out`: a folder that outlives the run). */
export async function runExtract(args: string[], options: { stats?: boolean; out?: string } = {}): Promise<ProcessRun> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-run-'));
  const probe = path.join(work, 'probe.json'), stats = path.join(work, 'stats.json');
  const full = [...args, '--out', options.out ?? path.join(work, 'out'), '--ledger', 'none', '--quiet', ...(options.stats ? ['--stats', stats] : [])];
  try {
    const start = performance.now();
    const child = spawn(process.execPath, node(full), { cwd: ROOT, env: { ...process.env, BENCH_PROBE_OUT: probe }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '', polledKb = 0;
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-4000); });
    const poll = setInterval(() => { polledKb = Math.max(polledKb, procPeakKb(child.pid!)); }, 200);
    const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, sig) => resolve([code, sig]));
    });
    const wallS = (performance.now() - start) / 1000;
    clearInterval(poll);
    const probed = existsSync(probe) ? JSON.parse(readFileSync(probe, 'utf8')) as { userUs: number; systemUs: number; maxRssKb: number } : undefined;
    return {
      wallS,
      cpuS: probed ? (probed.userUs + probed.systemUs) / 1e6 : NaN,
      peakRssMb: (probed?.maxRssKb ?? polledKb) / 1024,
      exitCode, signal,
      ...(existsSync(stats) && { stats: JSON.parse(readFileSync(stats, 'utf8')) as Record<string, unknown> }),
      stderr: stderr.trim().split('\n').slice(-3).join('\n'),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** exit 0 (all inputs ok) or 2 (some failed, the rest written) counts as a run that did its work */
export const completed = (run: ProcessRun): boolean => run.exitCode === 0 || run.exitCode === 2;
