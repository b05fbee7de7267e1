/**
 * The order the pool hands out items, and how many wait behind a busy worker. Two workers on two
 * cores finish together only if no long item starts last and no item waits behind a busy worker
 * while another runs out of work.
 */
import type { WorkItem } from './work-item.js';

/** Largest input files first (listing order among equals, or where sizes are unknown). */
export function largestFirst(items: WorkItem[]): WorkItem[] {
  return [...items].sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0));
}

/**
 * Whether a worker with `inflight` items may be sent one more now: its first always; one to wait
 * behind a busy worker only while more remain than there are workers, so that near the end every
 * remaining item goes to the first worker that is free.
 */
export function maySend(inflight: number, perWorker: number, queued: number, workers: number): boolean {
  if (!queued || inflight >= perWorker) return false;
  return inflight === 0 || queued > workers;
}
