/**
 * One work item, start to finish in one thread: ingest the file, run every document through
 * `processDocument`, validate the rows and write them as the item's shard. Problems with the
 * file or one of its documents become failures in the shard; nothing is thrown for bad input.
 */
import { IngestError } from '../ingest/document.js';
import { ingestFile } from '../ingest/ingest.js';
import { Entity, Triple } from '../model/schemas.js';
import { checked, savesText, type FailedInput } from '../emit/dataset.js';
import { processDocument } from '../pipeline.js';
import type { Engine } from './engine.js';
import { writeShard, type ShardDocument } from './shard.js';
import { burnCpu } from './thread-cpu.js';
import { asFailure, type WorkItem } from './work-item.js';

export interface ItemOutcome {
  key: string;
  index: number;
  file: string;
  shard?: string;
  documents: number;
  chars: number;
  failures: FailedInput[];
  /** false for failures that depend on the machine (time, memory): never cached */
  cacheable: boolean;
}



/** The lexicon or classifier failed to load: every item would fail, so the run stops. */
export class EngineError extends Error {}

/** `onDocument` is called after each document (the run's start-up figure is its first call), `onDocumentSize` before each, with its length. */
export async function processItem(item: WorkItem, engine: () => Promise<Engine>, onDocument?: () => void, onDocumentSize?: (chars: number) => void): Promise<ItemOutcome> {
  const docs: ShardDocument[] = [];
  const failures: FailedInput[] = [];
  try {
    const ingested = await ingestFile(item.file, { followSymlinks: item.followSymlinks, limits: item.limits, id: item.id });
    await runTestHook(item);
    // a lexicon or model that cannot load is the run's problem, not this file's: it is thrown
    const { lexicon, options } = ingested.documents.length ? await engine().catch((e: Error) => { throw new EngineError(e.message); }) : ({} as Engine);
    ingested.documents.forEach((doc, k) => {
      onDocumentSize?.(doc.text.length);
      if (item.testHook?.documentBusyMs) burnCpu(item.testHook.documentBusyMs);
      try {
        const r = processDocument(doc, lexicon, options);
        docs.push({ k, id: r.record.id, source: doc.source, record: r.record, entities: checked(Entity, r.entities, 'entity'), triples: checked(Triple, r.triples, 'triple'), text: doc.text, saveText: savesText(doc) });
      } catch (e) {
        // a fault the pipeline hits on one document fails that document; the file's other documents go on
        failures.push({ file: item.file, doc: doc.id, code: 'failed', reason: `processing failed (${(e as Error).message})` });
      }
      onDocument?.();
    });
    failures.push(...ingested.problems.map(asFailure));
  } catch (e) {
    if (e instanceof EngineError) throw e;
    const err = e instanceof IngestError ? e : new IngestError(item.file, 'failed', (e as Error).message);
    failures.push({ ...asFailure(err), doc: item.id });
  }
  const header = await writeShard(item.shard, item.file, docs, failures);
  return { key: item.key, index: item.index, file: item.file, shard: item.shard, documents: docs.length, chars: header.chars, failures, cacheable: true };
}

/** Test-only (WorkItem.testHook): a file that works too long (CPU), waits too long or takes too much memory (documentBusyMs: each of its documents works that long, above). */
async function runTestHook(item: WorkItem): Promise<void> {
  if (!item.testHook) return;
  if (item.testHook.busyMs) burnCpu(item.testHook.busyMs);
  if (item.testHook.idleMs) await new Promise((r) => setTimeout(r, item.testHook!.idleMs));
  if (item.testHook.exhaustMemory) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1 << 20).fill(hoard.length + 0.5));
  }
}
