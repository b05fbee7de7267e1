#!/usr/bin/env node
/**
 * Start-up of two (or more) checkouts, interleaved: `node scripts/startup-compare.mjs <reps> <checkout> <checkout> ...`.
 * Each run is `node bin/run.mjs extract` of one short document (the first 2,000 characters of the
 * first seed paper), `--no-cache --workers 1` (`WORKERS=n` for another count), after one warm-up run
 * per checkout (lexicon and model caches filled); the checkouts take turns, so a drift of a shared
 * machine hits them alike. Prints per checkout the medians of startupMs (extract --stats: process
 * start to the first document result, wall), the process's wall and CPU time (user + system of the
 * child, from /proc, Linux only) and peak RSS (--stats), and the load average. Each checkout needs
 * a current build (`npm run build`), or it runs under tsx.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [reps, ...dirs] = process.argv.slice(2);
if (!Number(reps) || !dirs.length) { console.error('usage: node scripts/startup-compare.mjs <reps> <checkout> [<checkout> ...]'); process.exit(64); }
const workers = process.env.WORKERS ?? '1';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'startup-compare-'));
const input = path.join(work, 'in');
mkdirSync(input);
const corpus = path.join(root, 'corpus');
const first = readdirSync(corpus).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort()[0];
writeFileSync(path.join(input, 'one.md'), readFileSync(path.join(corpus, first), 'utf8').slice(0, 2000));

/** CPU ms of this process's waited-for children so far (cutime + cstime, /proc/self/stat, 100 ticks/s) */
const childCpuMs = () => { const s = readFileSync('/proc/self/stat', 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return (Number(f[13]) + Number(f[14])) * 10; };
const run = (dir) => {
  const stats = path.join(work, 'stats.json');
  const c0 = childCpuMs(), t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/run.mjs', 'extract', '--input', input, '--out', path.join(work, 'out'), '--no-cache', '--quiet', '--workers', workers, '--stats', stats], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${dir}: exit ${r.status}\n${r.stderr}`);
  const s = JSON.parse(readFileSync(stats, 'utf8'));
  return { startup: s.startupMs, wall: performance.now() - t0, cpu: childCpuMs() - c0, rss: s.peakRssMb };
};
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
try {
  const load0 = os.loadavg()[0];
  for (const d of dirs) run(d);
  const samples = dirs.map(() => []);
  for (let i = 0; i < Number(reps); i++) dirs.forEach((d, k) => samples[k].push(run(d)));
  console.log(`${reps} runs per checkout, interleaved, --workers ${workers}; medians; load average ${load0.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end`);
  dirs.forEach((d, k) => {
    const m = (key) => median(samples[k].map((x) => x[key])).toFixed(0);
    console.log(`${d}: startupMs ${m('startup')}, process wall ${m('wall')} ms, CPU ${m('cpu')} ms, peak RSS ${m('rss')} MB (startupMs: ${samples[k].map((x) => x.startup).join(' ')})`);
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
