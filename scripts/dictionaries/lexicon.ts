/**
 * Candidate rows and the per-key resolution shared by the gene, drug and pathway builds.
 * One output row per termKey: the best-ranked candidate wins; a tie between different
 * norms at the best rank is reported as ambiguous (the caller decides whether to drop it).
 */
import { caseForm, termKey } from '../../src/tag/tokens.ts';
import { cmp } from './io.ts';

export type { CaseMode } from '../../src/tag/automaton.ts';
import type { CaseMode } from '../../src/tag/automaton.ts';

export interface Candidate {
  term: string;
  norm: string;
  name: string;
  /** lower = stronger claim on the key */
  rank: number;
  source: string;
  /** forced case (overlay rows, English-word symbols kept in capitals) */
  caseMode?: CaseMode;
}

export interface Row { term: string; norm: string; name: string; case: CaseMode; source: string }

export interface Resolution { rows: Row[]; ambiguous: { key: string; term: string; candidates: Candidate[] }[]; overridden: number }

/** Letters and digits only, as `exact` rows are compared. */
export const letters = (s: string): string => caseForm(s);

/** Default case rule: short strings (<= 4 letters/digits) must match case exactly. */
export const defaultCase = (term: string): CaseMode => (letters(term).length <= 4 ? 'exact' : 'fold');

const upperCount = (s: string): number => { let n = 0; for (const ch of s) if (ch >= 'A' && ch <= 'Z') n++; return n; };

/** Groups candidates by termKey (dropping keys that are empty). */
export function groupByKey(cands: Candidate[]): Map<string, Candidate[]> {
  const byKey = new Map<string, Candidate[]>();
  for (const c of cands) {
    const key = termKey(c.term);
    if (!key) continue;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(c);
  }
  return byKey;
}

export interface ResolveOptions {
  /** may a same-rank tie be broken instead of dropped? returns the winning norm or undefined */
  tieBreak?: (key: string, tied: Candidate[]) => string | undefined;
  /** extra case rule: returns 'fold' to relax a short exact term (e.g. Akt/AKT both attested) */
  caseFor?: (key: string, winner: Candidate, sameNorm: Candidate[]) => CaseMode;
}

export function resolve(cands: Candidate[], opts: ResolveOptions = {}): Resolution {
  const byKey = groupByKey(cands);
  const rows: Row[] = [];
  const ambiguous: Resolution['ambiguous'] = [];
  let overridden = 0;
  for (const key of [...byKey.keys()].sort(cmp)) {
    const list = byKey.get(key)!;
    const best = Math.min(...list.map((c) => c.rank));
    const top = list.filter((c) => c.rank === best);
    let norms = [...new Set(top.map((c) => c.norm))].sort(cmp);
    if (norms.length > 1) {
      const won = opts.tieBreak?.(key, top);
      if (!won) {
        ambiguous.push({ key, term: pickTerm(top), candidates: top });
        continue;
      }
      norms = [won];
    }
    const norm = norms[0];
    if (list.some((c) => c.norm !== norm)) overridden++;
    const sameNorm = list.filter((c) => c.norm === norm);
    const winners = sameNorm.filter((c) => c.rank === best);
    const term = pickTerm(winners);
    const winner = winners.find((c) => c.term === term)!;
    const mode = winner.caseMode ?? opts.caseFor?.(key, winner, sameNorm) ?? defaultCase(term);
    rows.push({ term, norm, name: winner.name, case: mode, source: winner.source });
  }
  rows.sort((a, b) => cmp(a.term, b.term) || cmp(a.norm, b.norm));
  return { rows, ambiguous, overridden };
}

const punct = (s: string): number => s.replace(/[\p{L}\p{N}\s]/gu, '').length;

/**
 * Surface form to print: the preferred name itself, then forced-case rows, then most capitals
 * (gene-symbol style), then least punctuation (HER2/neu over HER-2/neu), then code order.
 */
function pickTerm(cands: Candidate[]): string {
  const sorted = [...cands].sort(
    (a, b) => Number(b.term === b.name) - Number(a.term === a.name) || Number(!!b.caseMode) - Number(!!a.caseMode) ||
      upperCount(b.term) - upperCount(a.term) || punct(a.term) - punct(b.term) || cmp(a.term, b.term),
  );
  return sorted[0].term;
}
