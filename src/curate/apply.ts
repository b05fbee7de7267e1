/**
 * Applies the verdicts in force to a run's triples (between relate and emit): rejected triples are
 * left out and listed, accepted ones carry `curation`, corrected ones take the curator's
 * predicate (when its argument types allow it) and keep the extractor's as `curation.extracted`.
 * The triple id does not change, so the verdict keeps matching in later runs.
 */
import type { Manifest, Triple } from '../model/schemas.js';
import { allowedArguments } from '../relate/predicates.js';
import type { LedgerEntry } from './ledger.js';

export type CurationSummary = NonNullable<Manifest['curation']>;

export function applyCuration(triples: Triple[], verdicts: Map<string, LedgerEntry>, ledger: { file: string; sha256: string }): { triples: Triple[]; summary: CurationSummary } {
  const summary: CurationSummary = { ledger: ledger.file, sha256: ledger.sha256, accepted: 0, corrected: 0, rejected: [], ignored: [], unmatched: 0 };
  const kept: Triple[] = [];
  const seen = new Set<string>();
  for (const t of triples) {
    const v = verdicts.get(t.id);
    if (!v) { kept.push(t); continue; }
    seen.add(t.id);
    const who = { curator: v.curator, timestamp: v.timestamp, ...(v.reason ? { reason: v.reason } : {}) };
    if (v.verdict === 'reject') {
      summary.rejected.push({ id: t.id, doc: t.doc, predicate: t.predicate, subject: t.subject.text, object: t.object.text, reason: v.reason ?? '', curator: v.curator, timestamp: v.timestamp });
    } else if (v.verdict === 'accept') {
      summary.accepted++;
      kept.push({ ...t, curation: { verdict: 'accepted', ...who } });
    } else if (!allowedArguments(v.predicate!, t.subject.type, t.object.type)) {
      summary.ignored.push({ id: t.id, reason: `correction to ${v.predicate} does not fit ${t.subject.type} → ${t.object.type}` });
      kept.push(t);
    } else {
      summary.corrected++;
      kept.push({ ...t, predicate: v.predicate!, curation: { verdict: 'corrected', ...who, extracted: t.predicate } });
    }
  }
  summary.unmatched = [...verdicts.keys()].filter((id) => !seen.has(id)).length;
  summary.rejected.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.id < b.id ? -1 : 1));
  return { triples: kept, summary };
}
