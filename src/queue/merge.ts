/**
 * Collected shards → the dataset, as a local run writes it (src/run/run-pipeline.ts): the
 * streaming merge of src/run/merge.ts into a fresh folder, switched in as `<out>` at the end.
 * Shards are numbered in plan order (files in listing order, a file's blocks in record order),
 * so the first document to claim an id is the one a local run keeps.
 */
import { rm } from 'node:fs/promises';
import { checkOutputFolder } from '../check-options.js';
import { sortFailures, type FailedInput } from '../emit/dataset.js';
import { currentVerdicts, readLedger } from '../curate/ledger.js';
import type { PipelineSummary } from '../pipeline.js';
import { writeMergedDataset, type MergeShard } from '../run/merge.js';
import { commitOutput, freshFolder, recoverOutput } from '../run/transaction.js';
import type { RunPlan } from './plan.js';

export interface MergeOptions {
  out: string;
  /** curation ledger to apply (absent: none) */
  ledger?: string;
}

/** Checks `--out` before collecting anything (as extract does). */
export async function checkOut(plan: RunPlan, out: string): Promise<void> {
  if (out.trim()) await recoverOutput(out);
  await checkOutputFolder(out, plan.input);
}

/** `failed`: listing problems, the shards' own failures and jobs that failed for good; `work`: a scratch folder. */
export async function mergeShards(plan: RunPlan, shards: MergeShard[], failed: FailedInput[], options: MergeOptions, work: string): Promise<PipelineSummary> {
  if (!shards.length) return { documents: 0, failed: sortFailures(failed), entities: {}, triples: {}, statements: 0, out: options.out, written: false };
  const ledger = options.ledger ? readLedger(options.ledger) : undefined;
  const curation = ledger && { verdicts: currentVerdicts(ledger.entries), ledger: { file: options.ledger!, sha256: ledger.sha256 } };
  // the manifest lists what the run was planned with; every worker checked it had the same
  const context = { dictionaries: plan.settings.dictionaries, models: plan.settings.model ? [plan.settings.model] : [] };
  const fresh = freshFolder(options.out);
  try {
    await rm(fresh, { recursive: true, force: true });
    const merged = await writeMergedDataset(fresh, shards, failed, context, curation, work);
    await commitOutput(options.out, fresh);
    return { ...merged, out: options.out, written: true };
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}
