/**
 * Species files for the gene tagger (dictionaries/species.tsv, dictionaries/orthologs.tsv):
 *  - species.tsv: organism names (NCBI Taxonomy names of the species dictionary, plus the
 *    project's cue overlay dictionaries/overlay/species.tsv: mice, murine, patients, human cell
 *    lines, xenograft...) → NCBI taxon;
 *  - orthologs.tsv: human NCBI Gene id → mouse, rat and zebrafish NCBI Gene id and symbol
 *    (HGNC/MGI/RGD join in orthologs-human-mouse-rat, ZFIN's HGNC ortholog links). One row per
 *    human gene: of several orthologs the one whose symbol equals the human symbol (any case)
 *    wins, then the lowest id, so the file is deterministic.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cmp, readTsv } from './io.ts';

/** NCBI Taxonomy name classes that name the organism as papers write it (no misspellings, authorities, acronyms) */
const NAME_CLASSES = new Set(['scientific name', 'genbank common name', 'common name', 'synonym', 'equivalent name', 'genbank synonym', 'scientific name or synonym', 'includes']);

export interface SpeciesRow { term: string; taxon: string; label: string; kind: string }

export function buildSpecies(sourcesDir: string, overlayDir: string): SpeciesRow[] {
  const rows = new Map<string, SpeciesRow>();
  const add = (r: SpeciesRow) => { const k = r.term.toLowerCase(); if (!rows.has(k)) rows.set(k, r); };
  // the overlay first: it wins over taxonomy names of the same spelling
  const overlay = join(overlayDir, 'species.tsv');
  if (existsSync(overlay)) for (const r of readTsv(overlay)) add({ term: r.term, taxon: r.taxon, label: r.label, kind: 'cue' });
  for (const r of readTsv(join(sourcesDir, 'species', 'model_organisms_names.tsv'))) {
    if (!NAME_CLASSES.has(r.name_class) || r.name.length < 4 || /\d/.test(r.name)) continue;
    add({ term: r.name, taxon: r.tax_id, label: r.label, kind: 'name' });
  }
  return [...rows.values()].sort((a, b) => cmp(a.term.toLowerCase(), b.term.toLowerCase()) || cmp(a.term, b.term));
}

export interface OrthologRow { human: string; mouse: string; mouseSymbol: string; rat: string; ratSymbol: string; zebrafish: string; zebrafishSymbol: string }

/** picks one ortholog among candidates: same symbol as the human gene (case-insensitive), then lowest id */
function pick(human: string, cands: { id: string; symbol: string }[]): { id: string; symbol: string } {
  return [...cands].sort((a, b) => Number(b.symbol.toUpperCase() === human) - Number(a.symbol.toUpperCase() === human) || Number(a.id) - Number(b.id))[0];
}

export function buildOrthologs(sourcesDir: string): OrthologRow[] {
  const byHuman = new Map<string, { symbol: string; mouse: { id: string; symbol: string }[]; rat: { id: string; symbol: string }[]; fish: { id: string; symbol: string }[] }>();
  const hgncToEntrez = new Map<string, string>();
  for (const r of readTsv(join(sourcesDir, 'orthologs-human-mouse-rat', 'human_mouse_rat_orthologs.tsv'))) {
    if (!r.human_entrez) continue;
    hgncToEntrez.set(r.hgnc_id, r.human_entrez);
    const e = byHuman.get(r.human_entrez) ?? { symbol: r.human_symbol.toUpperCase(), mouse: [], rat: [], fish: [] };
    byHuman.set(r.human_entrez, e);
    if (r.mouse_entrez && !e.mouse.some((x) => x.id === r.mouse_entrez)) e.mouse.push({ id: r.mouse_entrez, symbol: r.mouse_symbol });
    if (r.rat_entrez && !e.rat.some((x) => x.id === r.rat_entrez)) e.rat.push({ id: r.rat_entrez, symbol: r.rat_symbol });
  }
  const zfin = join(sourcesDir, 'model-organism-genes', 'zfin_zebrafish_genes_2025-10-30.tsv');
  if (existsSync(zfin)) {
    for (const r of readTsv(zfin)) {
      if (!r.ncbi_gene_id || !r.human_ortholog_hgnc) continue;
      for (const h of r.human_ortholog_hgnc.split(/[|;]/)) {
        const e = byHuman.get(hgncToEntrez.get(h) ?? '');
        if (e && !e.fish.some((x) => x.id === r.ncbi_gene_id)) e.fish.push({ id: r.ncbi_gene_id, symbol: r.symbol });
      }
    }
  }
  addMirnaOrthologs(sourcesDir, byHuman);
  const none = { id: '', symbol: '' };
  return [...byHuman.entries()]
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([human, e]) => {
      const m = e.mouse.length ? pick(e.symbol, e.mouse) : none, r = e.rat.length ? pick(e.symbol, e.rat) : none, z = e.fish.length ? pick(e.symbol, e.fish) : none;
      return { human, mouse: m.id, mouseSymbol: m.symbol, rat: r.id, ratSymbol: r.symbol, zebrafish: z.id, zebrafishSymbol: z.symbol };
    })
    .filter((r) => r.mouse || r.rat || r.zebrafish);
}

/**
 * microRNA loci have no entry in the ortholog join (protein-coding genes only), but miRBase names
 * them alike across mammals: human MIR21 is mouse Mir21a and rat Mir21, MIR451A is Mir451a. A human
 * MIR locus takes the mouse or rat ncRNA locus of the same symbol (any case), else that symbol plus `a`,
 * where the join gives none for that species.
 */
function addMirnaOrthologs(sourcesDir: string, byHuman: Map<string, { symbol: string; mouse: { id: string; symbol: string }[]; rat: { id: string; symbol: string }[]; fish: { id: string; symbol: string }[] }>): void {
  const mouseFile = join(sourcesDir, 'ncbi-gene-mouse', 'Mus_musculus.gene_info.gz'), ratFile = join(sourcesDir, 'rat-genes-rgd', 'rgd_rat_genes_2023-02-17.tsv');
  const humanFile = join(sourcesDir, 'ncbi-gene-info', 'Homo_sapiens.gene_info.gz');
  if (!existsSync(mouseFile) || !existsSync(ratFile) || !existsSync(humanFile)) return;
  const MIR = /^MIR\d/i;
  const mouse = new Map<string, { id: string; symbol: string }>(), rat = new Map<string, { id: string; symbol: string }>();
  for (const r of readTsv(mouseFile)) if (r.type_of_gene === 'ncRNA' && MIR.test(r.Symbol)) mouse.set(r.Symbol.toUpperCase(), { id: r.GeneID, symbol: r.Symbol });
  for (const r of readTsv(ratFile)) if (r.ncbi_gene_id && MIR.test(r.symbol)) rat.set(r.symbol.toUpperCase(), { id: r.ncbi_gene_id, symbol: r.symbol });
  const find = (m: Map<string, { id: string; symbol: string }>, symbol: string) => m.get(symbol) ?? m.get(`${symbol}A`);
  for (const r of readTsv(humanFile)) {
    if (r.type_of_gene !== 'ncRNA' || !MIR.test(r.Symbol)) continue;
    const symbol = r.Symbol.toUpperCase(), mo = find(mouse, symbol), ra = find(rat, symbol);
    // the join's own orthologs stay; a species it lacks is filled in by name
    const e = byHuman.get(r.GeneID) ?? { symbol, mouse: [], rat: [], fish: [] };
    if (mo && !e.mouse.length) e.mouse.push(mo);
    if (ra && !e.rat.length) e.rat.push(ra);
    if (e.mouse.length || e.rat.length) byHuman.set(r.GeneID, e);
  }
}
