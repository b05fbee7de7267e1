/**
 * What a relation manifest's end-to-end figures were measured with besides the model: the
 * dictionaries and the learned gene tagger (the entities the model is scored on). Recorded by
 * `npm run train`; a fast test compares them with the current files, so a dictionary or tagger
 * change that leaves the figures stale fails `npm test`, not only the slow retrain in CI.
 * Tagger code changes are left to that retrain: a checksum of code would fire on every refactor.
 */
import { DICTIONARIES, fileSha256, folderFingerprint } from '../run/result-cache.js';
import { MODEL_FILE as GENE_TAGGER } from '../tag/learned/switch.js';

export interface MeasuredWith {
  /** sha256 over the dictionary folder's file names and checksums (the result cache's key part) */
  dictionaries: string;
  /** sha256 of models/gene-tagger.json, null when absent */
  geneTagger: string | null;
}

export async function measuredWith(): Promise<MeasuredWith> {
  return { dictionaries: await folderFingerprint(DICTIONARIES), geneTagger: (await fileSha256(GENE_TAGGER)) ?? null };
}

/** The inputs that differ between a manifest's record and now, by name. */
export function staleInputs(recorded: Partial<MeasuredWith> | undefined, now: MeasuredWith): (keyof MeasuredWith)[] {
  return (Object.keys(now) as (keyof MeasuredWith)[]).filter((k) => recorded?.[k] !== now[k]);
}
