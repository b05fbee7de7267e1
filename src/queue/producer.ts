/**
 * Enqueue a planned run: the plan goes to Redis under the run id, then one job per work item
 * whose result is not there yet. Jobs are retried with exponential backoff; a job that uses up
 * its attempts stays in BullMQ's failed set, where collect finds it. Enqueuing the same run
 * again adds nothing twice and retries the failed jobs.
 */
import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunPlan, WorkItem } from './plan.js';
import { jobId, keys, PREFIX, QUEUE } from './redis.js';

export interface JobData {
  run: string;
  item: WorkItem;
  settings: RunPlan['settings'];
}

export interface EnqueueOptions {
  /** run id (default: derived from the plan, so enqueuing the same input twice is one run) */
  run?: string;
  /** attempts per job before it lands in the failed set (default 3) */
  attempts?: number;
  /** first retry delay in ms, doubled each attempt (default 2,000) */
  backoffMs?: number;
}

export interface EnqueueSummary {
  run: string;
  items: number;
  added: number;
  /** items whose result was already stored by an earlier enqueue of this run */
  done: number;
  /** failed jobs of an earlier enqueue put back to wait */
  retried: number;
}

/** The default run id: a hash of the plan (items and settings), so the same input and settings name the same run. */
export const planRunId = (plan: RunPlan): string =>
  'r' + createHash('sha256').update(JSON.stringify({ items: plan.items.map((i) => i.key), problems: plan.problems })).digest('hex').slice(0, 15);

export async function enqueueRun(redis: Redis, plan: RunPlan, options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const run = options.run ?? planRunId(plan);
  const { items, ...header } = plan;
  const tx = redis.multi().set(keys.plan(run), JSON.stringify({ ...header, items: items.length })).del(keys.items(run));
  for (let i = 0; i < items.length; i += 1000) tx.rpush(keys.items(run), ...items.slice(i, i + 1000).map((x) => JSON.stringify(x)));
  await tx.set(keys.lastRun, run).exec();

  const queue = new Queue<JobData>(QUEUE, { connection: redis, prefix: PREFIX });
  try {
    const summary: EnqueueSummary = { run, items: items.length, added: 0, done: 0, retried: 0 };
    const todo: WorkItem[] = [];
    for (const item of items) {
      if (await redis.exists(keys.result(run, item.key))) { summary.done++; continue; }
      const job = await queue.getJob(jobId(run, item.key));
      if (job && (await job.getState()) === 'failed') { await job.retry('failed'); summary.retried++; continue; }
      if (!job) todo.push(item);
    }
    const opts = {
      attempts: options.attempts ?? 3,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 2000 },
      // a finished job's result is stored under the run, so the job itself is dropped; failed ones stay for collect
      removeOnComplete: true,
      removeOnFail: false,
    };
    for (let i = 0; i < todo.length; i += 500) {
      const batch = todo.slice(i, i + 500);
      await queue.addBulk(batch.map((item) => ({ name: 'item', data: { run, item, settings: plan.settings }, opts: { ...opts, jobId: jobId(run, item.key) } })));
      summary.added += batch.length;
    }
    return summary;
  } finally {
    await queue.close();
  }
}
