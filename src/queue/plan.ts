/**
 * A queued run's plan: the input listed exactly as a local run lists it, cut into work items
 * (one per input file, or one per block of records of a PubMed XML file), each a small
 * serializable description with a key. The key is a content hash of the item plus everything
 * that decides its result (tool version and code identity, dictionary and model checksums, options), so a job
 * that runs twice writes the same result under the same key: overwritten, never duplicated.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '../ingest/document.js';
import { assignDocumentIds } from '../ingest/document-ids.js';
import { listInputs } from '../ingest/ingest.js';
import type { InputLimits } from '../ingest/limits.js';
import { OptionError } from '../check-options.js';
import type { FailedInput } from '../emit/dataset.js';
import type { ModelInfo } from '../model/schemas.js';
import type { EntitySource } from '../tag/given-entities.js';
import type { Lexicon } from '../tag/dictionary.js';
import type { LoadedClassifier } from '../relate/classifier/load.js';
import { currentCode, toolVersion } from '../run/result-cache.js';
import { mayBePubmed, splitPubmedFile, type RecordBlock } from './pubmed-blocks.js';

/** What every item of a run shares: how documents are processed and with which data files. */
export interface RunSettings {
  entities: EntitySource;
  /** null: rules only */
  model: ModelInfo | null;
  dictionaries: Array<{ file: string; rows: number; sha256: string }>;
  limits: InputLimits;
  toolVersion: string;
  /** hash of the extraction code (run/code-identity.ts): machines on other code than the producer's refuse the run */
  code: string | null;
}

export interface WorkItem {
  key: string;
  /** absolute path the worker reads (inputs live on a path every worker machine mounts) */
  path: string;
  /** the path as the dataset names it (relative to the directory the run was enqueued from) */
  source: string;
  /** document id of a single-document file */
  id: string;
  followSymlinks: boolean;
  /** a block of PubMed records; absent: the whole file */
  block?: RecordBlock & { sha256: string; gzip: boolean };
}

export interface RunPlan {
  input: string;
  settings: RunSettings;
  /** listing problems (links, pipes, folders too deep): failures before any job runs */
  problems: FailedInput[];
  /** in listing order, a file's blocks in record order: results merge in this order, as a local run's do */
  items: WorkItem[];
}

export interface PlanOptions {
  input: string;
  settings: RunSettings;
  followSymlinks?: boolean;
  /** records per PubMed block (default 2,000) */
  blockRecords?: number;
}

export const DEFAULT_BLOCK_RECORDS = 2000;

const display = (f: string) => (path.isAbsolute(f) ? path.relative(process.cwd(), f) || f : f);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** sha256 of a file's bytes, or a description of why it cannot be read (the worker reports that as a local run would). */
async function contentOf(file: string, limits: InputLimits): Promise<string> {
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > limits.maxFileBytes) return `unread:${info.size}:${info.mtimeMs}`;
      return createHash('sha256').update(await handle.readFile()).digest('hex');
    } finally {
      await handle.close();
    }
  } catch (e) {
    return `unreadable:${(e as NodeJS.ErrnoException).code}`;
  }
}

export function runSettings(lexicon: Pick<Lexicon, 'files'>, classifier: LoadedClassifier | null, entities: EntitySource, limits: InputLimits): RunSettings {
  return { entities, model: classifier?.info ?? null, dictionaries: lexicon.files, limits, toolVersion, code: currentCode() };
}

export function itemKey(settings: RunSettings, item: Omit<WorkItem, 'key'>, content: string): string {
  return sha256(JSON.stringify({ settings, source: item.source, id: item.id, followSymlinks: item.followSymlinks, content, block: item.block && { first: item.block.first, ids: item.block.ids, start: item.block.start, end: item.block.end } }));
}

/** Lists the input (OptionError when it is missing or empty, as extract does) and cuts it into work items. */
export async function planRun(options: PlanOptions): Promise<RunPlan> {
  const { settings } = options;
  const inputOptions = { followSymlinks: options.followSymlinks, limits: settings.limits };
  const listing = await listInputs(options.input, inputOptions).catch((e: unknown) => {
    throw e instanceof IngestError ? new OptionError('input-not-found', `--input "${options.input}": ${e.reason}`) : e;
  });
  if (!listing.files.length && !listing.problems.length)
    throw new OptionError('input-empty', `--input "${options.input}" holds no papers: nothing to do`);
  const ids = assignDocumentIds(listing.files, listing.root);
  const problems: FailedInput[] = listing.problems.map((e) => ({ file: display(e.file), code: e.code, ...(e.where.position && { position: e.where.position }), reason: e.reason }));
  const items: WorkItem[] = [];
  const blockRecords = options.blockRecords ?? DEFAULT_BLOCK_RECORDS;
  for (const file of listing.files) {
    const base = { path: path.resolve(file), source: display(file), id: ids.get(file)!, followSymlinks: !!options.followSymlinks || listing.single };
    const split = mayBePubmed(file) && (await fileSize(file)) <= settings.limits.maxFileBytes ? await splitPubmedFile(file, blockRecords, settings.limits.maxInflatedBytes) : undefined;
    if (split) {
      for (const b of split.blocks) {
        const item = { ...base, block: { ...b, sha256: split.sha256, gzip: split.gzip } };
        items.push({ key: itemKey(settings, item, split.sha256), ...item });
      }
    } else items.push({ key: itemKey(settings, base, await contentOf(file, settings.limits)), ...base });
  }
  return { input: options.input, settings, problems, items };
}

async function fileSize(file: string): Promise<number> {
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try { return (await handle.stat()).size; } finally { await handle.close(); }
  } catch {
    return Infinity;
  }
}
