/**
 * Acceptance rate of each rule (and model) from the verdicts in force: accepted / all verdicts,
 * with corrections and rejections counted apart. The rule is the one the curator saw.
 */
import type { LedgerEntry } from './ledger.js';

export interface RuleAcceptance { rule: string; accepted: number; corrected: number; rejected: number; total: number; rate: number }

export function ruleAcceptance(verdicts: Iterable<LedgerEntry>): RuleAcceptance[] {
  const rows = new Map<string, RuleAcceptance>();
  for (const v of verdicts) {
    const rule = v.rule ?? '(unknown rule)';
    const row = rows.get(rule) ?? { rule, accepted: 0, corrected: 0, rejected: 0, total: 0, rate: 0 };
    row.total++;
    if (v.verdict === 'accept') row.accepted++;
    else if (v.verdict === 'correct') row.corrected++;
    else row.rejected++;
    rows.set(rule, row);
  }
  return [...rows.values()].map((r) => ({ ...r, rate: Math.round((r.accepted / r.total) * 1000) / 10 })).sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : 1));
}

export function renderAcceptance(rows: RuleAcceptance[], ledger: string): string {
  if (!rows.length) return `curation: no verdicts in ${ledger}`;
  const w = Math.max(4, ...rows.map((r) => r.rule.length));
  const all = rows.reduce((s, r) => ({ accepted: s.accepted + r.accepted, total: s.total + r.total }), { accepted: 0, total: 0 });
  return [
    `acceptance per rule (verdicts in force in ${ledger}; accepted / all):`,
    `  ${'rule'.padEnd(w)}  accepted  corrected  rejected  total  rate%`,
    ...rows.map((r) => `  ${r.rule.padEnd(w)}  ${String(r.accepted).padStart(8)}  ${String(r.corrected).padStart(9)}  ${String(r.rejected).padStart(8)}  ${String(r.total).padStart(5)}  ${r.rate.toFixed(1).padStart(5)}`),
    `  ${'all'.padEnd(w)}  ${String(all.accepted).padStart(8)}  ${''.padStart(9)}  ${''.padStart(8)}  ${String(all.total).padStart(5)}  ${((all.accepted / all.total) * 100).toFixed(1).padStart(5)}`,
  ].join('\n');
}
