/**
 * Generic protein and family mentions (gene-families.tsv: `LOCAL:`, `HGNC.FAMILY:`,
 * `IUPHAR.FAMILY:` norms) inside a drug-class phrase are no gene mention of their own:
 * "tyrosine kinase inhibitors", "5-HT receptor antagonists" name agents, not the enzyme family.
 * Specific genes and FamPlex families before "inhibitor" ("HER2 inhibitors") are left as they were.
 */
import type { Mention } from './mention.js';

export const GENERIC_NORM = /^(?:LOCAL|HGNC\.FAMILY|IUPHAR\.FAMILY):/;
const AGENT_AFTER = /^\s?-?\s?(?:inhibitor|blocker|antagonist|agonist|modulator|activator)s?\b/i;

export function dropGenericInClassPhrases(text: string, mentions: Mention[]): Mention[] {
  // a loop, not filter with an arrow: a closure per call loses its optimized code at each full collection (span-index.ts)
  const out: Mention[] = [];
  for (const m of mentions) if (!(m.type === 'gene' && GENERIC_NORM.test(m.norm) && AGENT_AFTER.test(text.slice(m.end, m.end + 20)))) out.push(m);
  return out;
}

/**
 * A family mention written as a short name plus "complex" ("WASH complex", "MRN complex", "PAF1 complex") names the
 * assembly, which the gene corpora leave unannotated; "major histocompatibility complex" or "pyruvate dehydrogenase
 * complex" (lower-case words before it) are left as they are.
 */
const NAMED_COMPLEX = /^[A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*\s+complex(?:es)?$/;
const FAMILY_OR_LOCAL = /^(?:FPLX|LOCAL|HGNC\.FAMILY|IUPHAR\.FAMILY):/;

export function dropNamedComplexes(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) if (!(m.type === 'gene' && FAMILY_OR_LOCAL.test(m.norm) && NAMED_COMPLEX.test(text.slice(m.start, m.end)))) out.push(m);
  return out;
}
