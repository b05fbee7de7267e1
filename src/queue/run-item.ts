/**
 * One work item → its result: the documents it gives (processed) and the failures it records,
 * exactly what a local run does for the same file or records (src/pipeline.ts). Bad input is a
 * result (a failure row), not a job error; a job error is only what another attempt may cure
 * (a file that changed since it was planned, a worker with other dictionaries).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { IngestError, type SourceDocument } from '../ingest/document.js';
import { ingestFile } from '../ingest/ingest.js';
import { tooLongReason } from '../ingest/limits.js';
import { savesText, type FailedInput } from '../emit/dataset.js';
import { Entity, Triple } from '../model/schemas.js';
import { processDocument } from '../pipeline.js';
import type { RelationClassifier } from '../relate/classifier/relation-model.js';
import type { Lexicon } from '../tag/dictionary.js';
import { writeShard, type ShardDocument, type ShardHeader } from '../run/shard.js';
import { readBlockDocuments } from './pubmed-blocks.js';
import type { RunSettings, WorkItem } from './plan.js';

export class WrongWorker extends Error {}

const asFailure = (e: IngestError, source: string): FailedInput => ({ file: source, ...(e.where.doc !== undefined && { doc: e.where.doc }), code: e.code, ...(e.where.position && { position: e.where.position }), reason: e.reason });

/** Refuses to run an item with other dictionaries, another model or other code than the run was planned with. */
export function checkWorker(settings: RunSettings, mine: RunSettings): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(settings.dictionaries, mine.dictionaries)) throw new WrongWorker('this worker loaded other dictionaries than the run was enqueued with (sha256 differ): start it with the same dictionaries');
  if (!same(settings.model, mine.model)) throw new WrongWorker(`this worker has model ${mine.model?.sha256.slice(0, 12) ?? 'none'}, the run expects ${settings.model?.sha256.slice(0, 12) ?? 'none (rules only)'}`);
  if (settings.toolVersion !== mine.toolVersion) throw new WrongWorker(`this worker runs biotriples ${mine.toolVersion}, the run was enqueued with ${settings.toolVersion}`);
  if (settings.code !== mine.code) throw new WrongWorker(`this worker runs other code (${mine.code?.slice(0, 12) ?? 'unknown'}) than the run was enqueued with (${settings.code?.slice(0, 12) ?? 'unknown'}): check out the same commit`);
}

export interface ItemContext {
  settings: RunSettings;
  lexicon: Lexicon;
  classifier: RelationClassifier | null;
  /** called between documents: a worker yields there so its job lock is renewed during long items */
  between?: () => Promise<void>;
}

/** The item's documents, or the failure that stops the whole file (as a local run records it). */
async function readItem(item: WorkItem, settings: RunSettings): Promise<{ docs: SourceDocument[]; failures: FailedInput[] }> {
  // a block's file that changed or vanished is thrown: another attempt (or another machine) may do better
  if (item.block) {
    // a record past the character cap fails alone, as in whole-file ingest (structured.ts)
    const docs = await readBlockDocuments(item.path, item.source, item.block, item.block);
    const tooLong = (d: SourceDocument) => d.text.length > settings.limits.maxDocumentChars;
    const failures = docs.filter(tooLong).map((d) => asFailure(new IngestError(item.source, 'too-large', tooLongReason(d.text.length, settings.limits), { doc: d.id }), item.source));
    return { docs: docs.filter((d) => !tooLong(d)), failures };
  }
  try {
    const ingested = await ingestFile(item.path, { followSymlinks: item.followSymlinks, limits: settings.limits, id: item.id });
    return { docs: ingested.documents.map((d) => ({ ...d, source: item.source })), failures: ingested.problems.map((e) => asFailure(e, item.source)) };
  } catch (e) {
    const err = e instanceof IngestError ? e : new IngestError(item.source, 'failed', (e as Error).message);
    return { docs: [], failures: [{ ...asFailure(err, item.source), doc: item.id }] };
  }
}

/** Runs one item and writes its result as a shard (src/run/shard.ts), the format the streaming merge reads. */
export async function runItem(item: WorkItem, ctx: ItemContext, shard: string): Promise<ShardHeader> {
  const { docs, failures } = await readItem(item, ctx.settings);
  const rows: ShardDocument[] = [];
  for (const [k, doc] of docs.entries()) {
    const r = processDocument(doc, ctx.lexicon, { classifier: ctx.classifier, entities: ctx.settings.entities });
    rows.push({ k, id: r.record.id, source: item.source, record: r.record, entities: r.entities.map((e) => Entity.parse(e)), triples: r.triples.map((t) => Triple.parse(t)), text: doc.text, saveText: savesText(doc) });
    await ctx.between?.();
  }
  return writeShard(shard, item.source, rows, failures);
}

/** Shards travel compressed: JSON rows shrink about tenfold. */
export const encodeShard = (bytes: Buffer): Buffer => gzipSync(bytes, { level: 6 });
export const decodeShard = (stored: Buffer): Buffer => gunzipSync(stored);
