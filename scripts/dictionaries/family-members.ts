/**
 * dictionaries/family-members.tsv: FamPlex family → its human member genes (NCBI Gene id, symbol) and the
 * members' short names (official symbol, aliases, previous symbols; genes-trimmed). Members are the HGNC genes
 * that are (`isa`) or make up (`partof`) the family, through nested FamPlex families (FPLX:ERK ⊂ FPLX:MAPK).
 * Read by src/tag/family-members.ts: in a rodent passage a family is grounded only to a member's ortholog
 * (rat `Erk` is no Ephb1, the rat gene one of whose old symbols it is), and a family written as one member's
 * name (`NF-kB`, an alias of NFKB1) is that member's ortholog. Sorted, so the file is deterministic.
 */
import { join } from 'node:path';
import { cmp, parseCsv, readText, readTsv } from './io.ts';

export interface FamilyMemberRow { family: string; id: string; symbol: string; names: string[] }

const NAME_KINDS = new Set(['symbol', 'alias', 'prev_symbol']);

export function buildFamilyMembers(sourcesDir: string): FamilyMemberRow[] {
  const parents = new Map<string, string[]>(); // FPLX child family → FPLX parents
  const direct: [string, string][] = []; // [HGNC symbol, FPLX family]
  for (const r of parseCsv(readText(join(sourcesDir, 'famplex', 'relations.csv')))) {
    const [ns, id, rel, ns2, fam] = r;
    if (ns2 !== 'FPLX' || (rel !== 'isa' && rel !== 'partof')) continue;
    if (ns === 'HGNC') direct.push([id, fam]);
    else if (ns === 'FPLX') parents.set(id, [...(parents.get(id) ?? []), fam]);
  }
  const ancestors = (fam: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(fam)) return seen;
    seen.add(fam);
    for (const p of parents.get(fam) ?? []) ancestors(p, seen);
    return seen;
  };
  const bySymbol = new Map<string, { id: string; names: Set<string> }>();
  for (const r of readTsv(join(sourcesDir, 'genes-trimmed', 'human_protein_coding_gene_synonyms.tsv'))) {
    if (!NAME_KINDS.has(r.kind)) continue;
    const e = bySymbol.get(r.symbol) ?? { id: r.ncbi_gene_id, names: new Set<string>() };
    bySymbol.set(r.symbol, e);
    e.names.add(r.text);
  }
  const rows = new Map<string, FamilyMemberRow>();
  for (const [symbol, fam] of direct) {
    const gene = bySymbol.get(symbol);
    if (!gene) continue;
    for (const f of ancestors(fam)) rows.set(`${f}\t${gene.id}`, { family: `FPLX:${f}`, id: gene.id, symbol, names: [...gene.names].sort(cmp) });
  }
  return [...rows.values()].sort((a, b) => cmp(a.family, b.family) || Number(a.id) - Number(b.id));
}
