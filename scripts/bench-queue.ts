/**
 * `npm run bench:queue [-- --records 30000 --workers 2 --block-records 1000 --local]`: one
 * PubMed baseline file's worth of records through the queue on this machine. Synthesizes a
 * baseline-like file in the temp folder (the shared sample's records replicated with fresh
 * PMIDs; never committed), starts a redis-server on a free loopback port and N workers, enqueues,
 * collects, and prints wall time and records/s (with --local also a plain `npm run extract`
 * of the same file, whose one work item is the whole file, hence its --doc-timeout, and whether
 * both datasets are byte-identical). Needs ../shared and redis-server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, createGzip } from 'node:zlib';
import { hasRedisServer, startRedisServer } from './redis-server.js';

const SAMPLE = '../shared/formats/pubmed-xml/pubmedsample18n0001.xml.gz';
const TSX = ['--import', 'tsx'];
const { values } = parseArgs({ options: {
  records: { type: 'string', default: '30000' }, workers: { type: 'string', default: '2' },
  'block-records': { type: 'string', default: '1000' }, local: { type: 'boolean', default: false },
} });

/** The sample's records, repeated with fresh PMIDs (the MedlineCitation's own PMID) until `n` records. */
async function synthesize(file: string, n: number): Promise<void> {
  const xml = gunzipSync(readFileSync(SAMPLE)).toString('utf8');
  const records = xml.match(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g)!;
  const out = createGzip();
  const done = once(out.pipe(createWriteStream(file)), 'finish');
  const write = async (s: string) => { if (!out.write(s)) await once(out, 'drain'); };
  await write('<?xml version="1.0" encoding="utf-8"?>\n<PubmedArticleSet>\n');
  for (let i = 0; i < n; i++) await write(records[i % records.length].replace(/<PMID Version="1">\d+<\/PMID>/, `<PMID Version="1">${90_000_000 + i}</PMID>`) + '\n');
  out.end('</PubmedArticleSet>\n');
  await done;
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, [...TSX, 'src/cli/worker.ts', '--queue', url, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [...TSX, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0 && r.status !== 2) throw new Error(`${args.join(' ')} exited with ${r.status}\n${r.stdout}`);
  return r.stdout;
};

async function main() {
  if (!existsSync(SAMPLE)) { console.log(`skipped: ${SAMPLE} is absent`); return; }
  if (!hasRedisServer()) throw new Error('redis-server not found (apt-get install redis-server)');
  const n = Number(values.records), workers = Number(values.workers);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-bench-queue-'));
  const input = path.join(dir, 'pubmed26n9999.xml.gz');
  await synthesize(input, n);
  const mb = gunzipSync(readFileSync(input)).length / 1e6;
  console.log(`input: ${n} records, ${(statSync(input).size / 1e6).toFixed(1)} MB gzip, ${mb.toFixed(1)} MB XML (${input})`);
  const redis = await startRedisServer();
  const procs: ChildProcess[] = [];
  try {
    const t0 = performance.now();
    for (let i = 0; i < workers; i++) procs.push(startWorker(redis.url));
    run(['src/cli/extract.ts', '--queue', redis.url, '--input', input, '--block-records', values['block-records']!, '--run', 'bench', '--quiet']);
    const t1 = performance.now();
    const summary = run(['src/cli/collect.ts', '--queue', redis.url, '--run', 'bench', '--out', path.join(dir, 'queued'), '--ledger', 'none', '--quiet']);
    const t2 = performance.now();
    const docs = readFileSync(path.join(dir, 'queued', 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    const wall = (t2 - t0) / 1000;
    console.log(`queue, ${workers} workers on this machine (${os.cpus().length} cores), blocks of ${values['block-records']} records: ${wall.toFixed(1)} s wall (enqueue ${((t1 - t0) / 1000).toFixed(1)} s, work + collect ${((t2 - t1) / 1000).toFixed(1)} s), ${docs} documents, ${(n / wall).toFixed(0)} records/s`);
    void summary;
    if (values.local) {
      const t3 = performance.now();
      run(['src/cli/extract.ts', '--input', input, '--out', path.join(dir, 'local'), '--ledger', 'none', '--no-cache', '--doc-timeout', '3600', '--quiet']);
      const local = (performance.now() - t3) / 1000;
      const same = spawnSync('diff', ['-r', '-q', path.join(dir, 'local'), path.join(dir, 'queued')]).status === 0;
      console.log(`local npm run extract of the same file: ${local.toFixed(1)} s, ${(n / local).toFixed(0)} records/s; datasets byte-identical: ${same}`);
    }
  } finally {
    const running = procs.filter((p) => p.exitCode === null && p.signalCode === null);
    const exited = running.map((p) => once(p, 'exit'));
    for (const p of running) p.kill('SIGTERM');
    await Promise.all(exited);
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
