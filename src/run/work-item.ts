/**
 * A work item: one input file (later: a block of records of a PubMed baseline file), described
 * by plain data so it can be posted to a worker thread or a queue.
 */
import type { FailedInput } from '../emit/dataset.js';
import type { IngestError } from '../ingest/document.js';
import type { InputLimits } from '../ingest/limits.js';
import type { EntitySource } from '../tag/given-entities.js';

export interface WorkItem {
  /** unique within a run; names the item's shard when results are not cached */
  key: string;
  /** position in the sorted input listing: which document keeps a shared id never depends on timing */
  index: number;
  /** the file as the user sees it (relative to the working directory when possible) */
  file: string;
  /** the document id of a single-document file */
  id: string;
  followSymlinks: boolean;
  limits: InputLimits;
  /** the input file's size: the pool starts large items first */
  bytes?: number;
  /** where the item's shard goes (a cache entry or a file in the run's work folder) */
  shard: string;
  /** test-only: hold the worker this long (ms) / allocate until the heap limit, to exercise the budget */
  testHook?: { busyMs?: number; idleMs?: number; exhaustMemory?: boolean; documentBusyMs?: number };
}

/** What the lexicon and classifier are: enough for any thread to load them the same way. */
export interface EngineSpec {
  /** dictionary folder (default: the repo's dictionaries/) */
  dictionaries?: string;
  /** relation model file, or null for rules only (default: the committed model) */
  model?: string | null;
  entities?: EntitySource;
}

export const asFailure = (e: IngestError): FailedInput => ({ file: e.file, ...(e.where.doc !== undefined && { doc: e.where.doc }), code: e.code, ...(e.where.position && { position: e.where.position }), reason: e.reason });
