#!/usr/bin/env node
/**
 * Start-up to the first document, compiled build vs tsx: `node scripts/startup-build.mjs [reps]`
 * (default 5). Runs `extract` on one short document (the first 1,500 characters of a corpus
 * paper), --no-cache, in each mode interleaved, after one warm-up run per mode (the lexicon cache
 * is keyed by the code, so each mode warms its own entry). Prints per mode the medians of
 * startupMs (from --stats: process start → first document result, wall), the whole process's
 * wall time and its CPU time (user+system of the child, from /proc, Linux only).
 * Needs a current build (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from '../bin/freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reps = Number(process.argv[2] ?? 5);
if (!buildIsCurrent(root)) { console.error('lib/ is not current: run `npm run build` first'); process.exit(1); }

const work = mkdtempSync(path.join(tmpdir(), 'startup-build-'));
const input = path.join(work, 'in');
mkdirSync(input);
const corpus = path.join(root, 'corpus');
const first = readdirSync(corpus).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort()[0];
writeFileSync(path.join(input, 'one.md'), readFileSync(path.join(corpus, first), 'utf8').slice(0, 1500));

const node = process.execPath;
const modes = [];
for (const w of ['0', '1']) {
  modes.push({ name: `lib (bin/run.mjs), --workers ${w}`, cmd: node, args: ['bin/run.mjs', 'extract'], w });
  modes.push({ name: `tsx (BIOTRIPLES_BUILD=0), --workers ${w}`, cmd: node, args: ['bin/run.mjs', 'extract'], w, env: { BIOTRIPLES_BUILD: '0' } });
  modes.push({ name: `node lib/cli/extract.js, --workers ${w}`, cmd: node, args: ['lib/cli/extract.js'], w });
  modes.push({ name: `npm run extract (lib), --workers ${w}`, cmd: 'npm', args: ['run', '--silent', 'extract', '--'], w });
}

/** CPU ms of this process's waited-for children so far (utime+stime of children, /proc/self/stat) */
const childCpuMs = () => {
  const f = readFileSync('/proc/self/stat', 'utf8').slice(readFileSync('/proc/self/stat', 'utf8').lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) * 10; // fields 16 and 17 (cutime, cstime), 100 ticks/s
};

const run = (m) => {
  const stats = path.join(work, 'stats.json');
  const out = path.join(work, 'out');
  const cpu0 = childCpuMs();
  const t0 = performance.now();
  const r = spawnSync(m.cmd, [...m.args, '--input', input, '--out', out, '--no-cache', '--quiet', '--workers', m.w, '--stats', stats],
    { cwd: root, env: { ...process.env, ...m.env }, encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${m.name}: exit ${r.status}\n${r.stderr}`);
  return { startup: JSON.parse(readFileSync(stats, 'utf8')).startupMs, wall, cpu: childCpuMs() - cpu0 };
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
try {
  for (const m of modes) { run(m); m.samples = []; }
  for (let i = 0; i < reps; i++) for (const m of modes) m.samples.push(run(m));
  console.log(`${reps} runs per mode, interleaved; medians (ms)`);
  console.log('| mode | startupMs (wall, to first document) | process wall | process CPU |');
  console.log('|---|---|---|---|');
  for (const m of modes) {
    const f = (k) => Math.round(median(m.samples.map((s) => s[k])));
    console.log(`| ${m.name} | ${f('startup')} | ${f('wall')} | ${f('cpu')} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
