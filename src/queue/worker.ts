/**
 * A queue worker: takes jobs from any run, processes the item and stores its result under the
 * item's key (SET overwrites: a job that runs twice, after a crash or a lost lock, leaves one
 * result). Documents are processed one after another with a yield between them, so BullMQ can
 * renew the job's lock while a long block of records runs; a worker killed mid-job loses its
 * lock, and the stalled-job check gives the job to another worker.
 */
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { LoadedClassifier } from '../relate/classifier/load.js';
import type { Lexicon } from '../tag/dictionary.js';
import { runSettings } from './plan.js';
import type { JobData } from './producer.js';
import { keys, PREFIX, QUEUE, RESULT_TTL_SECONDS } from './redis.js';
import { checkWorker, encodeShard, runItem } from './run-item.js';

export interface WorkerOptions {
  lexicon: Lexicon;
  classifier: LoadedClassifier | null;
  /** jobs processed at once by this process (default 1: one process per core) */
  concurrency?: number;
  /** ms a job's lock lasts without renewal before another worker may take it (default 30,000) */
  lockMs?: number;
  log?: (line: string) => void;
}

const describe = (job: Job<JobData>) => {
  const { item } = job.data;
  return item.block ? `${item.source} records ${item.block.first + 1}-${item.block.first + item.block.ids.length}` : item.source;
};

export function startWorker(connection: Redis, options: WorkerOptions): Worker<JobData> {
  const log = options.log ?? (() => {});
  const lockDuration = options.lockMs ?? 30_000;
  const between = () => new Promise<void>((resolve) => setImmediate(resolve));
  // a job's shard is written here, then stored in Redis and removed
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'biotriples-worker-'));
  const worker = new Worker<JobData>(QUEUE, async (job) => {
    const { run, item, settings } = job.data;
    const mine = runSettings(options.lexicon, settings.model ? options.classifier : null, settings.entities, settings.limits);
    try {
      checkWorker(settings, mine);
    } catch (e) {
      // a worker set up differently would fail every job of the run: it stops taking jobs (this one is retried elsewhere)
      log(`stopping: ${(e as Error).message}`);
      void worker.close();
      throw e;
    }
    log(`start ${job.id} ${describe(job)} (attempt ${job.attemptsMade + 1})`);
    const shard = path.join(scratch, `${item.key}.jsonl`);
    try {
      const header = await runItem(item, { settings, lexicon: options.lexicon, classifier: settings.model ? options.classifier : null, between }, shard);
      await connection.set(keys.result(run, item.key), encodeShard(await readFile(shard)), 'EX', RESULT_TTL_SECONDS);
      log(`done ${job.id} ${header.records.length} documents, ${header.failures.length} failures`);
      return { documents: header.records.length, failures: header.failures.length };
    } finally {
      await rm(shard, { force: true });
    }
  }, {
    connection, prefix: PREFIX, concurrency: options.concurrency ?? 1,
    // a job whose worker lost its lock twice (killed, or stuck past the lock) is put back; a third time it fails
    lockDuration, stalledInterval: Math.max(1000, Math.round(lockDuration / 2)), maxStalledCount: 2,
  });
  worker.on('closed', () => rm(scratch, { recursive: true, force: true }));
  worker.on('failed', (job, err) => log(`failed ${job?.id} (attempt ${job?.attemptsMade}): ${err.message}`));
  return worker;
}
