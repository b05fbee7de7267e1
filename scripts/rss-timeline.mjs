// `node scripts/rss-timeline.mjs <input> <workers> [more extract options]`: runs
// `npm run extract` (--no-cache --ledger none --quiet, into a temp folder) and prints its RSS
// every second (VmRSS from /proc, Linux) and the --stats peak, to see where in a run memory
// peaks (processing or the merge) and whether it grows with time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [input, workers, ...extra] = process.argv.slice(2);
if (!input || !workers) { console.error('usage: node scripts/rss-timeline.mjs <input> <workers> [extract options]'); process.exit(1); }
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'rss-timeline-'));
const stats = path.join(work, 'stats.json');
const t0 = performance.now();
const child = spawn(process.execPath, [path.join(root, 'bin/run.mjs'), 'extract', '--input', input, '--out', path.join(work, 'out'), '--no-cache', '--ledger', 'none', '--quiet', '--workers', workers, '--stats', stats, ...extra], { cwd: root, stdio: 'inherit' });
const samples = [];
const timer = setInterval(() => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]);
    samples.push(`${((performance.now() - t0) / 1000).toFixed(0)}s:${(kb / 1024).toFixed(0)}`);
  } catch { /* not started yet, or gone */ }
}, 1000);
child.on('close', (code) => {
  clearInterval(timer);
  const s = JSON.parse(readFileSync(stats, 'utf8'));
  console.log(`exit ${code}, peak RSS ${s.peakRssMb} MB, wall ${(s.wallMs / 1000).toFixed(1)} s, thread CPU ${JSON.stringify(s.threadCpuS)}`);
  console.log(`RSS MB by second: ${samples.join(' ')}`);
  rmSync(work, { recursive: true, force: true });
});
