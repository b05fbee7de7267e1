/**
 * A worker_threads pool: each worker loads the lexicon and classifier once and processes items.
 * Back-pressure: at most `perWorker` items are posted to a worker at a time, largest first, and none waits
 * behind a busy worker near the end (schedule.ts). Budget: a worker
 * that spends on one document more CPU time than `itemTimeoutMs` plus `msPerMillionChars` per
 * million characters of its text (linear work takes longer on a longer text; CPU time, so a busy
 * machine does not fail good papers), or waits WALL_BUDGET_FACTOR times that, or runs out of its heap
 * (`resourceLimits`), is terminated and replaced; that item becomes a recorded failure and the
 * items queued behind it go back to the pool.
 */
import { Worker } from 'node:worker_threads';
import type { SharedLexiconParts } from '../tag/lexicon-share.js';
import { threadCpuMs } from './thread-cpu.js';
import { Progress } from './progress.js';
import { largestFirst, maySend } from './schedule.js';
import type { RunContext } from './engine.js';
import type { ItemOutcome } from './process-item.js';
import type { EngineSpec, WorkItem } from './work-item.js';

export type ToWorker = { type: 'item'; item: WorkItem } | { type: 'lexicon'; lexicon: SharedLexiconParts };
export type FromWorker =
  /** the worker thread's id, so the pool can read its CPU time (thread-cpu.ts) */
  | { type: 'thread'; tid?: number }
  /** an item (or its work after loading) starts; with the worker's document counts at that moment */
  | { type: 'start'; begun: number; finished: number }
  | { type: 'pause' }
  /** the worker's first document is done (the run's start-up figure); later ones are counted in its `Progress` */
  | { type: 'document' }
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
  /** called when a worker has finished its first document */
  onDocument?: () => void;
  /** a worker's own CPU seconds so far, after each item (`worker`: which one, counting replacements) */
  onWorkerCpu?: (worker: number, cpuS: number) => void;
  /**
   * the lexicon loaded once by this thread, shared with every worker without copying; a promise
   * while this thread loads it: the workers start (modules, models) meanwhile and get it by message
   */
  lexicon?: SharedLexiconParts | Promise<SharedLexiconParts>;
}

/** the clock of one document's budget: the worker thread's CPU time (wall time where it cannot be read), from `start` */
interface Budget { ms: number; cpuStart?: number; wallStart: number }
interface Slot { worker: Worker; inflight: WorkItem[]; timer?: NodeJS.Timeout; stopping: boolean; tid?: number; budget?: Budget; progress: Progress; begun: number; finished: number }

/** how often a running worker's progress and budget are checked (ms) */
export const POLL_MS = 250;

/**
 * A worker that waits, using under IDLE_CPU_SHARE of the time on CPU, for WALL_BUDGET_FACTOR times its
 * budget is stopped too: a hang is not work. A worker starved by a busy machine still gets more
 * (2 cores shared by 20 processes: 10 %), so it runs on until its CPU budget.
 */
export const WALL_BUDGET_FACTOR = 10;
const IDLE_CPU_SHARE = 0.01;

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** Runs every item; `onOutcome` sees each result as it arrives. Resolves with the context the workers loaded (if any did). */
export function runPool(items: WorkItem[], options: PoolOptions, onOutcome: (o: ItemOutcome) => void): Promise<RunContext | undefined> {
  const queue = largestFirst(items);
  const perWorker = options.perWorker ?? 2;
  let remaining = items.length;
  let context: RunContext | undefined;
  const slots: Slot[] = [];
  let lexicon = options.lexicon instanceof Promise ? undefined : options.lexicon;
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
    let spawned = 0;
    const spawn = (): Slot => {
      const id = spawned++;
      const shared = lexicon ? { lexicon } : options.lexicon ? { lexiconFollows: true } : {};
      const progress = new Progress();
      const worker = new Worker(BOOTSTRAP, { workerData: { spec: options.spec, progress: progress.cells, ...shared }, resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } });
      const slot: Slot = { worker, inflight: [], stopping: false, progress, begun: 0, finished: 0 };
      const cpuNow = () => (slot.tid === undefined ? undefined : threadCpuMs(slot.tid));
      // checked when the budget could first run out, then again until it has (CPU time runs slower than the clock on a busy machine)
      const check = () => {
        if (slot.stopping) return;
        // a document begun or ended since the last check: the budget restarts, for the document in progress (with its length) or the gap after one
        const { begun, finished } = slot.progress;
        if (begun !== slot.begun || finished !== slot.finished) {
          slot.begun = begun;
          slot.finished = finished;
          const chars = begun > finished ? slot.progress.chars : 0;
          slot.budget = { ms: options.itemTimeoutMs + ((options.msPerMillionChars ?? 0) * chars) / 1e6, cpuStart: cpuNow(), wallStart: performance.now() };
        }
        const b = slot.budget!;
        const wall = performance.now() - b.wallStart;
        const cpu = b.cpuStart === undefined ? undefined : cpuNow();
        const used = cpu === undefined ? wall : cpu - b.cpuStart!;
        const seconds = Math.round(b.ms / 100) / 10;
        const rule = `--doc-timeout, plus ${(options.msPerMillionChars ?? 0) / 1000} s per million characters`;
        if (used >= b.ms) lose(slot, 'timeout', `a document took more than ${seconds} s${cpu === undefined ? '' : ' of CPU'} (${rule}): the worker was stopped, the file skipped`);
        else if (wall >= b.ms * WALL_BUDGET_FACTOR && used < wall * IDLE_CPU_SHARE) lose(slot, 'timeout', `a document waited more than ${Math.round(wall / 1000)} s without working (${WALL_BUDGET_FACTOR} × its ${seconds} s of CPU; ${rule}): the worker was stopped, the file skipped`);
        else slot.timer = setTimeout(check, Math.min(POLL_MS, Math.max(50, Math.min(b.ms - used, Math.max(b.ms * WALL_BUDGET_FACTOR - wall, 1000)))));
      };
      const arm = (budget: Budget, counts: { begun: number; finished: number }) => {
        clearTimeout(slot.timer);
        slot.budget = budget;
        // the counts when the worker posted: it may have begun a document since, which the check must see as new
        slot.begun = counts.begun;
        slot.finished = counts.finished;
        slot.timer = setTimeout(check, Math.min(POLL_MS, Math.max(0, budget.ms - (performance.now() - budget.wallStart))));
      };
      worker.on('message', (m: FromWorker) => {
        // a stopped worker's queued messages still arrive after terminate(): its lost item is settled already
        if (slot.stopping) return;
        if (m.type === 'thread') {
          slot.tid = m.tid;
        } else if (m.type === 'start') {
          arm({ ms: options.itemTimeoutMs, cpuStart: cpuNow(), wallStart: performance.now() }, m);
        } else if (m.type === 'document') {
          options.onDocument?.();
        } else if (m.type === 'pause') {
          clearTimeout(slot.timer);
        } else if (m.type === 'done') {
          clearTimeout(slot.timer);
          slot.inflight.shift();
          context ??= m.context;
          const cpu = cpuNow();
          if (cpu !== undefined) options.onWorkerCpu?.(id, cpu / 1000);
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
        while (!slot.stopping && maySend(slot.inflight.length, perWorker, queue.length, slots.length)) {
          const item = queue.shift()!;
          slot.inflight.push(item);
          slot.worker.postMessage({ type: 'item', item } satisfies ToWorker);
        }
    };
    for (let i = 0; i < Math.min(options.workers, items.length); i++) slots.push(spawn());
    if (options.lexicon instanceof Promise) options.lexicon.then((parts) => {
      lexicon = parts;
      for (const slot of slots) if (!slot.stopping) slot.worker.postMessage({ type: 'lexicon', lexicon: parts } satisfies ToWorker);
    }, (e: Error) => finish(e));
    dispatch();
  });
}

