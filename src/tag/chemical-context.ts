/**
 * Context rules for chemical and drug mentions (same shape as context-rules.ts, which lists them):
 * a chemical that names a gene product's ligand inside the gene's name is no chemical mention.
 */
import type { ContextRule } from './context-rules.js';

/** head nouns of gene products named after their ligand or substrate */
export const GENE_HEAD = /^(?:[\s-]+(?:[A-Z]{0,2}\d{1,2}[A-Z]?|type [1I]{1,3}|alpha|beta|[αβγ]\d?))?[\s-]+(?:receptors?|transporters?|synthase|synthetase|hydroxylase|decarboxylase|dehydrogenase|oxidase|transferase|kinase|channels?|binding protein|uptake transporter)\b/;

export const CHEMICAL_CONTEXT_RULES: ContextRule[] = [
  {
    id: 'ligand-in-gene-name',
    why: 'the chemical names a receptor, transporter or enzyme ("dopamine D2 receptor", "serotonin transporter"): the phrase is a gene product, not the chemical',
    types: ['drug', 'chemical'],
    mention: /./,
    after: GENE_HEAD,
    examples: [
      { text: 'binding to the dopamine D2 receptor was weak', mention: 'dopamine', tagged: false },
      { text: 'the serotonin transporter is blocked', mention: 'serotonin', tagged: false },
      { text: 'angiotensin II type 1 receptor blockers', mention: 'angiotensin II', tagged: false },
      { text: 'dopamine release increased', mention: 'dopamine', tagged: true },
      { text: 'serotonin and its receptors', mention: 'serotonin', tagged: true },
    ],
  },
];
