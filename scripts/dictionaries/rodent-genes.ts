/**
 * dictionaries/rodent-genes.tsv: mouse and rat gene names → their own NCBI Gene id, for a gene
 * mention the species step assigned to a rodent. The ortholog map (orthologs.tsv) misses rodent
 * genes without a human counterpart and names a rodent paper writes differently (`Sca-1` is Ly6a,
 * `F4/80` Adgre1); this table answers from the rodent's own nomenclature first.
 * Sources: NCBI Gene Mus_musculus.gene_info (protein-coding genes and microRNA loci: symbol and synonyms) and RGD rat
 * genes (symbol and old symbols; LOC, RGD-id and pseudogene symbols left out).
 * One row per (taxon, key): the official symbol beats a synonym; a key that two genes claim as
 * synonyms is left out (ambiguous). Rows the ortholog map already answers (the key is the human
 * ortholog's symbol and the map gives this gene) are left out, to keep the file small.
 */
import { join } from 'node:path';
import { termKey } from '../../src/tag/tokens.ts';
import { cmp, readTsv } from './io.ts';
import type { OrthologRow } from './species.ts';

export interface RodentRow { term: string; taxon: string; id: string; symbol: string; kind: 'symbol' | 'synonym' }

const MOUSE = '10090', RAT = '10116';
/** a mouse microRNA locus (Mir203, Mir21a, Mir124-1, Mirlet7b), not a host gene (Mir155hg) */
const MOUSE_MIRNA = /^Mir(?:let)?\d+[a-z]?(?:-\d+)?$/;

export function buildRodentGenes(sourcesDir: string, orthologs: OrthologRow[], humanSymbol: Map<string, string>): RodentRow[] {
  // rodent id → key of its human ortholog's symbol, where the ortholog map leads there
  const viaHuman = new Map<string, string>();
  for (const o of orthologs) {
    const k = termKey(humanSymbol.get(o.human) ?? '');
    if (!k) continue;
    if (o.mouse) viaHuman.set(`${MOUSE}:${o.mouse}`, k);
    if (o.rat) viaHuman.set(`${RAT}:${o.rat}`, k);
  }
  const byKey = new Map<string, RodentRow | null>();
  const add = (r: RodentRow) => {
    const key = termKey(r.term);
    if (key.length < 2 || /^\d+$/.test(key)) return;
    const k = `${r.taxon}\t${key}`;
    const had = byKey.get(k);
    if (had === undefined) { byKey.set(k, r); return; }
    if (had === null || had.id === r.id) return;
    if (had.kind === 'symbol' && r.kind === 'synonym') return;
    if (r.kind === 'symbol' && had.kind === 'synonym') { byKey.set(k, r); return; }
    byKey.set(k, null);
  };
  const rows: RodentRow[] = [];
  for (const r of readTsv(join(sourcesDir, 'ncbi-gene-mouse', 'Mus_musculus.gene_info.gz'))) {
    // microRNA loci too (`miR-203` in a mouse passage is Mir203, where human has MIR203A and MIR203B), as RGD gives rat's
    if (r.type_of_gene !== 'protein-coding' && !(r.type_of_gene === 'ncRNA' && MOUSE_MIRNA.test(r.Symbol))) continue;
    rows.push({ term: r.Symbol, taxon: MOUSE, id: r.GeneID, symbol: r.Symbol, kind: 'symbol' });
    for (const s of r.Synonyms.split('|')) if (s && s !== '-') rows.push({ term: s, taxon: MOUSE, id: r.GeneID, symbol: r.Symbol, kind: 'synonym' });
  }
  const skipRat = (s: string) => /^(?:LOC\d+|RGD\d+)$|-ps\d*$/.test(s);
  for (const r of readTsv(join(sourcesDir, 'rat-genes-rgd', 'rgd_rat_genes_2023-02-17.tsv'))) {
    if (!r.ncbi_gene_id || skipRat(r.symbol)) continue;
    rows.push({ term: r.symbol, taxon: RAT, id: r.ncbi_gene_id, symbol: r.symbol, kind: 'symbol' });
    for (const s of (r.synonyms ?? '').split('|')) {
      const m = /^(.+) \[old_symbol\]$/.exec(s);
      if (m && !skipRat(m[1])) rows.push({ term: m[1], taxon: RAT, id: r.ncbi_gene_id, symbol: r.symbol, kind: 'synonym' });
    }
  }
  for (const r of rows) add(r);
  return [...byKey.values()]
    .filter((r): r is RodentRow => !!r && viaHuman.get(`${r.taxon}:${r.id}`) !== termKey(r.term))
    .sort((a, b) => cmp(a.taxon, b.taxon) || cmp(termKey(a.term), termKey(b.term)) || cmp(a.term, b.term));
}
