/**
 * Collect a queued run: wait until every item has a result or a job that failed for good, then
 * merge the results in listing order into the dataset a local run of the same input writes.
 * A failed job becomes a failure row (file, code `queue-failed`, reason with the last error),
 * like any input that could not be read.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { FailedInput } from '../emit/dataset.js';
import type { PipelineSummary } from '../pipeline.js';
import { checkOut, mergeShards, type MergeOptions } from './merge.js';
import { readShardHeader } from '../run/shard.js';
import type { MergeShard } from '../run/merge.js';
import { workFolder } from '../run/transaction.js';
import type { RunPlan, WorkItem } from './plan.js';
import type { JobData } from './producer.js';
import { jobId, keys, PREFIX, QUEUE } from './redis.js';
import { decodeShard } from './run-item.js';

export class CollectError extends Error {}

export interface CollectOptions extends MergeOptions {
  run?: string;
  /** give up (writing nothing) when items are still unfinished after this many ms (default: wait for ever) */
  timeoutMs?: number;
  pollMs?: number;
  onProgress?: (finished: number, total: number) => void;
}

export async function loadPlan(redis: Redis, run: string): Promise<RunPlan> {
  const header = await redis.get(keys.plan(run));
  if (!header) throw new CollectError(`no run "${run}" in this Redis (enqueue it with npm run extract -- --queue …)`);
  const items: WorkItem[] = [];
  const total = JSON.parse(header).items as number;
  for (let i = 0; i < total; i += 1000) items.push(...(await redis.lrange(keys.items(run), i, i + 999)).map((s) => JSON.parse(s) as WorkItem));
  if (items.length !== total) throw new CollectError(`run "${run}": the plan lists ${total} items, Redis holds ${items.length}`);
  return { ...JSON.parse(header), items };
}

const blockText = (item: WorkItem) => item.block ? `records ${item.block.first + 1}-${item.block.first + item.block.ids.length} (PMID ${item.block.ids[0]}…): ` : '';

const failure = (item: WorkItem, code: string, reason: string): FailedInput =>
  ({ file: item.source, doc: item.block ? item.block.ids[0] : item.id, code, reason: `${blockText(item)}${reason}` });

/** Where each item stands: a result stored, a job failed for good (its failure row), or still to come. */
async function settle(redis: Redis, queue: Queue<JobData>, run: string, items: WorkItem[]): Promise<Map<string, FailedInput | 'done'>> {
  const settled = new Map<string, FailedInput | 'done'>();
  // in batches, each sent at once (one round trip per batch, not per item: a PubMed-sized run has thousands)
  for (let i = 0; i < items.length; i += 1000) {
    const batch = items.slice(i, i + 1000);
    const exists = await Promise.all(batch.map((item) => redis.exists(keys.result(run, item.key))));
    const open = batch.filter((_, n) => !exists[n]);
    batch.forEach((item, n) => { if (exists[n]) settled.set(item.key, 'done'); });
    const states = await Promise.all(open.map((item) => queue.getJobState(jobId(run, item.key))));
    for (const [n, item] of open.entries()) {
      // no job: finished (and removed) since the result was looked for, or lost
      if (states[n] === 'unknown') settled.set(item.key, (await redis.exists(keys.result(run, item.key))) ? 'done' : failure(item, 'queue-lost', 'no result and no job in the queue (enqueue the run again to redo it)'));
      else if (states[n] === 'failed') {
        const job = await queue.getJob(jobId(run, item.key));
        settled.set(item.key, failure(item, 'queue-failed', `job failed after ${job?.attemptsMade} attempts: ${job?.failedReason}`));
      }
    }
  }
  return settled;
}

export async function collectRun(redis: Redis, options: CollectOptions): Promise<PipelineSummary & { run: string }> {
  const run = options.run ?? (await redis.get(keys.lastRun));
  if (!run) throw new CollectError('no run enqueued in this Redis yet (pass --run or enqueue one)');
  const plan = await loadPlan(redis, run);
  await checkOut(plan, options.out);
  const queue = new Queue<JobData>(QUEUE, { connection: redis, prefix: PREFIX });
  const outcome = new Map<string, FailedInput | 'done'>();
  const started = Date.now();
  try {
    for (;;) {
      const pending = plan.items.filter((i) => !outcome.has(i.key));
      for (const [key, state] of await settle(redis, queue, run, pending)) outcome.set(key, state);
      options.onProgress?.(outcome.size, plan.items.length);
      if (outcome.size === plan.items.length) break;
      if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs)
        throw new CollectError(`run ${run}: ${plan.items.length - outcome.size} of ${plan.items.length} items still unfinished after ${Math.round(options.timeoutMs / 1000)} s (are workers running? npm run worker -- --queue …): nothing written`);
      await new Promise((r) => setTimeout(r, options.pollMs ?? 1000));
    }
  } finally {
    await queue.close();
  }
  // each result becomes a shard on local disk, one at a time; the merge streams them
  const work = workFolder(options.out);
  try {
    await mkdir(path.join(work, 'shards'), { recursive: true });
    const failed: FailedInput[] = [...plan.problems];
    const shards: MergeShard[] = [];
    for (const [index, item] of plan.items.entries()) {
      const state = outcome.get(item.key)!;
      if (state !== 'done') { failed.push(state); continue; }
      const stored = await redis.getBuffer(keys.result(run, item.key));
      if (!stored) throw new CollectError(`run ${run}: the result of ${item.source} ${blockText(item)}expired or was deleted while collecting`);
      const shard = path.join(work, 'shards', `${index}.jsonl`);
      await writeFile(shard, decodeShard(stored));
      const header = await readShardHeader(shard);
      failed.push(...header.failures);
      if (header.records.length) shards.push({ index, file: item.source, shard });
    }
    return { ...(await mergeShards(plan, shards, failed, options, path.join(work, 'merge'))), run };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
