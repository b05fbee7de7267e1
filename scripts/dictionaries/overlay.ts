/** Reads a hand-curated overlay TSV (term, norm, name, case, source, why). */
import { existsSync } from 'node:fs';
import { termKey } from '../../src/tag/tokens.ts';
import { readTsv } from './io.ts';
import type { Candidate } from './lexicon.ts';
import { isCaseMode } from '../../src/tag/automaton.ts';

export function readOverlay(path: string, rank: number): Candidate[] {
  if (!existsSync(path)) throw new Error(`overlay missing: ${path}`);
  const out: Candidate[] = [];
  const seen = new Map<string, string>();
  for (const r of readTsv(path)) {
    if (!r.term || !r.norm || !r.name || !r.why) throw new Error(`overlay ${path}: incomplete row for "${r.term}" (term, norm, name, why are required)`);
    if (!isCaseMode(r.case)) throw new Error(`overlay ${path}: bad case "${r.case}" for ${r.term}`);
    const key = termKey(r.term);
    const sig = `${r.norm}\t${r.case}`;
    if (seen.has(key) && seen.get(key) !== sig) throw new Error(`overlay ${path}: key "${key}" has conflicting rows`);
    seen.set(key, sig);
    out.push({ term: r.term, norm: r.norm, name: r.name, rank, source: 'overlay', caseMode: r.case });
  }
  return out;
}
