/**
 * Item results → the dataset, as a local run writes it: documents in listing order (file, then
 * place in the file), the first to claim an id keeps it, curation, then emit's writer.
 */
import { checkOutputFolder } from '../check-options.js';
import { sortFailures, writeDataset, type DocumentResult, type FailedInput } from '../emit/dataset.js';
import type { SourceDocument } from '../ingest/document.js';
import { curate, type PipelineSummary } from '../pipeline.js';
import type { Lexicon } from '../tag/dictionary.js';
import { readLedger } from '../curate/ledger.js';
import type { RunPlan } from './plan.js';
import type { ItemResult } from './run-item.js';

export interface MergeOptions {
  out: string;
  /** curation ledger to apply (absent: none) */
  ledger?: string;
}

/**
 * `results` in plan order, one per item, or a failure for an item whose job failed for good.
 * Blocks of one file follow each other in the plan, so listing order is (item, document).
 */
export async function mergeResults(plan: RunPlan, results: Array<ItemResult | FailedInput>, options: MergeOptions): Promise<PipelineSummary> {
  await checkOutputFolder(options.out, plan.input);
  const ledger = options.ledger ? readLedger(options.ledger) : undefined;
  const failed: FailedInput[] = [...plan.problems];
  const kept: DocumentResult[] = [];
  const owner = new Map<string, string>();
  for (const r of results) {
    if (!('documents' in r)) { failed.push(r); continue; }
    failed.push(...r.failures);
    for (const d of r.documents) {
      const first = owner.get(d.record.id);
      if (first === undefined) { owner.set(d.record.id, d.doc.source); kept.push({ ...d, doc: d.doc as SourceDocument }); continue; }
      failed.push({ file: d.doc.source, doc: d.record.id, code: 'duplicate-id', reason: `document id ${d.record.id} is already taken by ${first} (read first): not used` });
    }
  }
  const sorted = sortFailures(failed);
  if (!kept.length) return { documents: 0, failed: sorted, entities: {}, triples: {}, statements: 0, out: options.out, written: false };
  const curation = ledger ? curate(kept, ledger.entries, { file: options.ledger!, sha256: ledger.sha256 }) : undefined;
  // the manifest lists the dictionaries the run was planned with; every worker checked it had the same
  const lexicon = { files: plan.settings.dictionaries } as Lexicon;
  const models = plan.settings.model ? [plan.settings.model] : [];
  return { ...(await writeDataset(options.out, kept, sorted, lexicon, curation, models)), failed: sorted, written: true, curation };
}
