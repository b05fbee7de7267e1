/**
 * What this machine gives two processes at once, measured in the same bench run as the 1-vs-2-workers
 * figure: the ceiling a worker pool can reach. Two busy processes need not run twice as fast as one: a lone
 * process's GC and compiler threads already use the second core.
 *  - an integer loop (no allocation, no GC): one process alone, then two at once; whether the cores are there;
 *  - the pipeline itself: two independent `extract --workers 1` processes, each on half the files.
 */
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runExtract, type ProcessRun } from './extract-process.js';

/** a fixed amount of integer work, about 1.5 s here; `i` stays below 2^31 (as a double the loop runs 8 times slower) */
const SPIN = 'let x = 0; for (let i = 0; i < 1.5e9; i++) x = (x + i % 7) | 0; if (x === 42) console.log(x);';

/** wall seconds of one child process running the loop */
function spinOnce(): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve((performance.now() - start) / 1000) : reject(new Error(`CPU loop exited ${code}`))));
  });
}

/** The integer loop alone and twice at once; speedup: twice the work over the pair's time (2.0 on two free cores). */
export interface SpinPair { aloneS: number; pairS: number; speedup: number }

export async function spinPairSpeedup(): Promise<SpinPair> {
  const aloneS = await spinOnce();
  const start = performance.now();
  await Promise.all([spinOnce(), spinOnce()]);
  const pairS = (performance.now() - start) / 1000;
  return { aloneS, pairS, speedup: (2 * aloneS) / pairS };
}

/** The set's files in two folders of hard links (extract does not follow symbolic links), alternating so both halves hold alike. */
export function splitInHalves(dir: string, into: string): [string, string] {
  const halves: [string, string] = [path.join(into, 'half-a'), path.join(into, 'half-b')];
  for (const h of halves) mkdirSync(h, { recursive: true });
  readdirSync(dir).sort().forEach((f, i) => linkSync(path.join(dir, f), path.join(halves[i % 2], f)));
  return halves;
}

/** Two one-worker extract processes at once, one per half; the pair's wall time is the later one's. */
export async function extractPair(halves: [string, string], args: () => string[]): Promise<{ wallS: number; runs: [ProcessRun, ProcessRun] }> {
  const start = performance.now();
  const runs = await Promise.all(halves.map((h) => runExtract(['--input', h, '--workers', '1', ...args()]))) as [ProcessRun, ProcessRun];
  return { wallS: (performance.now() - start) / 1000, runs };
}
