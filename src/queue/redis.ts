/**
 * Where a queued run lives in Redis. One BullMQ queue (`biotriples:work`) serves every run, so
 * workers are started once; each job names its run. A run's own keys sit under its run id:
 *   biotriples:run:<run>:plan           JSON: input, settings, listing problems
 *   biotriples:run:<run>:items          list: the work items, in listing order
 *   biotriples:run:<run>:result:<key>   gzip JSON: one item's documents and failures
 *   biotriples:last-run                 the run id enqueued last (collect's default)
 * Job ids are `<run>.<item key>`: enqueuing an item twice adds it once.
 */
import { Redis } from 'ioredis';
import { OptionError } from '../check-options.js';

export const PREFIX = 'biotriples';
export const QUEUE = 'work';

export const keys = {
  plan: (run: string) => `${PREFIX}:run:${run}:plan`,
  items: (run: string) => `${PREFIX}:run:${run}:items`,
  result: (run: string, key: string) => `${PREFIX}:run:${run}:result:${key}`,
  lastRun: `${PREFIX}:last-run`,
};

export const jobId = (run: string, key: string) => `${run}.${key}`;

/** results are kept this long after they are written (collect reads them; a re-collect needs no re-run) */
export const RESULT_TTL_SECONDS = 14 * 24 * 3600;

export function checkRunId(run: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(run)) throw new OptionError('bad-run', `--run must be 1-64 letters, digits, "-" or "_", got "${run}"`);
  return run;
}

/** A connection from `redis://[user:password@]host:port[/db]` (or rediss:// for TLS). */
export function connect(url: string): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OptionError('bad-queue', `--queue must be a URL such as redis://127.0.0.1:6379, got "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new OptionError('bad-queue', `--queue must start with redis:// or rediss://, got "${url}"`);
  // BullMQ's blocking commands need maxRetriesPerRequest null; a refused connection is retried with backoff
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}
