/**
 * A pool worker: loads the lexicon and classifier on its first document, then processes the
 * items the pool posts, one at a time, writing each item's shard itself and posting back a
 * small outcome. It says when it starts an item, when it finishes each document and when it
 * loads the lexicon, so the pool's time budget applies to each document's own work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEngine, lazyEngine } from './engine.js';
import { EngineError, processItem } from './process-item.js';
import { currentThreadId } from './thread-cpu.js';
import { heapTrim } from './heap-trim.js';
import type { SharedLexiconParts } from '../tag/lexicon-share.js';
import type { EngineSpec, WorkItem } from './work-item.js';
import { Progress } from './progress.js';
import type { FromWorker, ToWorker } from './pool.js';

const port = parentPort!;
const data = workerData as { spec: EngineSpec; progress: Int32Array; lexicon?: SharedLexiconParts; lexiconFollows?: boolean };
const progress = new Progress(data.progress);
// the pool's thread may still be loading the lexicon: it posts it when ready
let lexiconArrived: (parts: SharedLexiconParts) => void = () => {};
const lexicon = data.lexicon ?? (data.lexiconFollows ? new Promise<SharedLexiconParts>((r) => { lexiconArrived = r; }) : undefined);
const engine = lazyEngine(() => loadEngine(data.spec, lexicon));
const post = (m: FromWorker) => port.postMessage(m);
// first: the pool's time budget reads this thread's CPU time
post({ type: 'thread', tid: currentThreadId() });
// the heap is trimmed between items, outside any item's time budget
const trim = heapTrim();
// loading starts now, not at the first item (a failure is reported by the item that needs the engine)
engine.get().catch(() => {});

let chain = Promise.resolve();
port.on('message', (m: ToWorker) => {
  if (m.type === 'lexicon') return lexiconArrived(m.lexicon);
  chain = chain.then(() => run(m.item));
});

// counted in shared memory, which the pool reads to restart its time budget per document (so it bounds each document of a multi-document file); only the first is posted, for the start-up figure
let first = true;
const documentDone = () => { progress.end(); if (first) { first = false; post({ type: 'document' }); } };
// before each document: its budget grows with its length
const documentSize = (chars: number) => progress.begin(chars);
// the counts go with it: a document begun before the pool reads this message is still seen as new
const postStart = () => post({ type: 'start', begun: progress.begun, finished: progress.finished });

/** Loading the lexicon is the worker's cost, not the item's: the budget clock stops meanwhile. */
async function loadOnce() {
  if (engine.loaded()) return engine.get();
  post({ type: 'pause' });
  const loaded = await engine.get();
  postStart();
  return loaded;
}

async function run(item: WorkItem): Promise<void> {
  postStart();
  try {
    const outcome = await processItem(item, loadOnce, documentDone, documentSize);
    post({ type: 'done', outcome, context: engine.loaded()?.context });
    trim.afterItem();
  } catch (e) {
    post({ type: 'fatal', message: e instanceof EngineError ? e.message : (e as Error).stack ?? String(e) });
  }
}
