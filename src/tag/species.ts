/**
 * Species of gene mentions: finds organism names and cues in the text (dictionaries/species.tsv:
 * NCBI Taxonomy names plus cues such as mice, murine, patients, human cell lines, xenograft; cell lines
 * named by a shape, NCI-H2052 and "H2691 cells": species-cell-lines.ts),
 * decides which organism each gene mention belongs to, and grounds the mention to that
 * organism's gene through the ortholog map (dictionaries/orthologs.tsv: mouse, rat, zebrafish).
 *
 * Decision order for one gene mention (first that applies):
 *  0. a one-letter prefix on the symbol (`mTRPV4`, tagged by species-prefix.ts);
 *  1. a species word directly before it ("mouse Erbb2", "human TRPA1", "murine TNF");
 *  2. rodent nomenclature (`Erbb2`: capital then lower case) in a document mainly about a rodent;
 *  3. the nearest species named in the same sentence;
 *  3a. the organism (with gene ids) named right before the same spelling elsewhere in the document (speciesBySpelling);
 *  4. the species the document names most often (title counts twice, "patients" twice: SUBJECT_WEIGHT, a sentence
 *     on the authors' own work three times: STUDY_WEIGHT); where that
 *     cue is weak (none, an organism without gene ids, a single human word) and the document writes its genes the
 *     rodent way (species-nomenclature.ts), the rodent (rat when only rats are named, else mouse); where no organism
 *     with gene ids is named and the text gives genotypes of bred animals (`Rag2(-/-)`, `fl/fl`, knockout), mouse;
 *  5. none: the mention keeps its human gene and records no species. A `species` field is only
 *     written when the text supports it (steps 1–4), human included.
 * A mention assigned to mouse, rat or zebrafish takes that organism's gene its own text names when
 * rodent-genes.tsv or the ortholog map's official symbols hold the name (`Sca-1` → mouse Ly6a, no human ortholog;
 * a `LOCAL:` span of the learned tagger is grounded this way too, and so is a family written as one
 * gene's registered name: `Akt` → mouse Akt1, `source` keeping `|family:FPLX:AKT`; the family's other names in that organism's
 * passages then take the same member, `:same-family`, or else the first member the passage names as a gene, `:member-in-document`); otherwise mouse, rat or zebrafish take that organism's NCBI Gene id
 * when the ortholog map has one; otherwise the mention keeps the human id. `source` records the step
 * (`|species:10090:sentence`, `|species:10090:document:no-ortholog`, `|species:10090:sentence:rodent-name`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sentence } from '../segment/segment.js';
import type { Mention } from './mention.js';
import { speciesMatches } from './species-scan.js';
import { termKey } from './tokens.js';
import { RODENT_STYLE, writtenTheRodentWay } from './species-nomenclature.js';
import { familyMembers, mayBeMember, memberNamedInDocument, memberWritten } from './family-members.js';
import { findCellLineShapes } from './species-cell-lines.js';

export const HUMAN = '9606', MOUSE = '10090', RAT = '10116', ZEBRAFISH = '7955';
const RODENTS = new Set([MOUSE, RAT]);

export interface SpeciesData {
  /** lower-cased term → taxon; `exact` terms (with capitals, e.g. HeLa, CHO) must match in their own case */
  terms: Map<string, { term: string; taxon: string; exact: boolean }>;
  pattern: RegExp;
  /** human NCBI Gene id → taxon → [id, symbol] */
  orthologs: Map<string, Map<string, [string, string]>>;
  /** rodent-genes.tsv, read on first use by rodentGenes() (a path, so the data still crosses to worker threads) */
  rodentFile: string;
  /** family-members.tsv (FamPlex family → human members and their names), read on first use by familyMembers() */
  familyFile: string;
  /** ambiguous.tsv (keys the dictionary dropped: several genes claim them), read on first use by ambiguousGenes() */
  ambiguousFile?: string;
}

export interface SpeciesMention {
  start: number; end: number; taxon: string;
  /** "patient(s)": the people studied, not an organism named in passing ("human HIDS", "human, mouse and rat homologs") */
  subjects?: boolean;
  /** named in a sentence that reports the authors' own work (STUDY_SENTENCE), set by assignSpecies */
  study?: boolean;
}

/** the document vote of a study-subject word (SpeciesMention.subjects); chosen on NLM-Gene, BioRED and GNormPlus Train */
export const SUBJECT_WEIGHT = 2;
const SUBJECTS = /^patients?$/i;

/**
 * A sentence that reports the authors' own work ("Here we show", "In this study", "our results") names the organism
 * studied; background sentences name the organisms of earlier work and of the disease ("a fatal cause of the patients
 * with diabetes", "mutations found in male infertile mice"). Its organisms weigh STUDY_WEIGHT times in the document vote.
 * Chosen on NLM-Gene, BioRED and GNormPlus Train.
 */
const STUDY_SENTENCE = /\b(?:we|our|here|this study|(?:the )?present study)\b/i;
export const STUDY_WEIGHT = 3;

/**
 * Words that make the mice or rats of their sentence hosts of a human tumour or cells ("tumour growth
 * in nude mice", "HCT-116 xenografts in mice"): the genes studied are the graft's, so such a rodent
 * word casts no vote for the sentence or the document.
 */
const HOST_CUE = /(?<![A-Za-z])(?:nude|athymic|SCID|NSG|NOD[/-]SCID|immuno-?(?:deficient|compromised)|xeno-?(?:graft|transplant)(?:s|ed|ation)?)(?![A-Za-z])/i;

/**
 * Tumour words ("inhibition in tumor growth", "reduced tumorigenesis in mice") in a sentence that also names a human
 * cell line or human word make its mice or rats hosts of the human tumour cells, as HOST_CUE does, for that sentence
 * only: without a human cue in the sentence they may be a mouse tumour model (`Ink4a/Arf` loss), so the document keeps
 * its rodent votes elsewhere. Chosen on NLM-Gene, BioRED and GNormPlus Train.
 */
const TUMOUR_CUE = /(?<![A-Za-z])(?:tumou?rs?\s+(?:growth|formation|volume|burden|size)|tumou?rigen(?:esis|icity)|metastas[ie]s)(?![A-Za-z])/i;

/**
 * Genotypes of animals bred for a study: `Rag2(-/-)`, `Mvk (+/-)`, `gankyrin(f/f)`, `fl/fl`, knockout, littermates (not
 * the racemate prefix `(+/-)-`). Where the document names no organism with gene ids (none, or only yeast as a comparison),
 * they make it a mouse study.
 */
const BRED_GENOTYPE = /\((?:\+\/[-+])\)(?!-)|-\/-|\b(?:fl|f)\/(?:fl|f)\b|\bknock-?out\b|\blittermates?\b/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Reads species.tsv and orthologs.tsv from a dictionary folder; undefined when they are absent. */
export function loadSpeciesData(dir: string): SpeciesData | undefined {
  const sp = path.join(dir, 'species.tsv'), or = path.join(dir, 'orthologs.tsv');
  if (!existsSync(sp) || !existsSync(or)) return undefined;
  const terms = new Map<string, { term: string; taxon: string; exact: boolean }>();
  for (const line of readFileSync(sp, 'utf8').split('\n').slice(0)) {
    if (!line || line.startsWith('#') || line.startsWith('term\t')) continue;
    const [term, taxon] = line.split('\t');
    // a term with capitals after its first letter (HeLa, CHO, MCF-7) is a name in its own case
    terms.set(term.toLowerCase(), { term, taxon, exact: /[A-Z]/.test(term.slice(1)) });
  }
  const alternation = [...terms.values()].map((t) => t.term).sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((t) => escape(t).replace(/ /g, '\\s+')).join('|');
  const pattern = new RegExp(`(?<![A-Za-z0-9-])(?:${alternation})(?![A-Za-z0-9])`, 'gi');
  const orthologs = new Map<string, Map<string, [string, string]>>();
  for (const line of readFileSync(or, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('human\t')) continue;
    const c = line.split('\t');
    const m = new Map<string, [string, string]>();
    if (c[1]) m.set(MOUSE, [c[1], c[2]]);
    if (c[3]) m.set(RAT, [c[3], c[4]]);
    if (c[5]) m.set(ZEBRAFISH, [c[5], c[6]]);
    orthologs.set(c[0], m);
  }
  return { terms, pattern, orthologs, rodentFile: path.join(dir, 'rodent-genes.tsv'), familyFile: path.join(dir, 'family-members.tsv'), ambiguousFile: path.join(dir, 'ambiguous.tsv') };
}

const ambiguousCache = new Map<string, Map<string, string[]>>();
/** termKey → the NCBI Gene ids that claim a key the dictionary dropped as ambiguous (ambiguous.tsv); empty when absent */
export function ambiguousGenes(data: SpeciesData | undefined): Map<string, string[]> {
  const file = data?.ambiguousFile;
  if (!file) return new Map();
  let out = ambiguousCache.get(file);
  if (out) return out;
  out = new Map();
  ambiguousCache.set(file, out);
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('term\t')) continue;
    const [term, candidates] = line.split('\t');
    const ids = (candidates ?? '').split('|').filter((c) => c.startsWith('NCBIGene:'));
    if (ids.length < 2) continue;
    const k = termKey(term);
    const had = out.get(k);
    out.set(k, had ? [...new Set([...had, ...ids])] : ids);
  }
  return out;
}

const rodentCache = new Map<string, Map<string, [string, string]>>();
/** `<taxon>\t<termKey>` → [id, symbol] of the rodent's own gene (rodent-genes.tsv: term, taxon, id, symbol, kind); empty when the file is absent */
export function rodentGenes(data: SpeciesData): Map<string, [string, string]> {
  let out = rodentCache.get(data.rodentFile);
  if (out) return out;
  out = new Map();
  rodentCache.set(data.rodentFile, out);
  const file = data.rodentFile;
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('term\t')) continue;
    const [term, taxon, id, symbol] = line.split('\t');
    out.set(`${taxon}\t${termKey(term)}`, [id, symbol]);
  }
  return out;
}

const symbolCache = new WeakMap<SpeciesData, Map<string, [string, string]>>();
/**
 * `<taxon>\t<lower-case symbol>` → [id, symbol]: the mouse, rat and zebrafish official symbols of the ortholog
 * map, which rodent-genes.tsv leaves out (`Apc` in a mouse passage is mouse Apc, a name the human dictionary
 * keeps `exact` against the English word). Keyed by the symbol as written, not by termKey: 46k keys in ~20 ms.
 */
function orthologSymbols(data: SpeciesData): Map<string, [string, string]> {
  let out = symbolCache.get(data);
  if (out) return out;
  out = new Map();
  symbolCache.set(data, out);
  for (const m of data.orthologs.values()) for (const [taxon, [id, symbol]] of m) {
    const k = `${taxon}\t${symbol.toLowerCase()}`;
    if (!out.has(k)) out.set(k, [id, symbol]);
  }
  return out;
}

const humanCache = new WeakMap<SpeciesData, Map<string, string>>();
/** `<taxon>\t<id>` of a mouse, rat or zebrafish gene → the human gene whose ortholog it is (the ortholog map read backwards) */
function humanOf(data: SpeciesData, taxon: string, id: string): string | undefined {
  let out = humanCache.get(data);
  if (!out) {
    out = new Map();
    humanCache.set(data, out);
    for (const [human, m] of data.orthologs) for (const [t, [oid]] of m) if (!out.has(`${t}\t${oid}`)) out.set(`${t}\t${oid}`, human);
  }
  return out.get(`${taxon}\t${id}`);
}

/** the organism's own gene named `surface`: rodent-genes.tsv first, then the ortholog map's official symbols */
export function ownGene(data: SpeciesData, taxon: string, surface: string): [string, string] | undefined {
  return rodentGenes(data).get(`${taxon}\t${termKey(surface)}`) ?? orthologSymbols(data).get(`${taxon}\t${surface.toLowerCase()}`);
}

/** Organism names and cues in the text, in order. */
export function findSpecies(text: string, data: SpeciesData): SpeciesMention[] {
  const out: SpeciesMention[] = [];
  for (const { index, text: s } of speciesMatches(text, data.pattern)) {
    const t = data.terms.get(s.replace(/\s+/g, ' ').toLowerCase());
    if (!t) continue;
    // exact terms in their own case; others in lower case or capitalized only ("Mice", never "MICE" or "mIce")
    const ok = t.exact ? s === t.term : s === s.toLowerCase() || s === s[0].toUpperCase() + s.slice(1).toLowerCase() || s === t.term;
    // both flags written (undefined when unset), so every species mention has one hidden class (assignSpecies sets `study`)
    if (ok) out.push({ start: index, end: index + s.length, taxon: t.taxon, subjects: SUBJECTS.test(s) || undefined, study: undefined });
  }
  // cell lines named by a shape (NCI-H2052, "H2691 cells"), where no listed name is found
  const shaped = findCellLineShapes(text).filter((c) => !out.some((x) => x.start < c.end && c.start < x.end));
  if (!shaped.length) return out;
  for (const c of shaped) out.push({ ...c, subjects: undefined, study: undefined });
  return out.sort((a, b) => a.start - b.start);
}

/** organisms whose genes the sources give NCBI Gene ids (human, and mouse, rat, zebrafish through the ortholog map) */
const GROUNDABLE = new Set([HUMAN, MOUSE, RAT, ZEBRAFISH]);
/** norms of gene families (FamPlex, HGNC gene groups, GtoPdb families) */
const FAMILY_NORM = /^(?:FPLX|HGNC\.FAMILY|IUPHAR\.FAMILY):/;
/** species word directly before the mention: "mouse Erbb2", "human-TRPA1" */
const GAP_BEFORE = /^[\s-]{1,2}$/;

function dominant(species: SpeciesMention[], titleEnd: number, only?: Set<string>): string | undefined {
  const count = new Map<string, number>();
  for (const s of species) {
    if (only && !only.has(s.taxon)) continue;
    const weight = (s.start < titleEnd ? 2 : 1) * (s.subjects ? SUBJECT_WEIGHT : 1) * (s.study ? STUDY_WEIGHT : 1);
    count.set(s.taxon, (count.get(s.taxon) ?? 0) + weight);
  }
  // a tie goes to the smaller taxon id as a string: mouse (10090), rat, zebrafish (7955), then human (9606);
  // ties to human instead lowered NLM-Gene train span+id (a tie is mostly a rodent study citing human work)
  return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

/**
 * The species mentions inside [start, end], in order. findSpecies gives them in text order (one
 * regex scan), so a binary search finds the first instead of a scan of all per sentence
 * (quadratic in a long document).
 */
export function speciesWithin(species: SpeciesMention[], start: number, end: number): SpeciesMention[] {
  let lo = 0, hi = species.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (species[mid].start < start) lo = mid + 1; else hi = mid; }
  const out: SpeciesMention[] = [];
  for (let i = lo; i < species.length && species[i].start <= end; i++) if (species[i].end <= end) out.push(species[i]);
  return out;
}

/** the species word directly before a mention ("mouse Erbb2", "human-TRPA1"), if any */
function speciesBefore(text: string, found: SpeciesMention[], m: Mention): SpeciesMention | undefined {
  return speciesWithin(found, m.start - 12, m.start).find((x) => x.end <= m.start && GAP_BEFORE.test(text.slice(x.end, m.start)));
}

/**
 * One species per spelling: a gene the document once writes after the name of an organism with gene ids ("human
 * selenoprotein H", a transfected human gene in a mouse cell line) is that organism's wherever the same spelling would
 * otherwise take the document's vote. Spellings whose species words disagree, and organisms without gene ids
 * ("bovine lactoferrin" given to rats keeps the rat vote), decide nothing. Chosen on NLM-Gene, BioRED and GNormPlus Train.
 */
export function speciesBySpelling(text: string, found: SpeciesMention[], mentions: Mention[]): Map<string, string> {
  const out = new Map<string, string>(), mixed = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'gene') continue;
    const taxon = speciesBefore(text, found, m)?.taxon;
    if (!taxon || !GROUNDABLE.has(taxon)) continue;
    const surface = text.slice(m.start, m.end);
    if (out.has(surface) && out.get(surface) !== taxon) mixed.add(surface);
    out.set(surface, taxon);
  }
  for (const s of mixed) out.delete(s);
  return out;
}

/**
 * Decides each gene mention's species and regrounds it to the ortholog (mutates and returns `mentions`). `context`: the
 * document's other mentions, already decided (genes nested in pathway names get the document's evidence: how it writes
 * its genes, the organism named before a spelling, the members it names), read but not changed.
 */
export function assignSpecies(text: string, sentences: Sentence[], mentions: Mention[], data: SpeciesData | undefined, context: Mention[] = []): Mention[] {
  if (!data) return mentions;
  const evidence = context.length ? [...context, ...mentions] : mentions;
  const found = findSpecies(text, data);
  const titleEnd = sentences[0]?.end ?? 0;
  const bySentence = new Map<number, SpeciesMention[]>();
  const species: SpeciesMention[] = [];
  let grafted = false;
  for (const s of sentences) {
    const within = speciesWithin(found, s.start, s.end);
    // rodents hosting a graft vote for nothing (HOST_CUE)
    const sentence = text.slice(s.start, s.end);
    const host = HOST_CUE.test(sentence);
    // tumour words beside a human cue: the sentence's rodents host human tumour cells (TUMOUR_CUE), the document's may not
    const tumour = !host && TUMOUR_CUE.test(sentence) && within.some((x) => x.taxon === HUMAN);
    if (STUDY_SENTENCE.test(sentence)) for (const x of within) x.study = true;
    grafted ||= host;
    const votes = host || tumour ? within.filter((x) => !RODENTS.has(x.taxon)) : within;
    bySentence.set(s.index, votes);
    species.push(...votes);
  }
  let docSpecies = dominant(grafted ? species.filter((x) => !RODENTS.has(x.taxon)) : species, titleEnd) ?? (grafted ? dominant(species, titleEnd) : undefined);
  // a weak cue (none, an organism without gene ids such as yeast in "from yeast to mammals", or a single human
  // word) gives way to genes written the rodent way (species-nomenclature.ts); grafts keep their human genes
  const weak = !docSpecies || !GROUNDABLE.has(docSpecies) || (docSpecies === HUMAN && species.filter((x) => x.taxon === HUMAN).length === 1);
  // genotypes of bred animals speak of mice where no organism with gene ids is named at all
  const bred = !species.some((x) => GROUNDABLE.has(x.taxon)) && BRED_GENOTYPE.test(text);
  if (weak && !grafted && (bred || writtenTheRodentWay(text, evidence, (surface) => !!ownGene(data, MOUSE, surface)))) {
    docSpecies = species.some((x) => x.taxon === RAT) && !species.some((x) => x.taxon === MOUSE) ? RAT : MOUSE;
  }
  // rodent nomenclature decides only in a document mainly about rodents (a review citing mouse work keeps `Src` human)
  const docRodent = docSpecies && RODENTS.has(docSpecies) ? docSpecies : undefined;
  const spelled = speciesBySpelling(text, found, evidence);
  // families grounded to a member in a non-human passage (family \t taxon → member, null when members differ), and those not
  const named = new Map<string, [string, string] | null>(), unnamed: { m: Mention; taxon: string; how: string }[] = [];
  for (const m of mentions) {
    if (m.type !== 'gene') continue;
    const ungrounded = m.norm.startsWith('LOCAL:');
    const family = FAMILY_NORM.test(m.norm);
    if (!m.norm.startsWith('NCBIGene:') && !ungrounded && !family) continue;
    const surface = text.slice(m.start, m.end);
    const local = bySentence.get(m.sentence) ?? [];
    const before = speciesBefore(text, found, m);
    // a one-letter prefix (hTRPM8, mTRPV4) was decided by species-prefix.ts
    let taxon = m.species?.slice(10) ?? before?.taxon, how = m.species ? 'prefix' : 'before';
    if (!taxon && docRodent && RODENT_STYLE.test(surface)) { taxon = docRodent; how = 'nomenclature'; }
    if (!taxon && local.length) { taxon = [...local].sort((a, b) => dist(a, m) - dist(b, m))[0].taxon; how = 'sentence'; }
    if (!taxon && spelled.has(surface)) { taxon = spelled.get(surface); how = 'spelling'; }
    if (!taxon) { taxon = docSpecies; how = 'document'; }
    if (!taxon) continue;
    // the rodent's own name first (`Sca-1` is mouse Ly6a, with no human ortholog), then the ortholog of the human gene
    let via = 'rodent-name';
    let own = RODENTS.has(taxon) || taxon === ZEBRAFISH ? ownGene(data, taxon, surface) : undefined;
    if (family && taxon !== HUMAN) {
      const fm = familyMembers(data.familyFile);
      // a family is grounded only to a member: rat `Erk` (an old symbol of Ephb1) is no ERK
      if (own && !mayBeMember(fm, m.norm, humanOf(data, taxon, own[0]))) own = undefined;
      // a family written as one human member's name (`NF-kB`: NFKB1; `pERK`, `ERK1/2`: memberWritten) is that member's ortholog
      const member = own ? undefined : memberWritten(fm, m.norm, surface);
      const ortholog = member && data.orthologs.get(member)?.get(taxon);
      if (ortholog) { own = ortholog; via = 'member-name'; }
    }
    // (a family no name grounds may still take the member its other names did: after the loop)
    if (family && !own && taxon !== HUMAN) unnamed.push({ m, taxon, how });
    // a name the learned tagger found (LOCAL:), or a family name, is grounded only through the organism's own names
    if ((ungrounded || family) && !own) continue;
    // a family written as one rodent gene's registered name (`Akt`: mouse Akt1) is that gene; the family stays in `source`
    if (family && own) {
      const key = `${m.norm}\t${taxon}`;
      named.set(key, named.has(key) && named.get(key)?.[0] !== own[0] ? null : own);
      m.species = `NCBITaxon:${taxon}`; m.source = `${m.source}|family:${m.norm}|species:${taxon}:${how}:${via}`; m.norm = `NCBIGene:${own[0]}`; m.name = own[1]; continue;
    }
    m.species = `NCBITaxon:${taxon}`;
    if (taxon === HUMAN) continue;
    const ortholog = data.orthologs.get(m.norm.slice(9))?.get(taxon);
    // a hand-curated human entry (dictionaries/overlay: `COX-2` is PTGS2 as papers mean it) keeps its ortholog over a
    // rodent synonym of another gene (mouse `COX2` is mt-Co2)
    if (own && !(ortholog && m.source.startsWith('overlay'))) { m.norm = `NCBIGene:${own[0]}`; m.name = own[1]; m.source = `${m.source}|species:${taxon}:${how}:rodent-name`; continue; }
    if (ortholog) { m.norm = `NCBIGene:${ortholog[0]}`; m.name = ortholog[1]; m.source = `${m.source}|species:${taxon}:${how}`; }
    else m.source = `${m.source}|species:${taxon}:${how}:no-ortholog`;
  }
  // the family's other names in the same organism's passages (`vascular endothelial growth factor` beside `VEGF` → Vegfa)
  // mean the one member the document named, when it named only one
  // otherwise the first member the passage's organism names as a gene of its own (`MTNR1A` beside "melatonin receptors")
  for (const { m, taxon, how } of unnamed) {
    let own = named.get(`${m.norm}\t${taxon}`), via = 'same-family';
    if (!own) {
      const inTaxon = (x: Mention) => (x.species === `NCBITaxon:${taxon}` ? humanOf(data, taxon, x.norm.slice(9)) : undefined);
      const member = memberNamedInDocument(familyMembers(data.familyFile), m.norm, evidence, inTaxon);
      if (member) { own = [member.norm.slice(9), member.name]; via = 'member-in-document'; }
    }
    if (!own) continue;
    m.species = `NCBITaxon:${taxon}`; m.source = `${m.source}|family:${m.norm}|species:${taxon}:${how}:${via}`; m.norm = `NCBIGene:${own[0]}`; m.name = own[1];
  }
  return mentions;
}

const dist = (s: SpeciesMention, m: { start: number; end: number }) => (s.end <= m.start ? m.start - s.end : s.start - m.end);

