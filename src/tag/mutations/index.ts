/**
 * Mutation recognition and normalization: `findVariants` tags protein, DNA, SNP and
 * natural-language variant mentions with HGVS and tmVar normalized forms; `attachGenes` links
 * each variant to a gene (same sentence, appositive list head, or the document's dominant gene).
 */
export { findVariants, type VariantMention } from './scan.ts';
export { findDocumentVariants } from './document.ts';
export { attachGenes, type GeneSpan, type GeneAttachment } from './attach.ts';
