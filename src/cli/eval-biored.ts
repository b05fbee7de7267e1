/**
 * `npm run eval:biored [-- --split train|dev] [--dir PATH]`: scores the tagger against the BioRED
 * corpus (dev/eval only; reads ../shared/eval/biored/{Train,Dev}.PubTator). Each abstract is run
 * through `processDocument` exactly as the pipeline runs a PubTator document (text = title + ' ' +
 * abstract, so gold offsets apply unchanged), then, per split:
 *
 *  - genes vs GeneOrGeneProduct: P/R/F1 on exact spans, and on exact span + NCBI Gene id (our
 *    `NCBIGene:<id>` must be one of the gold ids). FamPlex families (`FPLX:…`) have no NCBI Gene id
 *    while BioRED gives a family mention one member's id or none, so the id figures come in two
 *    views: "families excluded" (a FamPlex prediction and the gold mention at its span are left
 *    out of the id score) and "families as FP" (a FamPlex prediction is a false positive and its
 *    gold mention a false negative). The span figures count families like any gene. BioRED
 *    grounds mouse and rat genes to their own NCBI ids and our dictionary is human, so a third id
 *    view keeps only gold mentions with a human gene id (families excluded there too).
 *    A second span line also counts the genes inside pathway mentions the tagger builds from genes
 *    ("Akt signaling", "PI3K/AKT": one pathway mention in our output, gene mentions in BioRED).
 *  - drugs vs ChemicalEntity: precision only, exact span. BioRED chemicals include metabolites,
 *    ions, elements and solvents (glucose, calcium, oxygen), which a drug lexicon is not meant to
 *    find, so recall against them says nothing about drug recognition.
 *  - the relation rules' precision on BioRED's own entities, per rule and kinds of pair (see
 *    src/evaluate/biored-relations.ts), and the document-level recall of the rules;
 *  - the 20 most frequent false positives and false negatives (genes, exact span) by surface
 *    string, and the most frequent drug false positives.
 *
 * Every error goes to output/eval/biored-errors.tsv. Skips (exit 0) when the corpus is absent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBiored, type BioredDocument, type BioredMention } from '../evaluate/corpora/biored.ts';
import { bioredRelationLines, scoreBioredRelations } from '../evaluate/biored-relations.ts';
import { parsePubtator } from '../ingest/pubtator.ts';
import type { Entity } from '../model/schemas.ts';
import { processDocument } from '../pipeline.ts';
import { DICTIONARY_DIR, defaultLexicon, parseDictionary, type Lexicon } from '../tag/dictionary.ts';
import { resolveOverlaps } from '../tag/tag-entities.ts';
import { termKey } from '../tag/tokens.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DIR = resolve(ROOT, '../shared/eval/biored');
const OUT = resolve(ROOT, 'output/eval/biored-errors.tsv');
const SPLITS = [['Train', 'Train.PubTator'], ['Dev', 'Dev.PubTator']] as const;

interface Prf { tp: number; fp: number; fn: number }
const prf = (): Prf => ({ tp: 0, fp: 0, fn: 0 });
const fix = (x: number) => x.toFixed(3);
const p = (s: Prf) => s.tp / (s.tp + s.fp || 1);
const r = (s: Prf) => s.tp / (s.tp + s.fn || 1);
const f1 = (s: Prf) => (2 * p(s) * r(s)) / (p(s) + r(s) || 1);
const line = (name: string, s: Prf, recall = true) =>
  recall
    ? `  ${name.padEnd(34)} P ${fix(p(s))}  R ${fix(r(s))}  F1 ${fix(f1(s))}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`
    : `  ${name.padEnd(34)} P ${fix(p(s))}                    (tp ${s.tp}, fp ${s.fp})`;

export interface SplitScore {
  geneSpan: Prf;
  geneSpanInPathways: Prf;
  geneIdNoFam: Prf;
  geneIdFamFp: Prf;
  geneIdHuman: Prf;
  drug: Prf;
  errors: string[][];
}

const GENE = 'GeneOrGeneProduct';
const CHEM = 'ChemicalEntity';
const key = (x: { start: number; end: number }) => `${x.start}:${x.end}`;
const ctx = (t: string, s: number, e: number) => `${t.slice(Math.max(0, s - 40), s)}[${t.slice(s, e)}]${t.slice(e, e + 40)}`.replace(/\s/g, ' ');

/** why a prediction missed: boundary overlap with a gold gene, a gold mention of another type, or nothing */
function fpNote(gold: BioredMention[], e: { start: number; end: number }, type: string): string {
  const same = gold.find((g) => g.start === e.start && g.end === e.end);
  if (same) return `gold:${same.type}`;
  const o = gold.find((g) => g.type === type && g.start < e.end && e.start < g.end);
  if (o) return `boundary:${o.text}`;
  const other = gold.find((g) => g.start < e.end && e.start < g.end);
  return other ? `inside:${other.type}:${other.text}` : 'spurious';
}

export function scoreSplit(split: string, docs: BioredDocument[], lexicon: Lexicon, humanIds: Set<string> = new Set()): SplitScore {
  const s: SplitScore = { geneSpan: prf(), geneSpanInPathways: prf(), geneIdNoFam: prf(), geneIdFamFp: prf(), geneIdHuman: prf(), drug: prf(), errors: [] };
  for (const d of docs) {
    const res = processDocument({ id: d.pmid, source: `biored:${split}`, format: 'pubtator', text: d.text, sha256: '' }, lexicon);
    const genes = res.entities.filter((e) => e.type === 'gene');
    const drugs = res.entities.filter((e) => e.type === 'drug');
    const goldGenes = d.mentions.filter((m) => m.type === GENE);
    const goldGeneAt = new Map(goldGenes.map((g) => [key(g), g]));
    const predGeneAt = new Map(genes.map((g) => [key(g), g]));
    const err = (kind: string, x: { start: number; end: number; text: string }, norm: string, note: string) =>
      s.errors.push([kind, split, d.pmid, String(x.start), String(x.end), x.text, norm, note, ctx(d.text, x.start, x.end)]);

    // genes: exact span
    for (const e of genes) {
      if (goldGeneAt.has(key(e))) s.geneSpan.tp++;
      else { s.geneSpan.fp++; err('gene-FP', e, e.norm, fpNote(d.mentions, e, GENE)); }
    }
    for (const g of goldGenes) {
      if (predGeneAt.has(key(g))) continue;
      s.geneSpan.fn++;
      const o = genes.find((e) => e.start < g.end && g.start < e.end);
      err('gene-FN', g, g.ids.join(','), o ? `boundary:${o.text}` : 'missed');
    }
    // genes: exact span, counting the genes a gene-built pathway mention ("Akt signaling", "PI3K/AKT") is made of
    const inner = [...genes.map((g) => ({ start: g.start, end: g.end })), ...genesInPathways(d.text, res.entities, lexicon)];
    const innerAt = new Set(inner.map(key));
    for (const e of inner) if (goldGeneAt.has(key(e))) s.geneSpanInPathways.tp++; else s.geneSpanInPathways.fp++;
    for (const g of goldGenes) if (!innerAt.has(key(g))) s.geneSpanInPathways.fn++;

    // genes: exact span + NCBI Gene id, two views of FamPlex families
    const idMatch = (e: Entity, g: BioredMention | undefined) => !!g && e.norm.startsWith('NCBIGene:') && g.ids.includes(e.norm.slice(9));
    for (const e of genes) {
      const g = goldGeneAt.get(key(e));
      const fam = e.norm.startsWith('FPLX:');
      const ok = idMatch(e, g);
      if (ok) { s.geneIdNoFam.tp++; s.geneIdFamFp.tp++; continue; }
      s.geneIdFamFp.fp++;
      if (!fam) s.geneIdNoFam.fp++;
      if (g && !fam) err('gene-id-FP', e, e.norm, `gold ids ${g.ids.join(',') || 'none'}`);
    }
    for (const g of goldGenes) {
      const e = predGeneAt.get(key(g));
      if (e && idMatch(e, g)) continue;
      s.geneIdFamFp.fn++;
      if (!(e && e.norm.startsWith('FPLX:'))) s.geneIdNoFam.fn++;
    }
    // human genes only: gold mentions with an id of a gene in our (human) dictionary; predictions at
    // the span of a non-human gold gene are left out; families excluded
    const human = (g: BioredMention) => g.ids.some((id) => humanIds.has(id));
    for (const e of genes) {
      const g = goldGeneAt.get(key(e));
      if (e.norm.startsWith('FPLX:') || (g && !human(g))) continue;
      if (idMatch(e, g)) s.geneIdHuman.tp++; else s.geneIdHuman.fp++;
    }
    for (const g of goldGenes) {
      const e = predGeneAt.get(key(g));
      if (human(g) && !(e && (idMatch(e, g) || e.norm.startsWith('FPLX:')))) s.geneIdHuman.fn++;
    }
    // drugs: precision against ChemicalEntity spans
    const chemAt = new Set(d.mentions.filter((m) => m.type === CHEM).map(key));
    for (const e of drugs) {
      if (chemAt.has(key(e))) s.drug.tp++;
      else { s.drug.fp++; err('drug-FP', e, e.norm, fpNote(d.mentions, e, CHEM)); }
    }
  }
  return s;
}

/** Gene spans inside pathway mentions that the tagger built from genes (source gene+head, gene-chain). */
function genesInPathways(text: string, entities: Entity[], lexicon: Lexicon): { start: number; end: number }[] {
  const out: { start: number; end: number; rank: number }[] = [];
  for (const e of entities) {
    if (e.type !== 'pathway' || !/^gene/.test(e.source)) continue;
    for (const m of lexicon.automaton.scan(text.slice(e.start, e.end))) {
      const start = e.start + m.start, end = e.start + m.end;
      if (m.entries.some((x) => x.type === 'gene') && !lexicon.stopKeys.has(termKey(text.slice(start, end)))) out.push({ start, end, rank: 1 });
    }
  }
  return resolveOverlaps(out);
}

function top(errors: string[][], kind: string, n: number): string[] {
  const counts = new Map<string, { n: number; note: Map<string, number> }>();
  for (const e of errors) {
    if (e[0] !== kind) continue;
    const c = counts.get(e[5]) ?? { n: 0, note: new Map() };
    c.n++;
    const note = e[7].replace(/:.*/, '');
    c.note.set(note, (c.note.get(note) ?? 0) + 1);
    counts.set(e[5], c);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([t, c]) => `  ${String(c.n).padStart(4)}  ${t.padEnd(28)} ${[...c.note.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

function main(argv: string[]): number {
  const di = argv.indexOf('--dir');
  const dir = di >= 0 && argv[di + 1] ? resolve(argv[di + 1]) : DEFAULT_DIR;
  const si = argv.indexOf('--split');
  const only = si >= 0 ? argv[si + 1]?.toLowerCase() : undefined;
  const splits = SPLITS.filter(([name]) => !only || name.toLowerCase() === only);
  const present = splits.filter(([, f]) => existsSync(resolve(dir, f)));
  if (!present.length) {
    console.log(`eval:biored skipped: ${dir}/{Train,Dev}.PubTator not found (the BioRED corpus lives in ../shared/eval/biored; pass --dir PATH)`);
    return 0;
  }
  const lexicon = defaultLexicon();
  const humanIds = new Set(parseDictionary(readFileSync(resolve(DICTIONARY_DIR, 'genes.tsv'), 'utf8')).filter((r) => r.norm.startsWith('NCBIGene:')).map((r) => r.norm.slice(9)));
  const errors: string[][] = [];
  for (const [name, file] of present) {
    const docs = loadBiored(resolve(dir, file));
    const nGene = docs.reduce((n, d) => n + d.mentions.filter((m) => m.type === GENE).length, 0);
    const s = scoreSplit(name, docs, lexicon, humanIds);
    errors.push(...s.errors);
    console.log(`\nBioRED ${name} (${file}): ${docs.length} abstracts, ${nGene} GeneOrGeneProduct mentions`);
    console.log(line('genes, exact span', s.geneSpan));
    console.log(line('  + genes inside gene-built pathways', s.geneSpanInPathways));
    console.log(line('genes, span + id (families excluded)', s.geneIdNoFam));
    console.log(line('genes, span + id (families as FP)', s.geneIdFamFp));
    console.log(line('genes, span + id (human gold only)', s.geneIdHuman));
    console.log('  (BioRED gives mouse/rat genes their own NCBI ids; our dictionary is human: the last view keeps gold mentions with a human id)');
    console.log(line('drugs vs ChemicalEntity, exact span', s.drug, false));
    console.log('  (drug recall not reported: BioRED chemicals include metabolites, ions and solvents that are no drugs)');
    console.log(`  top gene false positives (exact span), by surface string:\n${top(s.errors, 'gene-FP', 20).join('\n') || '  none'}`);
    console.log(`  top gene false negatives (exact span), by surface string:\n${top(s.errors, 'gene-FN', 20).join('\n') || '  none'}`);
    console.log(`  top drug false positives, by surface string:\n${top(s.errors, 'drug-FP', 10).join('\n') || '  none'}`);
    console.log(`  relation rules on BioRED's own entities (a triple is right when BioRED relates its two ids in that abstract):`);
    console.log(bioredRelationLines(scoreBioredRelations(parsePubtator(readFileSync(resolve(dir, file), 'utf8')), lexicon)).join('\n'));
  }
  mkdirSync(dirname(OUT), { recursive: true });
  const header = ['error', 'split', 'pmid', 'start', 'end', 'text', 'norm_or_gold_ids', 'note', 'context'];
  writeFileSync(OUT, [header, ...errors].map((e) => e.map((c) => c.replace(/[\t\n]/g, ' ')).join('\t')).join('\n') + '\n');
  console.log(`\nerrors: ${errors.length} rows → ${OUT}`);
  return 0;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = main(process.argv.slice(2));
