/**
 * Alleles named alone: a position with one base or residue, the way association studies write
 * them ("the -1131C allele", "+3962 C allele", "Ala12 carriers", "the I103 allele", "FcgammaRIIA-131R
 * and IIIA-176F alleles"). Such a string is a variant mention only in context, so a shape counts
 * when (1) an allele word follows it ("allele", "carriers", "variant", "haplotype", "polymorphism")
 * or an allele list word precedes it ("haplotypes (", "the allele"), (2) it stands in a list
 * (", ", "/", " and ") with an item that counts, or (3) the document names a substitution at the
 * same position whose reference or alternative is this letter ("Val66Met" supports "Met66",
 * "C1431T" supports "T1431" and "1431T"). A supported allele takes that substitution's notation
 * (it names the same polymorphism); otherwise it is written position + letter (`c.-1131C`,
 * `p.176F`, tmVar `c|SUB||-1131|C`). Kind `allele`: tmVar's guidelines annotate no allele alone,
 * so its evaluation rows leave them out (src/cli/eval-ner.ts).
 *
 * Linear: one bounded regular expression over the sentence, fixed windows around each match, one
 * pass over the list neighbours.
 */
import { AA3_SRC, residue } from './amino.ts';
import { allele, genotype, type Notation } from './notation.ts';
import { variantMention, type VariantMention } from './scan.ts';
import { byStart } from '../span-index.ts';

/** position|letter → the substitution that names it (first in the document) and whether the letter is its alternative */
export type AlleleSupport = Map<string, { n: Notation; alt: boolean }>;

const AA1 = '[ACDEFGHIKLMNPQRSTVWY]';
/**
 * a sign only at a word start (`-1131C`, `(+587G`); after a letter or digit a hyphen joins a
 * gene name to the allele (`FCGR2B-232T`) and is not part of it
 */
const START = '(?:(?<![A-Za-z0-9_.])([-+])|(?<![A-Za-z0-9_.+-])|(?<=[A-Za-z0-9]-))';
const SHAPE = new RegExp(
  `${START}(?:` +
    `(\\d{1,6})(\\s?)([ACGT])` + // 232T, -1131C, +3962 C
    `|(\\d{2,5})(${AA1})` + // 176F, 131R
    `|(${AA3_SRC})-?(\\d{1,5})` + // Ala12, Ala-459, Met66
    `|(\\d{1,5})(${AA3_SRC})` + // 12Ala, 241Met
    `|(${AA1})(\\d{2,6})` + // I103, T1431 (with the document's support only)
    `|(\\d{1,6})(\\s?)([ACGT])(\\/?)([ACGT])` + // genotypes: -1131TT, -31T/T, -616 GC, 894 TT
    `|(\\d{2,5})(${AA1})(${AA1})` + // genotypes: 19SS
    `|\\(([-+]\\d{1,6})\\)\\s?([ACGT])\\/([ACGT])` + // genotypes: (+252) G/G
    `)(?![A-Za-z0-9*]|\\/[A-Za-z]|\\s?(?:-{1,2}>|>|\u2192)|-[A-Za-z0-9]|\\.\\d)`,
  'g',
);
/** a word after the allele (or after the list it ends) that says it is an allele */
const CUE_AFTER = /^\)?\s?(?:alleles?|allelic|carriers?|homozygotes?|heterozygotes?|variants?|haplotypes?|polymorphisms?|polymorphic)\b/i;
/** a word after a genotype ("-1131TT men", "the 894 TT genotype", "-174GG homozygotes") */
const GENOTYPE_CUE = /^\)?[\s-]?(?:genotypes?|homozygotes?|homozygous|heterozygotes?|heterozygous|carriers?|men|women|subjects|individuals|patients|phenotypes?)\b/i;
const ALLELE_AFTER = /^\s?alleles?\b/i;
/** words right before it that say the same ("the allele G1673", "haplotypes (-6A", "Allele (-616 G") */
const CUE_BEFORE = /(?:alleles?|haplotypes?|genotypes?|carriers of(?: the)?)\s?\(?$/i;
/** list separators between two alleles (or an allele and a variant), the next one's gene glued on ("131R and IIIA-176F"), a frequency between ("-616 G = 0.48; -616 C") */
const LIST_SEP = /^(?:\s?=\s?0?\.\d{1,4})?(?:,\s?(?:and\s|or\s)?|\s?\/\s?|\s(?:and|or)\s|;\s)(?:[A-Za-z][A-Za-z0-9]{0,11}-)?$/;
const FIGURE_BEFORE = /(?:fig(?:ure)?s?\.?|tables?|panels?|supplementa(?:ry|l)|lanes?|clones?|no\.)\s{0,2}\(?$/i;

/**
 * `residueFirst`: written like a residue (`T790`, `Ala12`, `I103`), which names the wild-type residue
 * as often as an allele; such a shape needs the word "allele" or a substitution whose alternative
 * it is ("V103I" supports "I103", not "V103")
 */
interface Shape { start: number; end: number; pos: string; letter: string; dna: boolean; residueFirst: boolean; oneLetter: boolean; second?: string; slash?: boolean }

/** every shape with all fields in one order (one hidden class) */
const shape = (start: number, end: number, pos: string, letter: string, dna: boolean, residueFirst: boolean, oneLetter: boolean, second?: string, slash?: boolean): Shape =>
  ({ start, end, pos, letter, dna, residueFirst, oneLetter, second, slash });

function shapeOf(m: RegExpExecArray): Shape | null {
  const [, sign, nPos, space, nBase, aPos, aRes, r3, r3Pos, p3, p3Res, lRes, lPos, gPos, gSpace, g1, gSlash, g2, pgPos, pg1, pg2, bPos, b1, b2] = m;
  const start = m.index, end = m.index + m[0].length;
  if (nPos !== undefined) {
    // an unsigned one-digit position is a name ("4G allele" of 4G/5G), a spaced base needs a sign
    if ((!sign && nPos.length < 2) || (space && !sign)) return null;
    return shape(start, end, (sign ?? '') + nPos, nBase, true, false, true);
  }
  if (aPos !== undefined) return shape(start, end, aPos, aRes, false, false, true);
  if (r3 !== undefined) return shape(start, end, r3Pos, residue(r3)!, false, true, false);
  if (p3 !== undefined) return shape(start, end, p3, residue(p3Res)!, false, false, false);
  if (lPos !== undefined) return shape(start, end, lPos, lRes, false, true, true);
  if (gPos !== undefined) {
    // "-491A/T" is a substitution (the DNA rules take it); a slash joins two equal bases only
    if ((!sign && gPos.length < 2) || (gSpace && !sign && gPos.length < 3) || (gSlash && g1 !== g2)) return null;
    return shape(start, end, (sign ?? '') + gPos, g1, true, false, true, g2, !!gSlash);
  }
  if (sign) return null;
  // a bracketed position before the pair: a genotype when the bases are equal (the position is signed, so it needs no cue of its own)
  if (bPos !== undefined) return b1 === b2 ? shape(start, end, bPos, b1, true, false, true, b2, true) : null;
  return shape(start, end, pgPos, pg1, false, false, true, pg2);
}

const key = (pos: string, letter: string) => `${pos.replace(/^\+/, '')}|${letter}`;
/** an allele's or genotype's own key, to find it named again elsewhere in the document */
const nameKey = (s: Shape) => key(s.pos, s.second ? `${s.letter};${s.second}` : s.letter);


/** the document's substitutions by position and letter (reference and alternative both) */
export function alleleSupport(variants: VariantMention[], support: AlleleSupport = new Map()): AlleleSupport {
  for (const v of variants) {
    const m = /^[cgmrp]?\|SUB\|([A-Z])\|([-+]?\d{1,7})\|([A-Z])$/.exec(v.tmvar);
    if (!m) continue;
    const n: Notation = { kind: v.kind, hgvs: v.hgvs, hgvs3: v.hgvs3 || undefined, tmvar: v.tmvar };
    if (m[1] === m[3]) continue; // a synonymous change names no allele
    for (const [letter, alt] of [[m[3], true], [m[1], false]] as const) {
      const k = key(m[2], letter), had = support.get(k);
      if (!had || (alt && !had.alt)) support.set(k, { n, alt });
    }
  }
  return support;
}

function notation(s: Shape, support: AlleleSupport): Notation {
  if (s.second) return genotype(s.dna, s.pos, s.letter, s.second);
  const n = support.get(key(s.pos, s.letter))?.n;
  if (n) return { ...n, kind: 'allele' };
  return allele(s.dna, s.pos, s.letter);
}

/**
 * Alleles of one sentence `text`, given the variants already found in it (`found`, which they
 * never overlap) and the document's `support`; `named` holds the alleles the document names in
 * context elsewhere (position|letter), and `record` receives those this sentence names.
 */
export function findAlleles(text: string, found: VariantMention[], support: AlleleSupport, named?: Set<string>, record?: Set<string>): VariantMention[] {
  SHAPE.lastIndex = 0;
  const shapes: Shape[] = [];
  let f = 0; // found is sorted and shapes come in order: one sweep tells overlaps
  for (let m; (m = SHAPE.exec(text));) {
    const s = shapeOf(m);
    if (!s) continue;
    while (f < found.length && found[f].end <= s.start) f++;
    if (f < found.length && found[f].start < s.end) continue;
    if (FIGURE_BEFORE.test(text.slice(Math.max(0, s.start - 16), s.start))) continue;
    // the second half of a genotype (`Tyr113/Tyr113`; the first half is followed by a slash and a letter)
    const surface = text.slice(s.start, s.end);
    if (text.slice(Math.max(0, s.start - surface.length - 1), s.start) === surface + '/') continue;
    shapes.push(s);
  }
  if (!shapes.length) return [];
  // items in text order: candidate alleles and the variants found, each with its own cue
  // one literal for both kinds of item (one hidden class), pushed onto one array
  const items: { start: number; end: number; shape: Shape | null }[] = [];
  for (const s of shapes) items.push({ start: s.start, end: s.end, shape: s });
  for (const v of found) items.push({ start: v.start, end: v.end, shape: null });
  items.sort(byStart);
  const cued = items.map((it) => CUE_AFTER.test(text.slice(it.end, it.end + 16)) || (!!it.shape && CUE_BEFORE.test(text.slice(Math.max(0, it.start - 24), it.start))));
  // a list shares its cue: propagate both ways through list separators
  const linked = (i: number) => i + 1 < items.length && LIST_SEP.test(text.slice(items[i].end, items[i + 1].start));
  for (let i = items.length - 2; i >= 0; i--) if (linked(i) && cued[i + 1]) cued[i] = true;
  for (let i = 1; i < items.length; i++) if (linked(i - 1) && cued[i - 1]) cued[i] = true;
  // a list of genotypes shares the genotype word after its last one ("for -31T/T and -511C/C genotypes")
  const genoCued = items.map((it) => !!it.shape?.second && GENOTYPE_CUE.test(text.slice(it.end, it.end + 14)));
  for (let i = items.length - 2; i >= 0; i--) if (genoCued[i + 1] && items[i].shape?.second && linked(i)) genoCued[i] = true;
  const ok = items.map((it, i) => {
    const sh = it.shape;
    if (!sh) return false;
    const sup = support.get(key(sh.pos, sh.letter));
    if (sup && !sh.second && (!sh.residueFirst || sup.alt)) return true;
    // the document called it an allele elsewhere ("the 171T allele" … "transmission rate of 171T")
    if (named?.has(nameKey(sh))) return true;
    // `T790`-like: the word "allele" itself, right after
    if (sh.residueFirst && sh.oneLetter) return ALLELE_AFTER.test(text.slice(it.end, it.end + 10));
    // a signed position with a base pair written with a slash (`-31T/T`) reads as nothing but a genotype
    if (sh.second) return genoCued[i] || (!!sh.slash && /^[-+]/.test(sh.pos)) || (cued[i] && !!support.get(key(sh.pos, sh.letter)) && !!support.get(key(sh.pos, sh.second)));
    return cued[i];
  });
  // the other allele of a pair listed at one position ("with Ala-459 and Pro-459", Pro-459 the substitution's alternative)
  const samePos = (i: number, j: number) => !!items[i].shape && !!items[j].shape && items[i].shape!.pos === items[j].shape!.pos && !items[j].shape!.second;
  for (let i = 0; i < items.length; i++) {
    if (ok[i] || !items[i].shape || items[i].shape!.second) continue;
    if ((linked(i) && ok[i + 1] && samePos(i, i + 1)) || (i > 0 && linked(i - 1) && ok[i - 1] && samePos(i, i - 1))) ok[i] = true;
  }
  const out: VariantMention[] = [];
  items.forEach((it, i) => {
    if (!ok[i] || !it.shape) return;
    record?.add(nameKey(it.shape));
    out.push(variantMention(it.start, it.end, text.slice(it.start, it.end), notation(it.shape, support)));
  });
  return out;
}
