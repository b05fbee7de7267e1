/**
 * The variants of a whole document, sentence by sentence: first every sentence's notated
 * variants (scan.ts) and rs ids listed after one prefix (snp-lists.ts), then the alleles named alone (alleles.ts), which the whole document's
 * substitutions support ("Val66Met" in the title, "the Met66 allele" three sentences on).
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
  return found.map((vs, i) => {
    const alleles = findAlleles(slices[i], vs, support);
    return alleles.length ? [...vs, ...alleles].sort((a, b) => a.start - b.start) : vs;
  });
}
