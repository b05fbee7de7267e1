/**
 * The queue on a real redis-server (BIOTRIPLES_SLOW=1; CI installs redis-server): the seed
 * corpus and the PubMed sample (when ../shared is there) enqueued in blocks, two workers, one
 * SIGKILLed in the middle of a job and replaced, then collect: the dataset is byte-identical
 * to a local run of the same input, nothing lost, nothing twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { hasRedisServer, startRedisServer, type RedisServer } from '../../scripts/redis-server.js';

const SLOW = !!process.env.BIOTRIPLES_SLOW;
const SAMPLE = path.resolve('../shared/formats/pubmed-xml/pubmedsample18n0001.xml.gz');
const DATASET = ['entities.jsonl', 'triples.jsonl', 'statements.jsonl', 'documents.jsonl', 'manifest.json', 'annotations.pubtator'];
const TSX = ['--import', 'tsx'];

interface Proc { child: ChildProcess; lines: string[]; name: string }

function startWorker(url: string, name: string): Proc {
  const child = spawn(process.execPath, [...TSX, 'src/cli/worker.ts', '--queue', url, '--lock-ms', '4000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proc: Proc = { child, lines: [], name };
  let rest = '';
  child.stdout!.on('data', (d: Buffer) => {
    const parts = (rest + d.toString()).split('\n');
    rest = parts.pop()!;
    proc.lines.push(...parts);
  });
  child.stderr!.on('data', (d: Buffer) => proc.lines.push(`stderr: ${d}`));
  return proc;
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  for (const start = Date.now(); !check(); ) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A CLI run without blocking this process, so the workers' output keeps being read meanwhile. */
function cli(args: string[], timeout: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...TSX, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d; });
  child.stderr!.on('data', (d: Buffer) => { stderr += d; });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
  return new Promise((resolve) => child.once('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); }));
}

describe.skipIf(!SLOW)('queue over a real redis-server, a worker killed mid-job', () => {
  let redis: RedisServer | undefined;
  const workers: Proc[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-queue-redis-'));
  const input = path.relative(process.cwd(), path.join(dir, 'input'));
  const local = path.join(dir, 'local');
  const queued = path.join(dir, 'queued');
  let killedJob = '';
  let collectOut = '';

  beforeAll(async () => {
    if (!hasRedisServer()) throw new Error('redis-server not found: apt-get install redis-server (.ci/run does)');
    mkdirSync(input, { recursive: true });
    for (const f of readdirSync('corpus').filter((f) => f.endsWith('.md') && f !== 'README.md')) copyFileSync(path.join('corpus', f), path.join(input, f));
    if (existsSync(SAMPLE)) copyFileSync(SAMPLE, path.join(input, path.basename(SAMPLE)));
    redis = await startRedisServer();
    const enqueue = await cli(['src/cli/extract.ts', '--queue', redis.url, '--input', input, '--block-records', '25', '--run', 'killtest', '--ledger', 'none'], 120_000);
    expect(enqueue.status, enqueue.stderr).toBe(0);
    workers.push(startWorker(redis.url, 'A'), startWorker(redis.url, 'B'));
    // kill A the moment it has a job in hand
    const started = () => workers[0].lines.find((l) => / start /.test(l));
    await waitFor(() => !!started(), 120_000, 'worker A to start a job');
    killedJob = started()!.split(' ')[3];
    workers[0].child.kill('SIGKILL');
    workers.push(startWorker(redis.url, 'C'));
    await runPipeline({ input, out: local });
    const collect = await cli(['src/cli/collect.ts', '--queue', redis.url, '--run', 'killtest', '--out', queued, '--ledger', 'none', '--timeout', '240'], 300_000);
    collectOut = collect.stdout + collect.stderr;
    expect(collect.status, collectOut + workers.map((w) => w.lines.join('\n')).join('\n')).toBe(0);
  }, 420_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('writes the dataset a local run writes, byte for byte', () => {
    for (const f of DATASET) expect(readFileSync(path.join(queued, f), 'utf8'), f).toBe(readFileSync(path.join(local, f), 'utf8'));
    if (existsSync(path.join(local, 'texts'))) expect(readdirSync(path.join(queued, 'texts')).sort()).toEqual(readdirSync(path.join(local, 'texts')).sort());
  });

  it('loses nothing and duplicates nothing', () => {
    const docs = readFileSync(path.join(queued, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(docs.filter((d) => d.status !== 'ok')).toEqual([]);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    const records = existsSync(SAMPLE) ? 177 : 0;
    expect(docs.length).toBe(readdirSync(input).filter((f) => f.endsWith('.md')).length + records);
    expect(collectOut).toMatch(/documents \d+ ok, 0 failed/);
  });

  it('gave the killed worker\'s job to another worker, which finished it', () => {
    const others = workers.slice(1).flatMap((w) => w.lines);
    expect(killedJob).toMatch(/^killtest\./);
    expect(workers[0].lines.some((l) => l.includes(`done ${killedJob} `))).toBe(false);
    expect(others.some((l) => l.includes(`start ${killedJob} `))).toBe(true);
    expect(others.some((l) => l.includes(`done ${killedJob} `))).toBe(true);
  });
});

describe.skipIf(!SLOW)('queue over a real redis-server, jobs that fail for good', () => {
  let redis: RedisServer | undefined;
  let worker: Proc | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'biotriples-queue-failed-'));
  const input = path.relative(process.cwd(), path.join(dir, 'input'));
  const out = path.join(dir, 'out');
  let collect: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    if (!hasRedisServer()) throw new Error('redis-server not found: apt-get install redis-server (.ci/run does)');
    mkdirSync(input, { recursive: true });
    copyFileSync('test/fixtures/inputs/paper.md', path.join(input, 'paper.md'));
    copyFileSync('test/fixtures/formats/pubmed-articles.xml', path.join(input, 'pubmed-articles.xml'));
    redis = await startRedisServer();
    const enqueue = await cli(['src/cli/extract.ts', '--queue', redis.url, '--input', input, '--block-records', '1', '--attempts', '2', '--run', 'failtest'], 120_000);
    expect(enqueue.status, enqueue.stderr).toBe(0);
    // the file changes after it was planned: every attempt at its blocks fails, the paper is fine
    appendFileSync(path.join(input, 'pubmed-articles.xml'), '<!-- revised -->\n');
    worker = startWorker(redis.url, 'W');
    collect = await cli(['src/cli/collect.ts', '--queue', redis.url, '--out', out, '--ledger', 'none', '--timeout', '180'], 240_000);
  }, 300_000);

  afterAll(async () => {
    if (worker && worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('reports each failed job as a failed input (file, code, reason) and writes the rest', () => {
    expect(collect.status, collect.stdout + collect.stderr).toBe(2);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.documents).toEqual({ ok: 1, error: 3 });
    const errors = manifest.errors as Array<{ file: string; code: string; reason: string; doc: string }>;
    expect(errors.map((e) => [path.basename(e.file), e.code, e.doc])).toEqual([
      ['pubmed-articles.xml', 'queue-failed', '11111111'], ['pubmed-articles.xml', 'queue-failed', '11111111-2'], ['pubmed-articles.xml', 'queue-failed', '33333333'],
    ]);
    for (const e of errors) expect(e.reason).toMatch(/job failed after 2 attempts: .*changed since the run was enqueued/);
    const docs = readFileSync(path.join(out, 'documents.jsonl'), 'utf8');
    expect(docs).toMatch(/"status":"error","error":"queue-failed: records 1-1 \(PMID 11111111…\): job failed after 2 attempts/);
    expect(collect.stderr).toMatch(/error: .*pubmed-articles\.xml: records 2-2/);
  });

  it('retries with backoff: each failed job was tried twice', () => {
    const failed = worker!.lines.filter((l) => / failed failtest\./.test(l));
    expect(failed.length, worker!.lines.join('\n')).toBe(6);
    const ids = new Set(failed.map((l) => l.split(' ')[3]));
    expect(ids.size).toBe(3);
    for (const id of ids) for (const attempt of [1, 2]) expect(worker!.lines.some((l) => l.includes(`start ${id} `) && l.endsWith(`(attempt ${attempt})`))).toBe(true);
  });
});
