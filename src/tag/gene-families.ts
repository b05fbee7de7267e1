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
