/**
 * Dev tool: items 1-2 and 8 of `npm run bench` for several checkouts at once, so a before/after
 * pair is measured in the same conditions on a shared machine: extract (`bin/run.mjs`, compiled
 * lib/ built first when stale, --workers 1, result cache off) on the bench's 3 MB base set, runs
 * interleaved across the checkouts, CPU of all threads from the exit probe, medians; then the
 * tag-only peers in this process, and each checkout's ratio to the fastest per CPU-second.
 *   npx tsx scripts/whole-speed.ts <checkout> [<checkout> ...] [--reps N] [--shared ../shared]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBenchText, readSetTexts, writeAbstractSet } from '../src/bench/abstracts.js';
import { ahoCorasickPeer, geneTerms, runPeer, tokenMapPeer } from '../src/bench/peers.js';
import { median } from '../src/bench/median.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { reps: { type: 'string', default: '5' }, shared: { type: 'string', default: '../shared' } } });
const roots = (positionals.length ? positionals : ['.']).map((p) => path.resolve(p));
const reps = Math.max(1, Number(args.reps) || 5);
const work = mkdtempSync(path.join(os.tmpdir(), 'whole-speed-'));
try {
  const base = writeAbstractSet(path.join(work, 'base'), loadBenchText(path.resolve(args.shared!)).abstracts, 3e6);
  const mb = base.chars / 1e6;
  for (const root of roots) execFileSync(process.execPath, [path.join(root, 'bin/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const cpu: Record<string, number[]> = Object.fromEntries(roots.map((r) => [r, []]));
  const loads: number[] = [os.loadavg()[0]];
  for (let r = 0; r < reps; r++) {
    for (const root of roots) {
      const probe = path.join(work, 'probe.json');
      rmSync(probe, { force: true });
      const run = spawnSync(process.execPath, ['--import', path.join(root, 'src/bench/exit-probe.mjs'), path.join(root, 'bin/run.mjs'), 'extract',
        '--input', base.dir, '--workers', '1', '--no-cache', '--out', path.join(work, 'out'), '--ledger', 'none', '--quiet'],
      { cwd: root, env: { ...process.env, BENCH_PROBE_OUT: probe }, encoding: 'utf8' });
      if ((run.status !== 0 && run.status !== 2) || !existsSync(probe)) throw new Error(`extract in ${root} failed: ${run.stderr}`);
      const p = JSON.parse(readFileSync(probe, 'utf8')) as { userUs: number; systemUs: number };
      cpu[root].push((p.userUs + p.systemUs) / 1e6);
      process.stderr.write(`run ${r + 1}/${reps} ${root}: ${cpu[root].at(-1)!.toFixed(2)} CPU-s\n`);
    }
    loads.push(os.loadavg()[0]);
  }
  const terms = geneTerms(), texts = readSetTexts(base.dir);
  const peers = [runPeer(() => ahoCorasickPeer(terms), texts, reps), runPeer(() => tokenMapPeer(terms), texts, reps)];
  const fastest = peers.reduce((a, b) => (b.mbPerS > a.mbPerS ? b : a));
  console.log(`base set ${mb.toFixed(2)} MB in ${base.documents} documents; load average ${loads.map((l) => l.toFixed(1)).join(' ')}`);
  for (const p of peers) console.log(`peer ${p.name.padEnd(30)} ${p.mbPerS.toFixed(2)} MB per CPU-second`);
  for (const root of roots) {
    const c = median(cpu[root]);
    console.log(`${root}: whole process, one worker, median of ${reps}: ${c.toFixed(2)} CPU-s, ${(mb / c).toFixed(3)} MB per CPU-second, ${(mb / c / fastest.mbPerS).toFixed(4)}x ${fastest.name}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
