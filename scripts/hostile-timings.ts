/**
 * Times `npm run extract` (bin/run.mjs, as users run it) on each hostile input of issue 18 item 1
 * beside two good papers of the bundled corpus, in a fresh process each (`/usr/bin/time` gives wall
 * seconds and peak RSS), and checks that the good papers' rows are byte-identical to a clean run
 * of the two alone. Then a gzip bomb (a 9 MB .xml.gz that inflates to 2 GiB). Prints a Markdown
 * table (SECURITY.md holds its output).
 *   npx tsx scripts/hostile-timings.ts [--only <substring>] [--scale <0..1>]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISSUE_INPUTS } from '../test/helpers/hostile-texts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GOOD = ['her2-activating-mutations-senescence.md', 'her2-tcell-bispecific-resistance-jak2.md'];
const GOOD_IDS = GOOD.map((f) => f.replace(/\.md$/, ''));
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const only = arg('--only');
const scale = Number(arg('--scale') ?? 1);

interface Run { seconds: number; rssMb: number; status: number; out: string }

function extract(input: string): Run {
  const out = mkdtempSync(path.join(os.tmpdir(), 'hostile-out-'));
  rmSync(out, { recursive: true });
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, path.join(ROOT, 'bin/run.mjs'), 'extract', '--input', input, '--out', out, '--no-cache', '--ledger', 'none'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const [seconds, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, rssMb: kb / 1024, status: r.status ?? -1, out };
}

/** the good papers' rows of a run, file by file */
function goodRows(out: string): string {
  const rows = (f: string, key: string) => (existsSync(path.join(out, f)) ? readFileSync(path.join(out, f), 'utf8') : '').split('\n').filter((l) => l && GOOD_IDS.includes(JSON.parse(l)[key]));
  return ['entities.jsonl', 'triples.jsonl', 'statements.jsonl'].flatMap((f) => rows(f, 'doc')).concat(rows('documents.jsonl', 'id')).join('\n');
}

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-in-'));
  for (const f of GOOD) copyFileSync(path.join(ROOT, 'corpus', f), path.join(dir, f));
  return dir;
}

// one folder for every run: document rows name the input path
const dir = folder();
const clean = extract(dir);
const reference = goodRows(clean.out);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; git ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()}`);
console.log('');
console.log('| input (beside two good papers) | size | seconds | peak RSS MB | outcome |');
console.log('| --- | ---: | ---: | ---: | --- |');
console.log(`| (none: the two good papers alone) | ${(GOOD.reduce((n, f) => n + readFileSync(path.join(ROOT, 'corpus', f)).length, 0) / 1e3).toFixed(0)} KB | ${clean.seconds.toFixed(1)} | ${clean.rssMb.toFixed(0)} | exit ${clean.status} |`);
/** one row: `file` (named hostile.*) added beside the good papers */
function row(name: string, file: string) {
  const run = extract(dir);
  const doc = readFileSync(path.join(run.out, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((d) => d.source.endsWith(path.basename(file)));
  const same = goodRows(run.out) === reference;
  const error = JSON.parse(readFileSync(path.join(run.out, 'manifest.json'), 'utf8')).errors.find((e: { file: string }) => e.file.endsWith(path.basename(file)));
  const outcome = `exit ${run.status}; hostile: ${error ? `\`${error.code}\` error` : doc ? `${doc.status}, ${doc.sentences} sentences` : 'no row'}; good papers ${same ? 'byte-identical' : 'DIFFERENT'} to a clean run`;
  const bytes = statSync(file).size;
  const size = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} KB`;
  console.log(`| ${name} | ${size} | ${run.seconds.toFixed(1)} | ${run.rssMb.toFixed(0)} | ${outcome} |`);
  rmSync(file);
  rmSync(run.out, { recursive: true, force: true });
}

for (const input of ISSUE_INPUTS) {
  if (only && !input.name.includes(only)) continue;
  const full = input.build();
  const text = scale < 1 ? full.slice(0, Math.round(full.length * scale)) : full;
  writeFileSync(path.join(dir, 'hostile.txt'), text);
  row(input.name, path.join(dir, 'hostile.txt'));
}
const BOMB = 'gzip bomb: `.xml.gz` inflating to 2 GiB';
if (!only || BOMB.includes(only)) {
  // 2 GiB of zeros after a PubMed opening, compressed as it streams (never held in memory)
  const file = path.join(dir, 'hostile.xml.gz');
  execFileSync('sh', ['-c', `{ printf '<PubmedArticleSet>'; head -c ${2 * 1024 ** 3} /dev/zero; } | gzip -1 > "${file}"`]);
  row(BOMB, file);
}
rmSync(clean.out, { recursive: true, force: true });
rmSync(dir, { recursive: true, force: true });
