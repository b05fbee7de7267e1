/**
 * Context rules for strings that are genes in one context and something else in another.
 * Each rule has an id and examples (run as tests, ESLint-rule-tester style).
 */
import type { EntityType } from '../model/schemas.js';
import { CHEMICAL_CONTEXT_RULES } from './chemical-context.js';

export interface ContextRule {
  id: string;
  why: string;
  types: EntityType[];
  /** the mention's text (case-sensitive) must match */
  mention: RegExp;
  /** reject when the text right after the mention matches (bounded lookahead of 40 chars) */
  after?: RegExp;
  /** reject when the text right before the mention matches (bounded lookbehind of 40 chars); with neither this nor `after`, the mention alone decides */
  before?: RegExp;
  examples: { text: string; mention: string; tagged: boolean }[];
}

export const CONTEXT_RULES: ContextRule[] = [
  {
    id: 'cell-line',
    why: 'cell lines (MCF7, BT474, JIMT-1, MDA-MB-231) share shapes with gene symbols; the word "cells" or "cell line" after a digit-bearing name marks a line',
    types: ['gene'],
    mention: /^[A-Z][A-Za-z]{0,5}-?\d{1,4}[A-Za-z]{0,3}$/,
    after: /^[\s-]{1,2}(cells?|cell[\s-]lines?|xenografts?)\b/i,
    examples: [
      { text: 'JIMT-1 cells were resistant', mention: 'JIMT-1', tagged: false },
      { text: 'CD44 expression was high', mention: 'CD44', tagged: true },
    ],
  },
  {
    id: 'er-organelle',
    why: 'ER is the estrogen receptor (ESR1) and the endoplasmic reticulum; "ER stress", "ER lumen", "ER membrane" mean the organelle',
    types: ['gene'],
    mention: /^ER$/,
    after: /^[\s-]{1,2}(stress|lumen|membranes?|retention|export|import|homeostasis|to Golgi|-Golgi)\b/,
    examples: [
      { text: 'induces ER stress in cells', mention: 'ER', tagged: false },
      { text: 'ER and PR status', mention: 'ER', tagged: true },
    ],
  },
  {
    id: 'residue-not-drug',
    why: 'amino acids are DrugBank entries, but "serine phosphorylation", "tyrosine kinase", "threonine 308" name residues, not agents',
    types: ['drug'],
    mention: /^(serine|threonine|tyrosine|histidine|lysine|arginine|cysteine)s?$/i,
    after: /^[\s-]{1,2}(phosphorylat|kinase|residue|site|\d)/i,
    examples: [
      { text: 'the serine phosphorylation-inhibited IRS-1', mention: 'serine', tagged: false },
      { text: 'supplemented with arginine for 3 days', mention: 'arginine', tagged: true },
    ],
  },
  {
    id: 'figure-label',
    why: 'figure and table panel labels ("Figure 2B", "Table S1"), also later in a list or range ("Figs. S1 to S17", "Fig S13–S15"), are not entities',
    types: ['gene', 'drug', 'chemical'],
    mention: /^[A-Z]?\d{0,2}[A-Za-z]{0,2}\d{0,2}$/,
    before: /\b(Fig(ure)?s?|Tables?|Supplementary)\.?\s{1,2}(S?\d{1,3}[A-Za-z]?\s{0,2}([,–-]|and|to)\s{0,2})*$/i,
    examples: [
      { text: 'see Figure S1 for', mention: 'S1', tagged: false },
      { text: 'Figs. S1 to S17 and', mention: 'S17', tagged: false },
      { text: 'See Fig\nS13–S15, for data', mention: 'S15', tagged: false },
      { text: '(Figure S15a in File S1)', mention: 'S15a', tagged: false },
      { text: 'the S1 protein', mention: 'S1', tagged: true },
      { text: 'Figure 2 shows that S6K1 binds', mention: 'S6K1', tagged: true },
      { text: 'Fig. 2 TP53 status in tumours', mention: 'TP53', tagged: true },
    ],
  },
  {
    id: 'figure-reference',
    why: 'a figure or table reference read as a whole gene alias ("Fig 4" is an alias of FIG4, "Fig 1" of a fly gene); written without the space ("Fig4-null mice") it stays the gene',
    types: ['gene', 'drug', 'chemical'],
    mention: /^(Fig(ure)?s?\.?|Tables?)\s{1,2}S?\d{1,3}[A-Za-z]?$/,
    examples: [
      { text: 'compared to the native nanobody (Fig 4). Notably', mention: 'Fig 4', tagged: false },
      { text: 'nuage in BmN4 cells (Fig 1B). In theory', mention: 'Fig 1B', tagged: false },
      { text: 'Fig4-null mice lose', mention: 'Fig4', tagged: true },
    ],
  },
  {
    id: 'drug-name-prefix',
    why: 'DM1 (an alias of DMPK) is the maytansinoid payload in the drug code T-DM1; inside that code it is no gene',
    types: ['gene'],
    mention: /^DM1$/,
    before: /\bT-$/,
    examples: [
      { text: 'treated with T-DM1 alone', mention: 'DM1', tagged: false },
      { text: 'DM1 is a maytansinoid', mention: 'DM1', tagged: true },
    ],
  },
  {
    id: 'ion-charge',
    why: 'an element symbol with a charge ("Ca2+", "Mg2 +", "Fe3+") is an ion, not the gene of that symbol (CA2 carbonic anhydrase 2)',
    types: ['gene'],
    mention: /^[A-Z][a-z]?\d$/,
    after: /^ ?[+\u207a]/,
    examples: [
      { text: 'intracellular Ca2+ release', mention: 'Ca2', tagged: false },
      { text: 'the Ca2 isoform of carbonic anhydrase', mention: 'Ca2', tagged: true },
    ],
  },
  {
    id: 'chemical-formula',
    why: 'two or three element symbols in mixed case followed by a count ("CaCl2", "CaCl(2)", "NaCl 150 mM" is not: no count) form a salt formula, not a gene alias (CACL)',
    types: ['gene'],
    mention: /^(?=[A-Za-z]{0,5}[a-z])(?:Ca|Cl|Na|Mg|Zn|Fe|Cu|Mn|Co|Ni|Li|Br|Al|Si|Se|Hg|Pb|Cd|Ag|Au|Pt|As|Ba|Sr|K|H|O|N|C|S|P|I|F){2,3}$/,
    after: /^\(?\d/,
    examples: [
      { text: 'buffer with 2 mM CaCl(2) added', mention: 'CaCl', tagged: false },
      { text: 'buffer with 2 mM CaCl2 added', mention: 'CaCl', tagged: false },
      { text: 'CACL transports carnitine', mention: 'CACL', tagged: true },
    ],
  },
  ...CHEMICAL_CONTEXT_RULES,
];

/** True when a context rule rejects the mention text[start, end) of the given type. */
export function rejectedBy(text: string, start: number, end: number, type: EntityType, rules = CONTEXT_RULES): ContextRule | undefined {
  const surface = text.slice(start, end);
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  return rules.find((r) => r.types.includes(type) && r.mention.test(surface) && ((!r.after && !r.before) || (r.after && r.after.test(after)) || (r.before && r.before.test(before))));
}
