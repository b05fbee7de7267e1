/**
 * Builders for the two normalized notations a mention carries: HGVS-like (`p.V777L`,
 * `c.737delC`) and tmVar's pipe form (`p|SUB|V|777|L`, `c|DEL|737|C`, `p|FS|P|246|H|13`).
 * Pure string assembly; the scanner decides what the parts are.
 */
import { three } from './amino.ts';

/** `allele`: a position with one base or residue, named alone; `genotype`: a position with both (alleles.ts) */
export type VariantKind = 'protein' | 'dna' | 'snp' | 'natural' | 'allele' | 'genotype';

export interface Notation {
  kind: VariantKind;
  hgvs: string;
  hgvs3?: string;
  tmvar: string;
}

const stop1 = (aa: string): string => (aa === 'X' ? '*' : aa);

export function proteinSub(ref: string, pos: string, alt: string, kind: VariantKind = 'protein'): Notation {
  if (!pos) return { kind, hgvs: `p.(${ref}>${stop1(alt)})`, tmvar: `p|SUB|${ref}||${alt}` };
  return {
    kind,
    hgvs: `p.${ref}${pos}${stop1(alt)}`,
    hgvs3: `p.${three(ref)}${pos}${three(alt)}`,
    tmvar: `p|SUB|${ref}|${pos}|${alt}`,
  };
}

/** protein deletion / insertion / duplication / delins over one residue or a range */
export function proteinEdit(
  op: 'del' | 'ins' | 'dup' | 'delins', ref1: string, pos1: string, ref2: string, pos2: string, seq: string,
): Notation {
  const range = pos2 ? `${pos1}_${pos2}` : pos1;
  const hgvsRange = pos2 ? `${ref1}${pos1}_${ref2}${pos2}` : `${ref1}${pos1}`;
  const hgvs3Range = pos2 ? `${three(ref1)}${pos1}_${three(ref2)}${pos2}` : `${three(ref1)}${pos1}`;
  const type = op === 'delins' ? 'INDEL' : op.toUpperCase();
  // tmVar writes the affected residues when they are spelled out in full: a single residue, two
  // adjacent ones, or the inserted sequence
  let res = seq;
  if (!res && op !== 'ins') res = !pos2 ? ref1 : Number(pos2) === Number(pos1) + 1 ? ref1 + ref2 : '';
  if (!res && op === 'ins' && !pos2) res = ref1;
  const tmvar = op === 'dup' ? `p|DUP|${range}|${res}|` : `p|${type}|${range}|${res}`;
  const s3 = seq ? seq.split('').map(three).join('') : '';
  return {
    kind: 'protein',
    hgvs: `p.${hgvsRange}${op}${seq}`,
    hgvs3: ref1 ? `p.${hgvs3Range}${op}${s3}` : undefined,
    tmvar,
  };
}

export function frameshift(ref: string, pos: string, alt: string, len: string): Notation {
  return {
    kind: 'protein',
    hgvs: `p.${ref}${pos}${alt}fs${len ? '*' + len : ''}`,
    hgvs3: `p.${three(ref)}${pos}${alt ? three(alt) : ''}fs${len ? 'Ter' + len : ''}`,
    tmvar: `p|FS|${ref}|${pos}|${alt}|${len}`,
  };
}

/** DNA substitution; `pos` may be empty (allele-only mentions such as `G/A`) */
export function dnaSub(prefix: string, ref: string, pos: string, alt: string, kind: VariantKind = 'dna'): Notation {
  const legacy = /^(?:IVS|EX|CODON)/i.test(pos);
  const hgvs = !pos ? `${ref}>${alt}` : legacy ? `${pos}${ref}>${alt}` : `${prefix || 'c'}.${pos}${ref}>${alt}`;
  return { kind, hgvs, tmvar: `${pos ? prefix : ''}|SUB|${ref}|${pos}|${alt}` };
}

export function dnaEdit(
  prefix: string, op: 'del' | 'ins' | 'dup' | 'delins', range: string, seq: string, kind: VariantKind = 'dna',
): Notation {
  const type = op === 'delins' ? 'INDEL' : op.toUpperCase();
  const p = range ? prefix : '';
  const tmvar = op === 'dup' ? `${p}|DUP|${range}|${seq}|` : `${p}|${type}|${range}|${seq}`;
  const hgvs = range ? `${prefix || 'c'}.${range}${op}${seq}` : `${op}${seq}`;
  return { kind, hgvs, tmvar };
}

/** an allele named alone, a position and one base or residue (`c.-1131C`, `p.176F`): HGVS has no such form */
export function allele(dna: boolean, pos: string, letter: string): Notation {
  if (dna) return { kind: 'allele', hgvs: `c.${pos}${letter}`, tmvar: `c|SUB||${pos}|${letter}` };
  return { kind: 'allele', hgvs: `p.${pos}${letter}`, hgvs3: `p.${pos}${three(letter)}`, tmvar: `p|SUB||${pos}|${letter}` };
}

/** a genotype, a position and both alleles (`-1131TT` → `c.-1131[T;T]`, tmVar-like `c|SUB||-1131|T;T`) */
export function genotype(dna: boolean, pos: string, a: string, b: string): Notation {
  const p = dna ? 'c' : 'p';
  return { kind: 'genotype', hgvs: `${p}.${pos}[${a};${b}]`, tmvar: `${p}|SUB||${pos}|${a};${b}` };
}

export const snp = (id: string): Notation => ({ kind: 'snp', hgvs: id, tmvar: id });

/** exon-level events ("exon 20 insertions", "exon 16 skipping"): no tmVar form exists, so the
 * tmVar field mirrors its CODON convention with an EXON position */
export function exonEvent(exon: string, word: string): Notation {
  const op = word.startsWith('ins') ? 'ins' : word.startsWith('del') ? 'del' : word.startsWith('dup') ? 'dup' : 'skip';
  const type = op === 'skip' ? 'DEL' : op.toUpperCase();
  return { kind: 'natural', hgvs: `exon${exon}${op === 'skip' ? 'del' : op}`, tmvar: `|${type}|EXON${exon}|` };
}
