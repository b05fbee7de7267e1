/**
 * Dev tool: how much optimizing-compiler (TurboFan) work an extract run does, and why functions
 * are compiled again. Runs `node --trace-opt [--trace-deopt[-verbose]] bin/run.mjs extract` on an
 * input (result cache and ledger off, output to a temp folder) and sums, from V8's trace lines:
 *  - compiles and their compile time (the middle number of "took a, b, c ms": the optimization
 *    phase, run on V8's background threads), in all and per function;
 *  - deoptimizations by reason, and per function with the source place V8 names (`--where`).
 * Every isolate writes to the same stdout, so with N workers the figures are the sum of N.
 *   npx tsx scripts/jit-trace.ts --input /tmp/abs12 [--workers 1] [--top 25] [--deopt] [--where] [--node="<flags>"] [--json out.json]
 * `--deopt` adds --trace-deopt (counts by reason and function); `--where` adds --trace-deopt-verbose
 * (also where in lib/ each deopt happened: much more output, slower); `--node="<flags>"` passes more
 * flags to node (V8 experiments: `--node="--retain-maps-for-n-gc=1000"`). Build first (`npm run build`):
 * bin/run.mjs runs lib/ only when it is current.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' }, workers: { type: 'string', default: '1' }, top: { type: 'string', default: '25' },
    deopt: { type: 'boolean', default: false }, where: { type: 'boolean', default: false }, json: { type: 'string' },
    node: { type: 'string', default: '' },
  },
});
if (!args.input) {
  console.error('usage: npx tsx scripts/jit-trace.ts --input <file or folder> [--workers N] [--top N] [--deopt] [--where] [--node="<flags>"] [--json file]');
  process.exit(64);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(path.join(os.tmpdir(), 'jit-trace-'));

interface FunctionFigures { compiles: number; osr: number; ms: number; deopts: number; invalidated: number; reasons: Map<string, number>; places: Map<string, number> }
const byFunction = new Map<string, FunctionFigures>();
const deoptReasons = new Map<string, number>();
let compiles = 0, compileMs = 0, deopts = 0, invalidated = 0;

function figures(name: string): FunctionFigures {
  let f = byFunction.get(name);
  if (!f) byFunction.set(name, f = { compiles: 0, osr: 0, ms: 0, deopts: 0, invalidated: 0, reasons: new Map(), places: new Map() });
  return f;
}
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
/** `<JSFunction name (sfi = ...)>` → name (anonymous functions are counted together) */
const functionName = (line: string) => /<JSFunction (\S*) ?\(sfi/.exec(line)?.[1] || '(anonymous)';

const flags = ['--trace-opt', ...(args.where ? ['--trace-deopt-verbose'] : args.deopt ? ['--trace-deopt'] : []), ...args.node!.split(/\s+/).filter(Boolean)];
const started = Date.now();
const child = spawn(process.execPath, [...flags, path.join(root, 'bin/run.mjs'), 'extract', '--input', path.resolve(args.input), '--out', out, '--no-cache', '--ledger', 'none', '--quiet', '--workers', args.workers!], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
let lastDeopt: FunctionFigures | undefined;
createInterface({ input: child.stdout }).on('line', (line) => {
  if (line.startsWith('[completed compiling')) {
    const took = /took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
    if (!took) return;
    const f = figures(functionName(line));
    f.compiles++; f.ms += Number(took[2]); if (line.includes(' OSR ')) f.osr++;
    compiles++; compileMs += Number(took[2]);
  } else if (line.startsWith('[bailout (kind:')) {
    const reason = /kind: ([^,]+), reason: ([^)]*)\)/.exec(line);
    const key = reason ? `${reason[1]}: ${reason[2]}` : 'unknown';
    const f = figures(functionName(line));
    f.deopts++; bump(f.reasons, key); bump(deoptReasons, key); deopts++;
    lastDeopt = f;
  } else if (line.startsWith('[marking dependent code')) {
    // optimized code thrown away because an assumption it was compiled under broke (a map or field type changed)
    figures(/<SharedFunctionInfo (\S*)>/.exec(line)?.[1] || '(anonymous)').invalidated++;
    invalidated++;
  } else if (lastDeopt && line.includes(';;; deoptimize at <')) {
    // the innermost place (an inlined function's) comes first
    const at = /deoptimize at <([^>]+)>/.exec(line)?.[1];
    if (at) bump(lastDeopt.places, at);
    lastDeopt = undefined;
  }
});
const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
rmSync(out, { recursive: true, force: true });
if (code !== 0) { console.error(`extract exited with ${code}`); process.exit(1); }

/** `file:line:col` of a built file → its source module (esbuild's `// src/...` comments) and the line's text */
const fileLines = new Map<string, string[]>();
function describePlace(place: string): string {
  const m = /^(.*):(\d+):(\d+)$/.exec(place);
  if (!m) return place;
  const file = m[1].replace(/^file:\/\//, '');
  let lines = fileLines.get(file);
  if (!lines) { try { lines = readFileSync(file, 'utf8').split('\n'); } catch { lines = []; } fileLines.set(file, lines); }
  const n = Number(m[2]) - 1;
  let module = '';
  for (let i = n; i >= 0 && !module; i--) if (/^\/\/ (src|lib)\/\S+$/.test(lines[i] ?? '')) module = lines[i].slice(3);
  const text = (lines[n] ?? '').trim();
  return `${module || path.relative(root, file)} (${path.basename(file)}:${m[2]}:${m[3]})  ${text.length > 100 ? `${text.slice(0, 100)}…` : text}`;
}

const top = Number(args.top);
const rows = [...byFunction.entries()].sort((a, b) => b[1].ms - a[1].ms);
const churn = rows.filter(([, f]) => f.compiles > 2);
console.log(`${args.input}, --workers ${args.workers}: ${compiles} TurboFan compiles, ${Math.round(compileMs)} ms compile time, ${rows.filter(([, f]) => f.compiles).length} functions` +
  ` (wall ${((Date.now() - started) / 1000).toFixed(1)} s with tracing, load ${os.loadavg()[0].toFixed(1)})`);
console.log(`compiled more than twice: ${churn.length} functions, ${churn.reduce((n, [, f]) => n + f.compiles, 0)} compiles, ${Math.round(churn.reduce((n, [, f]) => n + f.ms, 0))} ms`);
console.log(`deoptimizations: ${deopts} (${[...deoptReasons.values()].reduce((n, x) => n + x, 0) ? 'by reason below' : 'add --deopt for reasons'}); optimized code invalidated by broken assumptions: ${invalidated}`);
console.log(`\nby compile time (top ${top}):\n  ${'function'.padEnd(34)} compiles   OSR        ms  deopts  invalidated`);
for (const [name, f] of rows.slice(0, top)) {
  console.log(`  ${name.slice(0, 34).padEnd(34)} ${String(f.compiles).padStart(8)} ${String(f.osr).padStart(5)} ${f.ms.toFixed(0).padStart(9)} ${String(f.deopts).padStart(7)} ${String(f.invalidated).padStart(12)}`);
}
if (deopts) {
  console.log(`\ndeoptimizations: ${deopts}, by reason:`);
  for (const [r, n] of [...deoptReasons.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${r}`);
  console.log(`\nmost deoptimized functions (top ${top}):`);
  for (const [name, f] of [...byFunction.entries()].filter(([, f]) => f.deopts).sort((a, b) => b[1].deopts - a[1].deopts).slice(0, top)) {
    console.log(`  ${name}: ${f.deopts} (${[...f.reasons.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${r}`).join('; ')})`);
    for (const [p, n] of [...f.places.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`      ${n}× ${describePlace(p)}`);
  }
}
if (args.json) {
  writeFileSync(args.json, JSON.stringify({
    input: args.input, workers: Number(args.workers), compiles, compileMs: Math.round(compileMs), deopts, invalidated, reasons: Object.fromEntries(deoptReasons),
    functions: rows.map(([name, f]) => ({ name, compiles: f.compiles, osr: f.osr, ms: Math.round(f.ms), deopts: f.deopts, invalidated: f.invalidated, reasons: Object.fromEntries(f.reasons), places: Object.fromEntries(f.places) })),
  }, null, 1));
}
