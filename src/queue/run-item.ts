/**
 * One work item → its result: the documents it gives (processed) and the failures it records,
 * exactly what a local run does for the same file or records (src/pipeline.ts). Bad input is a
 * result (a failure row), not a job error; a job error is only what another attempt may cure
 * (a file that changed since it was planned, a worker with other dictionaries).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { IngestError, type SourceDocument } from '../ingest/document.js';
import { ingestFile } from '../ingest/ingest.js';
import type { DocumentResult, FailedInput } from '../emit/dataset.js';
import { processDocument } from '../pipeline.js';
import type { RelationClassifier } from '../relate/classifier/relation-model.js';
import type { Lexicon } from '../tag/dictionary.js';
import { readBlockDocuments } from './pubmed-blocks.js';
import type { RunSettings, WorkItem } from './plan.js';

/** What a result keeps of a document: what the dataset writer reads (the text for PubTator and saved texts). */
export type StoredDocument = Pick<SourceDocument, 'id' | 'source' | 'format' | 'encoding' | 'text' | 'sha256'>;
export type StoredResult = Omit<DocumentResult, 'doc'> & { doc: StoredDocument };

export interface ItemResult {
  key: string;
  documents: StoredResult[];
  failures: FailedInput[];
}

export class WrongWorker extends Error {}

const asFailure = (e: IngestError, source: string): FailedInput => ({ file: source, ...(e.where.doc !== undefined && { doc: e.where.doc }), code: e.code, ...(e.where.position && { position: e.where.position }), reason: e.reason });

/** Refuses to run an item with other dictionaries or another model than the run was planned with. */
export function checkWorker(settings: RunSettings, mine: RunSettings): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(settings.dictionaries, mine.dictionaries)) throw new WrongWorker('this worker loaded other dictionaries than the run was enqueued with (sha256 differ): start it with the same dictionaries');
  if (!same(settings.model, mine.model)) throw new WrongWorker(`this worker has model ${mine.model?.sha256.slice(0, 12) ?? 'none'}, the run expects ${settings.model?.sha256.slice(0, 12) ?? 'none (rules only)'}`);
  if (settings.toolVersion !== mine.toolVersion) throw new WrongWorker(`this worker runs biotriples ${mine.toolVersion}, the run was enqueued with ${settings.toolVersion}`);
}

export interface ItemContext {
  settings: RunSettings;
  lexicon: Lexicon;
  classifier: RelationClassifier | null;
  /** called between documents: a worker yields there so its job lock is renewed during long items */
  between?: () => Promise<void>;
}

export async function runItem(item: WorkItem, ctx: ItemContext): Promise<ItemResult> {
  const documents: StoredResult[] = [];
  const failures: FailedInput[] = [];
  let docs: SourceDocument[];
  if (item.block) docs = await readBlockDocuments(item.path, item.source, item.block, item.block);
  else {
    try {
      const ingested = await ingestFile(item.path, { followSymlinks: item.followSymlinks, limits: ctx.settings.limits, id: item.id });
      docs = ingested.documents.map((d) => ({ ...d, source: item.source }));
      failures.push(...ingested.problems.map((e) => asFailure(e, item.source)));
    } catch (e) {
      const err = e instanceof IngestError ? e : new IngestError(item.source, 'failed', (e as Error).message);
      return { key: item.key, documents, failures: [{ ...asFailure(err, item.source), doc: item.id }] };
    }
  }
  for (const doc of docs) {
    const { doc: d, ...rest } = processDocument(doc, ctx.lexicon, { classifier: ctx.classifier, entities: ctx.settings.entities });
    documents.push({ ...rest, doc: { id: d.id, source: d.source, format: d.format, ...(d.encoding !== undefined && { encoding: d.encoding }), text: d.text, sha256: d.sha256 } });
    await ctx.between?.();
  }
  return { key: item.key, documents, failures };
}

/** Results travel compressed: JSON of entities and triples shrinks about tenfold. */
export const encodeResult = (r: ItemResult): Buffer => gzipSync(JSON.stringify(r), { level: 6 });
export const decodeResult = (b: Buffer): ItemResult => JSON.parse(gunzipSync(b).toString('utf8'));
