/**
 * The variants of a whole document, sentence by sentence: first every sentence's notated
 * variants (scan.ts) and rs ids listed after one prefix (snp-lists.ts), then the alleles named alone (alleles.ts), which the whole document's
 * substitutions support ("Val66Met" in the title, "the Met66 allele" three sentences on) and the
 * alleles it names in context elsewhere ("the 171T allele", then "transmission rate of 171T").
 * Offsets are relative to each sentence.
 */
import { alleleSupport, findAlleles } from './alleles.ts';
import { findVariants, type VariantMention } from './scan.ts';
import { continueSnpLists } from './snp-lists.ts';
import { byStart } from '../span-index.ts';

export function findDocumentVariants(text: string, sentences: { start: number; end: number }[]): VariantMention[][] {
  const slices = sentences.map((s) => text.slice(s.start, s.end));
  const found = slices.map((t) => {
    const vs = findVariants(t), listed = continueSnpLists(t, vs);
    return listed.length ? [...vs, ...listed].sort(byStart) : vs;
  });
  const support = alleleSupport(found.flat());
  // two passes: an allele named in context in one sentence is that allele bare in the others
  const named = new Set<string>();
  for (let i = 0; i < slices.length; i++) findAlleles(slices[i], found[i], support, undefined, named);
  return found.map((vs, i) => {
    const alleles = findAlleles(slices[i], vs, support, named);
    return alleles.length ? absorbPairAfterAllele(slices[i], [...vs, ...alleles].sort(byStart)) : vs;
  });
}

/** a bare allele pair (tmVar `|SUB|T||G`): no position of its own */
const BARE_PAIR = /^\|SUB\|[ACGTU]\|\|[ACGTU]$/;

/** one base written after an allele and before the word "allele" ("196R G allele") */
const BASE_BEFORE_ALLELE = /^ [ACGT](?= alleles?\b)/;

/**
 * A residue allele restated by its bases right after it ("the TNFRII 196R T/G polymorphism", "the
 * TNFRII 196R G allele") is one mention, as a change restated by its alleles in brackets is (scan.ts
 * absorbAllelePairs): alone the pair would be a second, vaguer mention of the same polymorphism.
 * Only after a residue: bases after a base allele ("-1131C T/C") name something else.
 */
function absorbPairAfterAllele(text: string, vs: VariantMention[]): VariantMention[] {
  const out: VariantMention[] = [];
  for (let i = 0; i < vs.length; i++) {
    const a = vs[i], b = vs[i + 1];
    if (a.kind !== 'allele' || !a.tmvar.startsWith('p|')) out.push(a);
    else if (b && BARE_PAIR.test(b.tmvar) && text.slice(a.end, b.start) === ' ') {
      out.push({ ...a, end: b.end, text: text.slice(a.start, b.end) });
      i++;
    } else {
      const base = BASE_BEFORE_ALLELE.exec(text.slice(a.end, a.end + 10));
      const end = base && (!b || b.start >= a.end + base[0].length) ? a.end + base[0].length : a.end;
      out.push(end === a.end ? a : { ...a, end, text: text.slice(a.start, end) });
    }
  }
  return out;
}
