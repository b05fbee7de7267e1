#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` builds it): src/ → lib/ as plain JavaScript with the
// project's TypeScript, the non-TS files the code reads at run time copied beside it, and last the
// freshness stamp (bin/run.mjs uses lib/ only when the stamp matches src/). lib/ is a sibling of
// src/, so every `new URL('../../x', import.meta.url)` reaches the same repo path from both.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBundles } from './bundle.mjs';
import { sourceFingerprint, STAMP } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
if (!existsSync(tsc)) {
  // e.g. `npm ci --omit=dev`: nothing to build with; the CLIs say so and need tsx instead
  console.error('build: TypeScript is not installed (dev dependencies omitted); lib/ not built');
  process.exit(0);
}

// taken before compiling: a source edited during the build leaves the stamp stale, never wrong
const fingerprint = sourceFingerprint(root);
const lib = path.join(root, 'lib');
const staging = `${lib}.new-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const r = spawnSync(tsc, ['-p', path.join(root, 'tsconfig.build.json'), '--outDir', staging], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`build: tsc failed (${r.error?.message ?? `exit ${r.status}`}); lib/ left as it was`);
  process.exit(1);
}

// run-time assets: every file under src/ that is not TypeScript (report CSS/JS, worker bootstrap)
const copyAssets = (rel) => {
  for (const e of readdirSync(path.join(root, 'src', rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) copyAssets(r);
    else if (!/\.(ts|mts|cts)$/.test(e.name)) cpSync(path.join(root, 'src', r), path.join(staging, r));
  }
};
copyAssets('.');
// one file per entry of the extraction path (start-up); without esbuild, lib/ runs unbundled
await writeBundles(staging);
writeFileSync(path.join(staging, STAMP), `${fingerprint}\n`);

// swap in whole: a reader sees the old complete build or the new one (and lib.old-* / lib.new-*
// are left only by a killed build; the next build or .gitignore deals with them)
const old = `${lib}.old-${process.pid}`;
if (existsSync(lib)) renameSync(lib, old);
renameSync(staging, lib);
rmSync(old, { recursive: true, force: true });
console.error(`build: lib/ built from src/ (stamp ${fingerprint.slice(0, 12)})`);
