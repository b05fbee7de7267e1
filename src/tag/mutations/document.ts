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

export function findDocumentVariants(text: string, sentences: { start: number; end: number }[]): VariantMention[][] {
  const slices = sentences.map((s) => text.slice(s.start, s.end));
  const found = slices.map((t) => {
    const vs = findVariants(t), listed = continueSnpLists(t, vs);
    return listed.length ? [...vs, ...listed].sort((a, b) => a.start - b.start) : vs;
  });
  const support = alleleSupport(found.flat());
  // two passes: an allele named in context in one sentence is that allele bare in the others
  const named = new Set<string>();
  for (let i = 0; i < slices.length; i++) findAlleles(slices[i], found[i], support, undefined, named);
  return found.map((vs, i) => {
    const alleles = findAlleles(slices[i], vs, support, named);
    return alleles.length ? [...vs, ...alleles].sort((a, b) => a.start - b.start) : vs;
  });
}
