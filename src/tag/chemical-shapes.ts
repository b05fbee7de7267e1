/**
 * Chemicals found by their shape where the vocabulary is silent:
 *  - research compound codes: a company or lab prefix and a serial number (LY294002, SB-203580,
 *    U0126, GW-572016, AZD6244, GDC-0941), typed `chemical`, normalized to `code:<PREFIX><NUMBER>`
 *    (ungrounded: no vocabulary lists them). Cell lines, accession and grant numbers share the
 *    shape, so their prefixes are listed out, and a code next to "cells" is a cell line.
 *  - ions written with their charge (Ca2+, Ca(2+), Na+, Cl-), grounded to the element's MeSH id.
 * Each rule keeps its examples as data (run as tests).
 */
import type { Sentence } from '../segment/segment.js';
import { mention, type Mention } from './mention.js';
import { spanOverlap } from './span-index.js';

export interface ShapeExample { text: string; mention: string; tagged: boolean }

/** prefixes of cell lines, accessions, catalogue and grant numbers, gene-symbol series */
const NOT_A_CODE = new Set(('HCC BT MDA MB SK BR MCF HEK SUM NCI HT SW PC DU KPL OE HN HL CAL HCT LS DLD MKN TE KYSE UACC EFM AU HS ZR ' +
  'JIMT CAMA COS CHO NIH LNCAP VCAP KG MOLM SNU HUH SKOV OVCAR IGROV PANC CAPAN ASPC BXPC MIA HPAF CFPAC ' +
  'PMID PMC NCT GSE GSM GPL SRR SRX ERR DRR PRJNA PRJEB ATCC CRL HTB CCL RRID ISO ISBN DSM JCM EC PDB CAS ' +
  'CA DK GM ES NS MH EY HD AR AI RR TR UL RO KIAA FLJ LOC DKFZ MGC ORF BAC MIR LINC SNORD HLA RPL RPS TM GPR OR ZNF CCDC FAM TMEM SLC KRT CD CYP UGT ABC NR IL TNF ' +
  'RAW NC NCTC HPA IRB CECT CAB SC AB MAB KCTC CGMCC JCRB RCB NBRC CBS LMG ' +
  'FIG TABLE REF EXON INTRON CODON NO PAGE VOL WT').split(' '));

/** prefix, separator, serial ("CP-101,606" keeps its thousands group), suffix; never followed by ".7" (RAW 264.7) */
const CODE = /(?<![\w\-–/.])([A-Z]{1,5}[a-z]?)(?:[-–]| )?(\d{3,7}(?:,\d{3})?)([A-Z]{0,2}\d?)(?![\w\-–/]|\.\d)/g;
const CELL_AFTER = /^[\s-]*(cells?|cell lines?|xenografts?|tumou?rs?|mice|clones?)\b/i;

export const RESEARCH_CODE_EXAMPLES: ShapeExample[] = [
  { text: 'cells were treated with LY294002 for 1 h', mention: 'LY294002', tagged: true },
  { text: 'the p38 inhibitor SB-203580 blocked it', mention: 'SB-203580', tagged: true },
  { text: 'the MEK inhibitor U0126 (10 µM)', mention: 'U0126', tagged: true },
  { text: 'GW-572016 is lapatinib', mention: 'GW-572016', tagged: true },
  { text: 'with PD 0325901 or AZD6244', mention: 'AZD6244', tagged: true },
  { text: 'HCC1954 cells were resistant', mention: 'HCC1954', tagged: false },
  { text: 'BT474 xenografts grew', mention: 'BT474', tagged: false },
  { text: 'in MDA-MB-231 cells', mention: 'MB-231', tagged: false },
  { text: 'the trial NCT01234567 enrolled', mention: 'NCT01234567', tagged: false },
  { text: 'the T790M mutation', mention: 'T790M', tagged: false },
  { text: 'in A549 lung cancer cells', mention: 'A549', tagged: false },
  { text: 'supported by grant CA123456', mention: 'CA123456', tagged: false },
  { text: 'In 2018 the agency approved', mention: 'In 2018', tagged: false },
  { text: 'the NR2B antagonist CP-101,606 was given', mention: 'CP-101,606', tagged: true },
  { text: 'in RAW 264.7 macrophages', mention: 'RAW 264', tagged: false },
  { text: 'Epertinib (S-222611) is an inhibitor', mention: 'S-222611', tagged: false },
];

/** Research-code spans in one sentence slice: [start, end, norm]. */
export function findResearchCodes(slice: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const m of slice.matchAll(CODE)) {
    const [whole, prefix, digits, suffix] = m;
    if (NOT_A_CODE.has(prefix.toUpperCase())) continue;
    // one letter: only with a long or zero-led serial (U0126, A23187), never T790M or A549
    if (prefix.length === 1 && !(digits.length >= 5 || digits.startsWith('0'))) continue;
    // a year ("In 2018", "May 2020") is no code
    if (/^(19|20)\d\d$/.test(digits) && !suffix && (/[a-z]/.test(prefix) || whole.includes(' '))) continue;
    // "Epertinib (S-222611)": a code in parentheses after a name is that name's alias, not another agent
    if (slice[m.index - 1] === '(' && /[A-Za-z]\s*$/.test(slice.slice(0, m.index - 1))) continue;
    if (CELL_AFTER.test(slice.slice(m.index + whole.length, m.index + whole.length + 20))) continue;
    out.push([m.index, m.index + whole.length, `code:${prefix.toUpperCase()}${digits.replace(',', '')}${suffix}`]);
  }
  return out;
}

/** element or ion → MeSH id and name */
const IONS: Record<string, [string, string]> = {
  Ca: ['MeSH:D002118', 'Calcium'], Na: ['MeSH:D012964', 'Sodium'], K: ['MeSH:D011188', 'Potassium'], Mg: ['MeSH:D008274', 'Magnesium'],
  Zn: ['MeSH:D015032', 'Zinc'], Fe: ['MeSH:D007501', 'Iron'], Cu: ['MeSH:D003300', 'Copper'], Cl: ['MeSH:D002712', 'Chlorides'],
  Mn: ['MeSH:D008345', 'Manganese'], Li: ['MeSH:D008094', 'Lithium'], Cd: ['MeSH:D002104', 'Cadmium'], Hg: ['MeSH:D008628', 'Mercury'],
  Pb: ['MeSH:D007854', 'Lead'], Co: ['MeSH:D003035', 'Cobalt'], Ni: ['MeSH:D009532', 'Nickel'], H: ['MeSH:D011522', 'Protons'],
};
/** with a charge (Ca2+, Na+), or a two-letter symbol alone (Mn, Hg) where it cannot be a word */
const ION = /(?<![\w])(?:(Ca|Na|K|Mg|Zn|Fe|Cu|Cl|Mn|Li|Cd|Hg|Pb|Co|Ni|H)(?:\(\d?[+-]\)|\d?[+-]|\[\d?[+-]\])|(Mn|Hg|Cu|Zn|Cd|Pb|Fe|Mg|Ni)(?=[\s,;)]))(?![\w+]|-(?![\w(]))/g;
/** a charge written after a hyphenated word is the ion's ("Ca(2+)-mobilizing", "Ca2+-dependent") */
const ION_BEFORE_WORD = /(?<![\w])(Ca|Na|K|Mg|Zn|Fe|Cu|Mn|Cd)(?:\(\d?\+\)|\d?\+)(?=-[a-z])/g;

export const ION_EXAMPLES: ShapeExample[] = [
  { text: 'intracellular Ca2+ rose', mention: 'Ca2+', tagged: true },
  { text: 'Ca(2+) influx', mention: 'Ca(2+)', tagged: true },
  { text: 'Na+ and K+ currents', mention: 'K+', tagged: true },
  { text: 'Cl- efflux', mention: 'Cl-', tagged: true },
  { text: 'CD8+ T cells', mention: 'CD8+', tagged: false },
  { text: 'exposure to Mn and Hg in welders', mention: 'Mn', tagged: true },
  { text: 'the Co-IP assay', mention: 'Co', tagged: false },
  { text: 'HER2+ tumours', mention: 'HER2+', tagged: false },
  { text: 'a Ca(2+)-mobilizing agent', mention: 'Ca(2+)', tagged: true },
  { text: 'Ca2+-dependent release', mention: 'Ca2+', tagged: true },
];

export function findIons(slice: string): [number, number, string, string][] {
  return [...slice.matchAll(ION), ...slice.matchAll(ION_BEFORE_WORD)].map((m) => [m.index, m.index + m[0].length, ...IONS[m[1] ?? m[2]]] as [number, number, string, string]);
}

const ELEMENTS = new Set(('H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba ' +
  'La Ce Gd Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi U').split(' '));
/** element symbols, each with a count (2, (2)) and a charge at the end ((2+), (-)) */
const FORMULA = /(?<![\w\-–])((?:[A-Z][a-z]?(?:[1-9]|\([1-9]\))?){1,6})((?:\(\d?[+-]\))?)(?![\w\-–]|\(\d)/g;
/** counts after single-letter symbols only ("SH2", "NOS2", "PI3K", "U2OS" are genes, domains and cell lines): only small groups of C, H, N, O */
const SMALL_GROUP = /^(?:[CHNO]{2,3}\d|H\d?[NO]\d?)$/;
/** alkyl fragments of a structure ("OCH(3)", "CH(2)") are no chemical of their own */
const FRAGMENT = /^O?CH\(?\d\)?$/;
/** a salt written without counts ("NaCl", "KBr") */
const HALIDE_SALT = /^(?:Li|Na|K|Rb|Cs|Ag|Ca|Mg|Ba)(?:Cl|Br|I|F)$/;
const METAL_ION = /^(?:Li|Na|K|Mg|Ca|Al|Ti|V|Cr|Mn|Fe|Co|Ni|Cu|Zn|Ga|As|Se|Sr|Mo|Ag|Cd|Sn|Sb|Cs|Ba|La|Gd|W|Pt|Au|Hg|Tl|Pb|Bi|U)\(\d?\+\)$|^(?:F|Cl|Br|I)\(-\)$/;

export const FORMULA_EXAMPLES: ShapeExample[] = [
  { text: 'hydrogen sulfide (H(2)S) was released', mention: 'H(2)S', tagged: true },
  { text: 'aligned TiO2 nanotubes', mention: 'TiO2', tagged: true },
  { text: 'exposure to CCl4 injured the liver', mention: 'CCl4', tagged: true },
  { text: 'arsenite (NaAsO(2)) and As(2)O(3) were toxic', mention: 'As(2)O(3)', tagged: true },
  { text: 'CO2 and NH3 levels', mention: 'CO2', tagged: true },
  { text: 'V(5+) and Cr(6+) ions', mention: 'V(5+)', tagged: true },
  { text: 'isotonic NaCl solution', mention: 'NaCl', tagged: true },
  { text: 'the SH2 domain of Grb2', mention: 'SH2', tagged: false },
  { text: 'NOS2 expression', mention: 'NOS2', tagged: false },
  { text: 'the CO group and NO', mention: 'CO', tagged: false },
  { text: 'In 2018 the agency', mention: 'In', tagged: false },
  { text: 'an IC(50) of 3 nM', mention: 'IC(50)', tagged: false },
  { text: 'HeLa and C2C12 and U2OS cells', mention: 'HeLa', tagged: false },
  { text: 'PI3K and CYP2B4', mention: 'PI3K', tagged: false },
  { text: 'the S(+) enantiomer', mention: 'S(+)', tagged: false },
  { text: 'a methoxy OCH(3) group', mention: 'OCH(3)', tagged: false },
  { text: 'NSCs and VKAs', mention: 'NSCs', tagged: false },
];

/** Inorganic formulas ("H(2)S", "TiO2", "CCl4", "As(2)O(3)", "V(5+)") in one sentence slice: [start, end]. */
export function findFormulas(slice: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of slice.matchAll(FORMULA)) {
    const [whole, body] = m;
    const symbols = [...body.matchAll(/([A-Z][a-z]?)(\d|\(\d\))?/g)];
    if (!symbols.every((x) => ELEMENTS.has(x[1])) || FRAGMENT.test(body)) continue;
    let ok: boolean;
    if (symbols.length === 1) ok = METAL_ION.test(whole);
    else if (!symbols.some((x) => x[2])) ok = HALIDE_SALT.test(body) && body.length >= 4;
    // a two-letter symbol (TiO2, CCl4) or a count in parentheses (H(2)S) marks a formula; else only small C/H/N/O groups
    else ok = symbols.some((x) => x[1].length === 2 || x[2]?.startsWith('(')) || SMALL_GROUP.test(body);
    if (ok) out.push([m.index, m.index + whole.length]);
  }
  return out;
}

/** Shape mentions in the in-scope sentences that no dictionary candidate overlaps. */
export function tagChemicalShapes(text: string, sentences: Sentence[], taken: { start: number; end: number }[]): Mention[] {
  const out: Mention[] = [];
  // an index over the candidates, not a scan of them all per shape (quadratic in a long document)
  let overlapsTaken: ((start: number, end: number) => boolean) | undefined;
  const free = (s: number, e: number) => !(overlapsTaken ??= spanOverlap(taken))(s, e);
  for (const s of sentences) {
    const slice = text.slice(s.start, s.end);
    for (const [a, b, norm] of findResearchCodes(slice))
      if (free(s.start + a, s.start + b)) out.push(mention('chemical', s.start + a, s.start + b, norm, slice.slice(a, b), s.index, 'shape:research-code'));
    const ions = findIons(slice);
    for (const [a, b, norm, name] of ions)
      if (free(s.start + a, s.start + b)) out.push(mention('chemical', s.start + a, s.start + b, norm, name, s.index, 'shape:ion'));
    // formulas where neither the dictionaries nor the ion rule found anything (ungrounded: LOCAL:<formula>)
    for (const [a, b] of findFormulas(slice))
      if (free(s.start + a, s.start + b) && !ions.some(([x, y]) => x < b && a < y)) out.push(mention('chemical', s.start + a, s.start + b, `LOCAL:${slice.slice(a, b)}`, slice.slice(a, b), s.index, 'shape:formula'));
  }
  return out;
}

/**
 * Stereo, isotope and salt-form prefixes belong to the chemical's name: "[3H]prazosin",
 * "(+/-)-pindolol", "(-) epicatechin", "R-flurbiprofen", "d-sotalol", "L-carnitine", "[(11)C]-doxepin".
 */
const PREFIX = /(?:\[\(?\d{1,3}\)?[A-Z][a-z]?\]|\(\d{1,3}\)[A-Z][a-z]?|\d{1,3}[A-Z][a-z]?-|\((?:[+±-]|\+\/-|[RS]|RS|[EZ])\)|(?<![\w-])(?:[dlDLRS]|dl|DL|rac|cis|trans|meso)(?=-))[\s-]?$/;

export const PREFIX_EXAMPLES: { text: string; mention: string; extended: string }[] = [
  { text: 'binding of [3H]prazosin to membranes', mention: 'prazosin', extended: '[3H]prazosin' },
  { text: 'racemic (+/-)-pindolol was used', mention: 'pindolol', extended: '(+/-)-pindolol' },
  { text: 'R-flurbiprofen inhibited', mention: 'flurbiprofen', extended: 'R-flurbiprofen' },
  { text: 'uptake of [(11)C]-doxepin', mention: 'doxepin', extended: '[(11)C]-doxepin' },
  { text: 'the drug sotalol was used', mention: 'sotalol', extended: 'sotalol' },
  { text: 'HER2-lapatinib complexes', mention: 'lapatinib', extended: 'lapatinib' },
];

/** Widens chemical and drug mentions over a stereo/isotope prefix right before them. */
export function extendChemicalPrefixes(text: string, mentions: Mention[]): Mention[] {
  // "another mention starts before m and reaches into its prefix", asked of the spans as they were
  // (an index, not a scan of every mention per prefix) and of the mentions widened so far: a widened
  // one starts earlier than it did, which matters only to a mention that started where it did
  let overlapsBefore: ((start: number, end: number) => boolean) | undefined;
  const widenedEnd = new Map<number, number>();
  for (const m of mentions) {
    if (m.type !== 'drug' && m.type !== 'chemical') continue;
    const before = text.slice(Math.max(0, m.start - 14), m.start);
    const p = PREFIX.exec(before);
    if (!p || /\s$/.test(p[0]) && !/\)\s$/.test(p[0])) continue;
    const start = m.start - p[0].length;
    overlapsBefore ??= spanOverlap(mentions.map((o) => ({ start: o.start, end: o.end })));
    if (overlapsBefore(start, m.start) || (widenedEnd.get(m.start) ?? -Infinity) > start) continue;
    widenedEnd.set(m.start, Math.max(m.end, widenedEnd.get(m.start) ?? -Infinity));
    m.start = start;
  }
  return mentions;
}
