/**
 * A worker_threads pool: each worker loads the lexicon and classifier once and processes items.
 * Back-pressure: at most `perWorker` items are posted to a worker at a time. Budget: a worker
 * that works on one document longer than `itemTimeoutMs` plus `msPerMillionChars` per million
 * characters of its text (linear work takes longer on a longer text), or runs out of its heap
 * (`resourceLimits`), is terminated and replaced; that item becomes a recorded failure and the
 * items queued behind it go back to the pool.
 */
import { Worker } from 'node:worker_threads';
import type { SharedLexiconParts } from '../tag/lexicon-share.js';
import type { RunContext } from './engine.js';
import type { ItemOutcome } from './process-item.js';
import type { EngineSpec, WorkItem } from './work-item.js';

export type ToWorker = { type: 'item'; item: WorkItem };
export type FromWorker =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'document' }
  /** a document of this many characters is about to be processed: its budget grows with its length */
  | { type: 'document-size'; chars: number }
  | { type: 'done'; outcome: ItemOutcome; context?: RunContext }
  | { type: 'fatal'; message: string };

export interface PoolOptions {
  workers: number;
  spec: EngineSpec;
  /** per document: counted from the start of an item or the end of its previous document */
  itemTimeoutMs: number;
  /** added to `itemTimeoutMs` per million characters of the document */
  msPerMillionChars?: number;
  /** each worker's old-generation heap limit */
  maxHeapMb: number;
  perWorker?: number;
  /** called when a worker has finished a document */
  onDocument?: () => void;
  /** the lexicon loaded once by this thread, shared with every worker without copying */
  lexicon?: SharedLexiconParts;
}

interface Slot { worker: Worker; inflight: WorkItem[]; timer?: NodeJS.Timeout; stopping: boolean; deadline: number; budgetMs: number }

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** Runs every item; `onOutcome` sees each result as it arrives. Resolves with the context the workers loaded (if any did). */
export function runPool(items: WorkItem[], options: PoolOptions, onOutcome: (o: ItemOutcome) => void): Promise<RunContext | undefined> {
  const queue = [...items];
  const perWorker = options.perWorker ?? 2;
  let remaining = items.length;
  let context: RunContext | undefined;
  const slots: Slot[] = [];
  return new Promise((resolve, reject) => {
    if (!remaining) return resolve(undefined);
    let failed = false;
    const finish = (err?: Error) => {
      if (failed) return;
      if (err) failed = true;
      for (const s of slots) { s.stopping = true; clearTimeout(s.timer); void s.worker.terminate(); }
      if (err) reject(err);
      else resolve(context);
    };
    const settle = (o: ItemOutcome) => {
      onOutcome(o);
      if (--remaining === 0) finish();
    };
    const lose = (slot: Slot, code: string, reason: string) => {
      if (slot.stopping) return;
      slot.stopping = true;
      clearTimeout(slot.timer);
      void slot.worker.terminate();
      const [lost, ...rest] = slot.inflight;
      queue.unshift(...rest);
      slots[slots.indexOf(slot)] = spawn();
      if (lost) settle({ key: lost.key, index: lost.index, file: lost.file, documents: 0, chars: 0, cacheable: false, failures: [{ file: lost.file, doc: lost.id, code, reason }] });
      dispatch();
    };
    const spawn = (): Slot => {
      const worker = new Worker(BOOTSTRAP, { workerData: { spec: options.spec, ...(options.lexicon && { lexicon: options.lexicon }) }, resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } });
      const slot: Slot = { worker, inflight: [], stopping: false, deadline: 0, budgetMs: 0 };
      const arm = (budgetMs: number, deadline: number) => {
        clearTimeout(slot.timer);
        slot.budgetMs = budgetMs;
        slot.deadline = deadline;
        const seconds = Math.round(budgetMs / 100) / 10;
        slot.timer = setTimeout(() => lose(slot, 'timeout', `a document took more than ${seconds} s (--doc-timeout, plus ${(options.msPerMillionChars ?? 0) / 1000} s per million characters): the worker was stopped, the file skipped`), Math.max(0, deadline - performance.now()));
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'document-size') {
          const extra = ((options.msPerMillionChars ?? 0) * m.chars) / 1e6;
          arm(slot.budgetMs + extra, slot.deadline + extra);
        } else if (m.type === 'start' || m.type === 'document') {
          arm(options.itemTimeoutMs, performance.now() + options.itemTimeoutMs);
          if (m.type === 'document') options.onDocument?.();
        } else if (m.type === 'pause') {
          clearTimeout(slot.timer);
        } else if (m.type === 'done') {
          clearTimeout(slot.timer);
          slot.inflight.shift();
          context ??= m.context;
          settle(m.outcome);
          dispatch();
        } else if (m.type === 'fatal') finish(new Error(m.message));
      });
      worker.on('error', (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') lose(slot, 'out-of-memory', `processing needed more than the worker's ${options.maxHeapMb} MB heap (--doc-memory): the worker was stopped, the file skipped`);
        else lose(slot, 'failed', `the worker failed (${e.message})`);
      });
      worker.on('exit', (code) => { if (!slot.stopping) lose(slot, 'failed', `the worker exited (status ${code})`); });
      return slot;
    };
    const dispatch = () => {
      for (const slot of slots)
        while (!slot.stopping && slot.inflight.length < perWorker && queue.length) {
          const item = queue.shift()!;
          slot.inflight.push(item);
          slot.worker.postMessage({ type: 'item', item } satisfies ToWorker);
        }
    };
    for (let i = 0; i < Math.min(options.workers, items.length); i++) slots.push(spawn());
    dispatch();
  });
}

