/**
 * Keeps a worker's heap near its live size between items. An item's results live until its
 * shard is written, so they outlive young-generation collections and end up as old-generation
 * garbage; with the 4 GB limit that --doc-memory allows one document, V8 lets that garbage pile
 * up for dozens of items before it collects (a worker's heap grew by ~2 MB per 100 abstracts,
 * to 250 MB and more), and the process's peak RSS grew with the input. After an item, once the
 * heap has grown `headroomMb` past what the last collection left, this runs a full collection
 * itself. The limit (and so what one document may use) is unchanged.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** heap growth past the last collection's live size that triggers one (MB) */
export const HEAP_HEADROOM_MB = 48;

export interface HeapTrim {
  /** after an item: collects when the heap has grown past the headroom; true when it did */
  afterItem: () => boolean;
  collections: () => number;
}

let collect: (() => void) | undefined;
/** V8's full collection, exposed at run time (a flag set now applies to contexts made after it) */
function fullCollection(): () => void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  return collect;
}

export function heapTrim(headroomMb = HEAP_HEADROOM_MB, used = () => v8.getHeapStatistics().used_heap_size): HeapTrim {
  const headroom = headroomMb * 2 ** 20;
  let live: number | undefined;
  let count = 0;
  return {
    afterItem: () => {
      const now = used();
      // the first item sets the baseline: the engine (lexicon view, models) is loaded by then
      if (live === undefined) { fullCollection()(); count++; live = used(); return true; }
      if (now - live < headroom) return false;
      fullCollection()();
      count++;
      live = used();
      return true;
    },
    collections: () => count,
  };
}
