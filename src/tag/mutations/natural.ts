/**
 * Natural-language variant descriptions, as tmVar3 annotates them (OtherMutation / natural
 * forms): sized edits ("57 kb deletion", "deletion of 6 bp at position 1494", "four-basepair
 * deletion"), edits of a named nucleotide ("deletion of C at nucleotide 888", "adenosine deletion
 * at position 5772"), and substitutions written with residue or nucleotide names ("arginine to
 * tryptophan at codon 198", "leucine to methionine", "guanine to adenine substitution of
 * nucleotide -308"). General shapes only: a size with a unit, or two names joined by "to".
 * Bounded quantifiers and fixed vocabularies, as in rules.ts.
 */
import { FULL_SRC, AA3_SRC, residue } from './amino.ts';
import { allele, dnaEdit, dnaSub, genotype, proteinSub } from './notation.ts';
import type { Rule } from './rules.ts';

const LB = '(?<![A-Za-z0-9_])';
const RB = '(?![A-Za-z0-9])';
const WORDS: Record<string, string> = { single: '1', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12' };
const NUMWORD = `(?:${Object.keys(WORDS).join('|')})`;
const NUMBER = `(?:\\d{1,3}(?:,\\d{3}){1,2}|\\d{1,6}(?:\\.\\d{1,2})?)`;
const UNIT = '(?:bp|kbp?|Mbp?|base[- ]?pairs?|basepairs?|nucleotides?|nt|bases?)';
/** the two-word forms first: "insertion" alone must not win over "insertion/deletion" */
const EDIT = '(insertion\\/deletion|deletion\\/insertion|deletion|insertion|duplication|indel)';
const NT_NAMES: Record<string, string> = { adenine: 'A', adenosine: 'A', guanine: 'G', guanosine: 'G', cytosine: 'C', cytidine: 'C', thymine: 'T', thymidine: 'T', uracil: 'U' };
const NT_NAME = `(?:${Object.keys(NT_NAMES).join('|')})`;

/** an edit word after or before a sequence ("TGAG deletion", "CGGGG insertion-deletion") */
const SEQ_EDIT = '(deletion\\/insertion|insertion\\/deletion|insertion-deletion|deletion|insertion|duplication)';
const op = (w: string) => (/\/|indel/.test(w) ? 'delins' : w.startsWith('del') ? 'del' : w.startsWith('ins') ? 'ins' : 'dup') as 'del' | 'ins' | 'dup' | 'delins';
/** tmVar's size form: 57 kb → 57K, 37,410 bp → 37410, four → 4 */
function size(n: string, unit: string): string {
  const v = WORDS[n.toLowerCase()] ?? n.replace(/,/g, '');
  return /^k/i.test(unit) ? `${v}K` : /^M/.test(unit) ? `${v}M` : v;
}
const nt = (s: string) => (s.length === 1 ? s : NT_NAMES[s.toLowerCase()]);

export const NATURAL_RULES: Rule[] = [
  {
    // 57 kb deletion, 3.5-kb gene deletion, 13 base pair deletion, four-basepair deletion, 6-bp deletion/insertion
    id: 'natural-size-edit',
    priority: 4,
    gate: /[dD][eE][lL]|[iI][nN][sS]|[dD][uU][pP]/,
    re: new RegExp(`${LB}(${NUMBER}|${NUMWORD})[- ]?(${UNIT})\\s(?:(?:gene|genomic|homozygous|heterozygous|hemizygous|in-frame|inframe|germline|large|small|nucleotide)\\s){0,2}${EDIT}s?${RB}`, 'gi'),
    build: (m) => ({ ...dnaEdit('c', op(m[3].toLowerCase()), '', size(m[1], m[2]), 'natural') }),
  },
  {
    // deletion of 54 Mbp, deletion of 37,410 bp, deletion of 6 bp at position 1494, insertion of 18 amino acids
    id: 'natural-edit-of-size',
    priority: 4,
    gate: /[dD][eE][lL]|[iI][nN][sS]|[dD][uU][pP]/,
    re: new RegExp(`${LB}${EDIT}\\sof\\s(${NUMBER}|${NUMWORD})[- ]?(${UNIT}|amino acids?|residues?|codons?)(?:\\s(?:at|from)\\s(?:the\\s)?(?:nucleotide\\s)?(?:position\\s)?([-+]?\\d{1,7}))?${RB}`, 'gi'),
    build: (m) => {
      const protein = /amino|residue|codon/i.test(m[3]);
      const n = dnaEdit(protein ? 'p' : 'c', op(m[1].toLowerCase()), m[4] ?? '', size(m[2], protein ? '' : m[3]), 'natural');
      return protein ? { ...n, tmvar: n.tmvar.replace(/^c?\|/, 'p|') } : n;
    },
  },
  {
    // deletion of C at nucleotide 888, deletion of G at the nucleotide position 520
    id: 'natural-edit-of-base',
    priority: 4,
    gate: /(?:deletion|insertion|duplication|indel)\sof\s/,
    re: new RegExp(`${LB}${EDIT}\\sof\\s(?:an?\\s)?([ACGT]{1,6}|${NT_NAME})(?:\\snucleotide)?\\sat\\s(?:the\\s)?(?:nucleotide\\s)?(?:position\\s)?([-+]?\\d{1,7})${RB}`, 'g'),
    build: (m) => dnaEdit('c', op(m[1]), m[3], m[2].length <= 6 && /^[ACGT]+$/.test(m[2]) ? m[2] : nt(m[2]), 'natural'),
  },
  {
    // adenosine deletion at position 5772, adenine deletion at nucleotide 202
    id: 'natural-base-edit-at',
    priority: 4,
    gate: /\s[aA][tT]\s/,
    re: new RegExp(`${LB}(${NT_NAME})\\s${EDIT}\\sat\\s(?:the\\s)?(?:nucleotide|position)\\s(?:position\\s)?([-+]?\\d{1,7})${RB}`, 'gi'),
    build: (m) => dnaEdit('c', op(m[2].toLowerCase()), m[3], nt(m[1]), 'natural'),
  },
  {
    // arginine to tryptophan at codon 198, valine (Val) to alanine (Ala) substitution at amino acid 16, leucine to methionine,
    // aspartic acid to histidine substitution at amino acid position 401
    id: 'natural-protein-to',
    priority: 5,
    gate: /[\s-]to[\s-]/,
    re: new RegExp(
      `(?=[A-Za-z])${LB}(${FULL_SRC})(?:\\sacid)?(?:\\s\\(${AA3_SRC}\\))?(?:\\sresidue)?(?:\\s|-)to(?:\\s|-)(?:an?\\s)?(${FULL_SRC})(?:\\sacid)?(?:\\s\\(${AA3_SRC}\\))?(?:\\sresidue)?(?:\\s(?:substitution|change|mutation|exchange|replacement|alteration))?` +
        `(?:\\s(?:at|of|in)\\s(?:the\\s)?(?:codon|position|residue|amino acid(?:\\sposition)?)\\s(\\d{1,5}))?${RB}(?!\\s(?:ratio|transporter|exchanger))`,
      'g',
    ),
    build: (m) => {
      const ref = residue(m[1]), alt = residue(m[2]);
      return ref && alt && ref !== alt ? proteinSub(ref, m[3] ?? '', alt, 'natural') : null;
    },
  },
  {
    // guanine to adenine substitution of nucleotide -308, T to A at nucleotide position 1135, thymidine to cytosine mutation at position 28, G to A exchange at position 765
    id: 'natural-dna-to',
    priority: 5,
    gate: /[\s-][tT][oO][\s-]/,
    re: new RegExp(
      `${LB}([ACGT]|${NT_NAME})(?:\\s|-)to(?:\\s|-)([ACGT]|${NT_NAME})(?:\\s(?:substitution|transition|transversion|change|exchange|mutation|point mutation))?\\s(?:at|of|in)\\s(?:the\\s)?(?:nucleotide\\s|cDNA\\s)?(position|nucleotide|codon|base)\\s(?:position\\s)?([-+]?\\d{1,7})${RB}`,
      'gi',
    ),
    build: (m) => {
      const ref = nt(m[1].length === 1 ? m[1].toUpperCase() : m[1]), alt = nt(m[2].length === 1 ? m[2].toUpperCase() : m[2]);
      if (!ref || !alt || ref === alt) return null;
      const codon = m[3].toLowerCase() === 'codon';
      return dnaSub(codon ? '' : 'c', ref, codon ? `CODON${m[4]}` : m[4], alt, 'natural');
    },
  },
  {
    // TGAG deletion, (TT) deletion, TCT deletion/insertion, GATT duplication, deletion (TGAG), duplication GGCC, C deletion in codon 241
    id: 'natural-sequence-edit',
    priority: 4,
    gate: /[dD][eE][lL]|[iI][nN][sS]|[dD][uU][pP]/,
    re: new RegExp(
      `${LB}(?:(?:\\(([ACGT]{2,12})\\)|([ACGT]{2,12}))\\s${SEQ_EDIT}|${SEQ_EDIT}\\s(?:\\(([ACGT]{2,12})\\)|([ACGT]{2,12}))` +
        `|([ACGT])\\s(deletion|insertion|duplication)\\s(?:in|at)\\s(?:the\\s)?(codon|nucleotide position|nucleotide|position)\\s(\\d{1,7}))${RB}`,
      'g',
    ),
    build: (m) => {
      const [, sa, sb, e1, e2, sc, sd, base, e3, unit, pos] = m;
      if (base) return dnaEdit('c', op(e3), unit === 'codon' ? `CODON${pos}` : pos, base, 'natural');
      return dnaEdit('c', op((e1 ?? e2).replace('-', '/')), '', sa ?? sb ?? sc ?? sd, 'natural');
    },
  },
  {
    // (CCTTT)14, (TTTA)n, CAG repeat, 5 GC repeats, TTTA repeats (a repeated motif, with its count)
    id: 'natural-repeat',
    priority: 4,
    gate: /\)[\dn]|[ACGT]\srepeat/,
    re: new RegExp(`${LB}(?:\\(([ACGT]{2,8})\\)(\\d{1,3}|n)(?![A-Za-z0-9(])|(?:(\\d{1,3})\\s)?([ACGT]{2,8})\\srepeats?${RB})`, 'g'),
    build: (m) => {
      const seq = m[1] ?? m[4], count = m[2] ?? m[3] ?? '';
      return { kind: 'natural', hgvs: `${seq}[${count || 'n'}]`, tmvar: `c|DUP||${seq}|${count}` };
    },
  },
  {
    // A/G single nucleotide polymorphism (SNP) at position 49, A/G SNP in the -615th position, A>G polymorphism at position -579
    id: 'natural-pair-at',
    priority: 4,
    gate: /[ACGT](?:\/|>)[ACGT]\s/,
    re: new RegExp(
      `${LB}([ACGT])(?:\\/|>)([ACGT])\\s(?:single[- ]nucleotide polymorphism(?:\\s\\(SNP\\))?|SNP|polymorphism|substitution|transition|transversion|variant)\\s(?:at|in)\\s(?:the\\s)?(?:nucleotide\\s)?(?:position\\s)?([-+]?\\d{1,6})(?:st|nd|rd|th)?(?:\\sposition)?${RB}(?!['\u2032])`,
      'g',
    ),
    build: (m) => (m[1] === m[2] ? null : dnaSub('c', m[1], m[3], m[2], 'natural')),
  },
  {
    // G allele at position -1053, T allele at the -31 SNP, C allele at -511 SNP, A at position -838, C in -838 (kind allele;
    // a bare "in" only before a signed position: "T in 12 cases" is no allele)
    id: 'natural-allele-at',
    priority: 4,
    gate: /[ACGT]\s(?:allele\s)?(?:at|in)\s/,
    re: new RegExp(`${LB}([ACGT])(?:\\sallele\\sat\\s(?:the\\s)?(?:position\\s)?([-+]?\\d{1,6})(?:\\sSNP)?|\\sat\\s(?:the\\s)?(?:nucleotide\\s)?position\\s([-+]\\d{1,6})|\\sin\\s([-+]\\d{1,6}))${RB}`, 'g'),
    build: (m) => allele(true, m[2] ?? m[3] ?? m[4], m[1]),
  },
  {
    // homozygous for GG at the -1082, TT at position -31 (kind genotype; both bases equal and a signed position,
    // as "-1131TT" written the other way round: "AG at the 3' end" is no genotype)
    id: 'natural-genotype-at',
    priority: 4,
    gate: /[ACGT]{2}\sat\s/,
    re: new RegExp(`${LB}([ACGT])([ACGT])\\sat\\s(?:the\\s)?(?:position\\s)?([-+]\\d{1,6})${RB}`, 'g'),
    build: (m) => (m[1] === m[2] ? genotype(true, m[3], m[1], m[2]) : null),
  },
];

/** a protein polymorphism written as position then both alleles: "386 Val/Ala", "72 Arg/Pro", "131R/H" */
export const ALLELE_PAIR_RULES: Rule[] = [
  {
    id: 'protein-position-alleles',
    priority: 4,
    gate: /[A-Za-z]\/[A-Z]/,
    re: new RegExp(`${LB}(\\d{1,5})\\s?(?:(${AA3_SRC})\\/(${AA3_SRC})|([ACDEFGHIKLMNPQRSTVWY])\\/([ACDEFGHIKLMNPQRSTVWY]))${RB}(?!\\/)`, 'g'),
    build: (m) => {
      const ref = residue(m[2] ?? m[4]), alt = residue(m[3] ?? m[5]);
      // one-letter pairs that are nucleotides ("921G/A") belong to the DNA rules
      if (!ref || !alt || ref === alt || (m[4] && /^[ACGT]$/.test(m[4]) && /^[ACGT]$/.test(m[5]))) return null;
      return proteinSub(ref, m[1], alt);
    },
  },
];
