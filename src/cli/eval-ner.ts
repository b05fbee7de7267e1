/**
 * `npm run eval:ner [-- --only TEXT[,TEXT…]] [--root DIR] [--with-alleles]`: one table scoring the tagger on every NER
 * corpus in ../shared/eval (dev/eval only; skips a row cleanly when its file is absent). A row is
 * one corpus split and one entity type: exact-span and overlapping-span P/R/F1 and, where the
 * corpus has identifiers, span + id. The split column says what a figure is worth: `test` and
 * `dev` were never used to write rules; `train*` rows are in-sample (rules or dictionaries were
 * developed on them) and are labelled so. Every document runs through `processDocument`, as the
 * pipeline runs it. Errors of every row go to output/eval/ner-errors.tsv.
 *
 * To add a row (another entity type, another corpus): append to ROWS. Chemical rows come from
 * src/evaluate/ner/rows.ts (ids matched through the chemical and drug cross-references).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBc2gm, parseMutationFinder, parseOsiris, parsePubtatorNer, type NerDocument, type NerMention } from '../evaluate/corpora/ner.ts';
import { f1, normalizeId, precision, prf, recall, scoreDocument, scoreSets, type NerScore, type Predicted, type Prf } from '../evaluate/ner-score.ts';
import { loadBiored } from '../evaluate/corpora/biored.ts';
import { loadDrugprotSplit } from '../evaluate/corpora/drugprot-tsv.ts';
import { CHEMICAL_ROWS } from '../evaluate/ner/rows.ts';
import { mapOsirisConventions, RESTATEMENT } from '../evaluate/ner/osiris-conventions.ts';
import type { Entity, EntityType } from '../model/schemas.ts';
import { processDocument } from '../pipeline.ts';
import { DICTIONARY_DIR, defaultLexicon } from '../tag/dictionary.ts';
import { learnedGenesOn } from '../tag/learned/merge.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = resolve(ROOT, 'output/eval/ner-errors.tsv');

export interface NerRow {
  corpus: string;
  /** test | dev | train (in-sample …): what the figure is worth */
  split: string;
  /** our entity type(s) scored in this row */
  type: string;
  ours: EntityType[];
  /** path(s) relative to the shared eval folder; the row is skipped when any is absent */
  files: string[];
  load: (paths: string[]) => NerDocument[];
  gold: string[];
  /** corpus types whose exact spans neither reward nor punish a prediction */
  neutral?: string[];
  ids?: 'ncbigene' | 'tmvar' | 'point-set' | 'xref';
  /** leave out natural-language variant mentions ("G to A substitution at codon 12"): the corpus guidelines exclude them */
  noNatural?: boolean;
  /** leave out alleles and genotypes named alone ("the -1131C allele", "-1131TT men"; kinds `allele`, `genotype`): tmVar's guidelines annotate neither */
  noAllele?: boolean;
}

const MUTATION_TYPES = ['ProteinMutation', 'DNAMutation', 'SNP', 'AcidChange', 'OtherMutation'];
const pubtator = (paths: string[]) => parsePubtatorNer(readFileSync(paths[0], 'utf8'));

/** DrugProt's TSV release (training-partial) as NER documents: GENE-Y and GENE-N are one gene type, as in the development PubTator file */
const drugprotGenes = (paths: string[]): NerDocument[] =>
  loadDrugprotSplit(dirname(paths[0]), 'training').documents.map((d) => ({
    id: d.id, text: d.text, mentions: d.annotations.map((a) => ({ start: a.start, end: a.end, text: a.text, type: a.type.startsWith('GENE') ? 'Gene' : a.type, ids: [] })),
  }));

/** the chemical rows (src/evaluate/ner/rows.ts), in this table's shape; ids through cross-references */
const chemicalRows: NerRow[] = CHEMICAL_ROWS.map((r) => ({
  corpus: r.corpus, split: r.development ? `${r.split} (dev set)` : r.split, type: r.type, ours: r.predTypes, files: [r.file], gold: r.goldTypes, ids: r.ids ? 'xref' : undefined,
  // the BioRED reader, as the chemical rows were written for it (NLM-Chem full texts: one document per PMID)
  load: (p: string[]) => (r.drugprotSplit ? loadDrugprotNer(p[0], r.drugprotSplit) : loadBiored(p[0]).map((d) => ({ id: d.pmid, text: d.text, mentions: d.mentions }))),
}));

/** a DrugProt TSV folder as NER documents (types CHEMICAL, GENE-Y, GENE-N) */
function loadDrugprotNer(dir: string, split: string): NerDocument[] {
  return loadDrugprotSplit(dir, split).documents.map((d) => ({ id: d.id, text: d.text, mentions: d.annotations.map((a) => ({ start: a.start, end: a.end, text: a.text, type: a.type, ids: [] })) }));
}

export const ROWS: NerRow[] = [
  ...chemicalRows,
  { corpus: 'GNormPlus', split: 'test', type: 'gene', ours: ['gene'], files: ['ner/GNormPlus_Test.PubTator'], load: pubtator, gold: ['Gene'], neutral: ['FamilyName', 'DomainMotif'], ids: 'ncbigene' },
  { corpus: 'GNormPlus', split: 'train (dev set)', type: 'gene', ours: ['gene'], files: ['ner/GNormPlus_Train.PubTator'], load: pubtator, gold: ['Gene'], neutral: ['FamilyName', 'DomainMotif'], ids: 'ncbigene' },
  { corpus: 'NLM-Gene', split: 'test', type: 'gene', ours: ['gene'], files: ['ner/NLMgene_Test.PubTator'], load: pubtator, gold: ['Gene'], neutral: ['FamilyName', 'DomainMotif'], ids: 'ncbigene' },
  { corpus: 'NLM-Gene', split: 'train (dev set)', type: 'gene', ours: ['gene'], files: ['ner/NLMgene_Train.PubTator'], load: pubtator, gold: ['Gene'], neutral: ['FamilyName', 'DomainMotif'], ids: 'ncbigene' },
  { corpus: 'BC2GM', split: 'test', type: 'gene', ours: ['gene'], files: ['ner/bc2gm/test'], load: (p) => loadBc2gm(p[0]), gold: ['GENE'] },
  { corpus: 'BioRED', split: 'dev', type: 'gene', ours: ['gene'], files: ['biored/Dev.PubTator'], load: pubtator, gold: ['GeneOrGeneProduct'], ids: 'ncbigene' },
  { corpus: 'BioRED', split: 'train (dev set)', type: 'gene', ours: ['gene'], files: ['biored/Train.PubTator'], load: pubtator, gold: ['GeneOrGeneProduct'], ids: 'ncbigene' },
  { corpus: 'DrugProt', split: 'dev', type: 'gene', ours: ['gene'], files: ['ner/DrugProt_Dev750_as_AIONER_Test.PubTator'], load: pubtator, gold: ['Gene'] },
  { corpus: 'DrugProt', split: 'train (dev set)', type: 'gene', ours: ['gene'], files: ['drugprot/training-partial/drugprot_training_entities.tsv'], load: drugprotGenes, gold: ['Gene'] },
  { corpus: 'tmVar3', split: 'test', type: 'gene', ours: ['gene'], files: ['ner/tmVar3_Test.PubTator'], load: pubtator, gold: ['Gene'], ids: 'ncbigene' },
  { corpus: 'tmVar3', split: 'test', type: 'mutation', ours: ['mutation'], files: ['ner/tmVar3_Test.PubTator'], load: pubtator, gold: MUTATION_TYPES, ids: 'tmvar', noAllele: true },
  { corpus: 'tmVar3', split: 'train (dev set)', type: 'mutation', ours: ['mutation'], files: ['ner/tmVar3_Train.PubTator'], load: pubtator, gold: MUTATION_TYPES, ids: 'tmvar', noAllele: true },
  // variants under tmVar3's guideline on texts mostly new to the rules (65 of 89 abstracts are not in the old tmVar file;
  // scripts/tmvar-guideline-check.ts splits them); no span+id: BioRED gives a variant its dbSNP id where one exists (102 of 208)
  { corpus: 'BioRED', split: 'dev', type: 'mutation', ours: ['mutation'], files: ['biored/Dev.PubTator'], load: pubtator, gold: ['SequenceVariant'], noAllele: true },
  { corpus: 'tmVar', split: 'train (in-sample)', type: 'mutation', ours: ['mutation'], files: ['tmvar/train.PubTator.txt'], load: pubtator, gold: MUTATION_TYPES, ids: 'tmvar', noNatural: true, noAllele: true },
  { corpus: 'OSIRIS', split: 'all (dev set)', type: 'mutation', ours: ['mutation'], files: ['variants/OSIRIS/corpus.xml'], load: (p) => parseOsiris(readFileSync(p[0], 'utf8')), gold: ['variant'] },
  // the same, with OSIRIS' bracketed restatements mapped (src/evaluate/ner/osiris-conventions.ts)
  { corpus: 'OSIRIS', split: 'all (dev, mapped)', type: 'mutation', ours: ['mutation'], files: ['variants/OSIRIS/corpus.xml'], load: (p) => mapOsirisConventions(parseOsiris(readFileSync(p[0], 'utf8'))), gold: ['variant'], neutral: [RESTATEMENT] },
  { corpus: 'MutationFinder', split: 'test', type: 'point mut.', ours: ['mutation'], files: ['variants/MutationFinder/corpus/test_text.txt', 'variants/MutationFinder/corpus/test_gold_std.txt'], load: (p) => parseMutationFinder(readFileSync(p[0], 'utf8'), readFileSync(p[1], 'utf8')), gold: ['PointMutation'], ids: 'point-set' },
  { corpus: 'MutationFinder', split: 'devo (dev set)', type: 'point mut.', ours: ['mutation'], files: ['variants/MutationFinder/corpus/devo_text.txt', 'variants/MutationFinder/corpus/devo_gold_std.txt'], load: (p) => parseMutationFinder(readFileSync(p[0], 'utf8'), readFileSync(p[1], 'utf8')), gold: ['PointMutation'], ids: 'point-set' },
];

/** tmVar normalized form of a mutation entity (kept in `source`: `variant:<kind>|<form>|gene:<via>`) */
export const tmvarForm = (e: Entity): string => e.source.replace(/^variant:[^|]*\|/, '').replace(/\|gene:[^|]*$/, '');
/** sequence-type prefix (c, g, m, r) ignored: corpora use it inconsistently */
const relaxedForm = (n: string): string => n.replace(/^[cgmrn]?\|/, '|').replace(/^\|/, n.startsWith('p|') ? 'p|' : '|').toUpperCase();
/** wNm point mutation of a protein substitution (MutationFinder gold form), or undefined */
export function pointForm(e: Entity): string | undefined {
  const m = /^p\|SUB\|([A-Z])\|(\d+)\|([A-Z])$/.exec(tmvarForm(e));
  return m ? `${m[1]}${m[2]}${m[3]}` : undefined;
}

/** norm → every id of the same entity (chemical-xrefs.tsv both ways, drug-xrefs.tsv MeSH) */
export function loadXrefs(dir = DICTIONARY_DIR): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  const link = (a: string, b: string) => { if (!a || !b) return; for (const [x, y] of [[a, b], [b, a]]) { let s = map.get(x); if (!s) map.set(x, (s = new Set())); s.add(y); } };
  const rows = (file: string) => (existsSync(resolve(dir, file)) ? readFileSync(resolve(dir, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t')) : []);
  for (const [norm, xrefs] of rows('chemical-xrefs.tsv')) for (const x of (xrefs ?? '').split('|')) link(norm, x);
  for (const r of rows('drug-xrefs.tsv')) for (const m of (r[3] ?? '').split('|')) if (m) link(r[0], `MeSH:${m}`);
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}
let xrefs: Map<string, string[]> | undefined;

function predictedId(e: Entity, ids: NerRow['ids']): string | undefined {
  if (ids === 'ncbigene') return e.norm.startsWith('NCBIGene:') ? e.norm.slice(9) : e.norm;
  if (ids === 'tmvar') return tmvarForm(e);
  if (ids === 'xref') return [e.norm, ...((xrefs ??= loadXrefs()).get(e.norm) ?? [])].join('\t');
  return undefined;
}

const ID_MATCH: Record<'ncbigene' | 'tmvar' | 'xref', (p: Predicted, g: NerMention) => boolean> = {
  ncbigene: (p, g) => !!p.id && g.ids.includes(p.id),
  tmvar: (p, g) => !!p.id && g.ids.some((x) => relaxedForm(x) === relaxedForm(p.id!)),
  // the prediction's norm and its cross-references against the corpus ids (MESH:D005710 → MeSH:D005710)
  xref: (p, g) => !!p.id && g.ids.map(normalizeId).some((x) => p.id!.split('\t').includes(x)),
};

export function scoreRow(row: NerRow, docs: NerDocument[], run: (d: NerDocument) => Entity[]): NerScore {
  const s: NerScore = { exact: prf(), overlap: prf(), id: prf(), errors: [] };
  for (const d of docs) {
    const ents = run(d).filter((e) => row.ours.includes(e.type) && !(row.noNatural && e.source.startsWith('variant:natural')) && !(row.noAllele && /^variant:(?:allele|genotype)\|/.test(e.source)));
    const gold = d.mentions.filter((m) => row.gold.includes(m.type));
    if (row.ids === 'point-set') {
      scoreSets(s, d, gold.flatMap((g) => g.ids), ents.map(pointForm).filter((x): x is string => !!x));
      continue;
    }
    const neutral = d.mentions.filter((m) => row.neutral?.includes(m.type));
    const pred = ents.map((e) => ({ start: e.start, end: e.end, text: e.text, id: predictedId(e, row.ids) }));
    scoreDocument(s, d, gold, neutral, pred, row.ids ? ID_MATCH[row.ids] : undefined);
  }
  return s;
}

/** `--only "NLM-Gene test,BioRED dev"`: lower-cased substrings, any of which selects a row */
export const onlyTerms = (arg: string | undefined): string[] =>
  (arg ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);

export const rowSelected = (r: Pick<NerRow, 'corpus' | 'split' | 'type'>, terms: string[]): boolean =>
  !terms.length || terms.some((t) => `${r.corpus} ${r.split} ${r.type}`.toLowerCase().includes(t));

const cell = (s: Prf, n: number) => (s.tp + s.fp + s.fn ? `${precision(s).toFixed(3)} ${recall(s).toFixed(3)} ${f1(s).toFixed(3)}` : '    –').padEnd(n);

/** corpora whose train part the learned gene tagger is trained on (scripts/train-gene-tagger.ts): in-sample for genes while it runs */
const LEARNED_TRAINING = new Set(['BioRED', 'DrugProt', 'GNormPlus', 'NLM-Gene']);

function main(argv: string[]): number {
  const oi = argv.indexOf('--only');
  const only = oi >= 0 ? onlyTerms(argv[oi + 1]) : [];
  // --with-alleles: score alleles and genotypes named alone in the tmVar rows too (to show what leaving them out changes)
  const withAlleles = argv.includes('--with-alleles');
  const ri = argv.indexOf('--root');
  const root = ri >= 0 && argv[ri + 1] ? resolve(argv[ri + 1]) : resolve(ROOT, '../shared/eval');
  // the learned gene tagger (on by default) was trained on these corpora's train parts: those gene rows are then in-sample
  const rows = ROWS.filter((r) => rowSelected(r, only))
    .map((r) => (learnedGenesOn() && LEARNED_TRAINING.has(r.corpus) && r.type === 'gene' && r.split.startsWith('train') ? { ...r, split: 'train (in-sample)' } : r))
    .map((r) => (withAlleles && r.noAllele ? { ...r, noAllele: false } : r));
  if (!learnedGenesOn()) console.log('learned gene tagger off (BIOTRIPLES_LEARNED_GENES=0)');
  const lexicon = defaultLexicon();
  const runs = new Map<string, Map<string, Entity[]>>();
  const errors: string[][] = [];
  console.log(`${'corpus'.padEnd(15)}${'split'.padEnd(19)}${'type'.padEnd(11)}${'docs'.padStart(5)}${'gold'.padStart(6)}  ${'exact P R F1'.padEnd(20)}${'overlap P R F1'.padEnd(20)}${'span+id P R F1'.padEnd(20)}`);
  let shown = 0;
  for (const row of rows) {
    const paths = row.files.map((f) => resolve(root, f));
    const missing = paths.find((p) => !existsSync(p));
    if (missing) { console.log(`${row.corpus.padEnd(15)}${row.split.padEnd(19)}${row.type.padEnd(11)}  skipped: ${missing} not found`); continue; }
    const docs = row.load(paths);
    const cache = runs.get(paths[0]) ?? new Map<string, Entity[]>();
    runs.set(paths[0], cache);
    // keyed by position in the file: a PubTator full text repeats its PMID on every passage (NLM-Chem)
    const position = new Map(docs.map((d, i) => [d, String(i)]));
    const run = (d: NerDocument) => {
      let ents = cache.get(position.get(d)!);
      if (!ents) {
        ents = processDocument({ id: d.id, source: row.corpus, format: 'pubtator', text: d.text, sha256: '' }, lexicon).entities;
        cache.set(position.get(d)!, ents);
      }
      return ents;
    };
    const s = scoreRow(row, docs, run);
    const nGold = docs.reduce((n, d) => n + d.mentions.filter((m) => row.gold.includes(m.type)).length, 0);
    const spans = row.ids !== 'point-set';
    console.log(`${row.corpus.padEnd(15)}${row.split.padEnd(19)}${row.type.padEnd(11)}${String(docs.length).padStart(5)}${String(nGold).padStart(6)}  ${spans ? cell(s.exact, 20) : '    –'.padEnd(20)}${spans ? cell(s.overlap, 20) : '    –'.padEnd(20)}${row.ids ? cell(s.id, 20) : '    –'}`);
    errors.push(...s.errors.map((e) => [`${row.corpus} ${row.split} ${row.type}`, ...e]));
    shown++;
  }
  if (!shown) { console.log('eval:ner: no corpus found under ' + root + ' (skipped)'); return 0; }
  console.log('P R F1 = precision, recall, F1. span+id: exact span and the gold identifier (NCBI Gene id; tmVar form with the c/g/m/r prefix ignored;');
  console.log('MutationFinder: per-abstract sets of point mutations, no spans). "in-sample"/"dev set" rows were used to develop rules: not held-out.');
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, [['row', 'error', 'doc', 'start', 'end', 'text', 'id', 'note'], ...errors].map((e) => e.map((c) => c.replace(/[\t\n]/g, ' ')).join('\t')).join('\n') + '\n');
  console.log(`errors: ${errors.length} rows → ${OUT}`);
  return 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = main(process.argv.slice(2));
