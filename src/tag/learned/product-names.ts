/**
 * A learned span that extends a dictionary gene mention with the name of another product (merge.ts): "IGF-1
 * receptor" around "IGF-1", "VEGF receptor 2" around the family "VEGF receptor", "P-selectin ligand" around
 * "P-selectin". The contained mention's identifier names the ligand or the family, not the span's product, so the
 * span is grounded on its own:
 *  - `<name> receptor [<index>]` as the receptor's symbol, `<name>R<index>` with a Greek letter's name as its letter
 *    (receptorSymbolForm: `IGF-1R` → IGF1R, `VEGFR2` → KDR, `IL-2Ra` → IL2RA, `TNFR1` → TNFRSF1A), when
 *    the dictionary holds it;
 *  - otherwise, when the words after the mention name another product ("ligand", or "related", "associated",
 *    "activated", "converting"... before receptor, kinase, enzyme, peptide, factor), the span names a product the
 *    dictionary does not hold: `LOCAL:<name>`; a bare "receptor" or "kinase" after a name may be the mention's own
 *    head ("HER3 receptor", "Notch receptor", "Src kinase") and keeps its identifier;
 *  - another member: an index after a gene's name that its symbol does not end in ("PRIP" + "-1" is no PRNP, "Fos" +
 *    "-B" no FOS, "protein kinase C" + "alpha"): `LOCAL:<name>`, which local-grounding.ts then reads (`Fos-B` → FOSB,
 *    `plasminogen activator inhibitor (PAI)-1` → SERPINE1); not a range ("Mcm2-7"), not a family (family-members.ts);
 *  - otherwise (a prefix or a number only: "alpha 1A-adrenoceptors", "Oxidized LDL receptor 1") the span keeps the
 *    contained mention's identifier, as before.
 */
import type { Lexicon } from '../dictionary.js';
import { wholeTerm, type GeneEntry } from './ground.js';
import { GREEK_NAME } from '../greek.js';

/** head words of a product named after another gene: its receptor, ligand, kinase, converting enzyme, related peptide */
const PRODUCT_HEAD = /^[\s-]*(?:(?:related|associated|activated|like|converting|binding|interacting)[\s-]+(?:receptors?|ligands?|kinases?|enzymes?|peptides?|factors?|proteins?)|ligands?)\b/i;

const RECEPTOR = /^(.*?)[\s-]+receptor(?:[\s-]+([0-9]+[A-Za-z]?|alpha|beta|gamma|delta|[A-Da-d]))?$/i;
/** `<name> receptor [<index>]` as the receptor's symbol is written: `<name>R<index>`, a Greek letter's name as its letter (`IL-2 receptor alpha` → `IL-2Ra`) */
export function receptorSymbolForm(s: string): string | undefined {
  const r = RECEPTOR.exec(s);
  return r && r[1] ? `${r[1]}R${r[2] ? GREEK_NAME[r[2].toLowerCase()]?.toLowerCase() ?? r[2] : ''}` : undefined;
}

const INDEX_AFTER = /^(?:(?:\s*\([A-Za-z]{1,6}\))?-(\d{1,3}|[A-Z])|(alpha|beta|gamma|delta|kappa))$/;

export interface Example { surface: string; mention: string; inner?: { norm: string; name: string }; expect: string }
/** examples (the rule's tests): span, the dictionary mention inside it, the norm expected (`keep`: the mention's own) */
export const PRODUCT_EXAMPLES: Example[] = [
  { surface: 'IGF-1 receptor', mention: 'IGF-1', expect: 'NCBIGene:3480' },
  { surface: 'VEGF receptor 2', mention: 'VEGF receptor', expect: 'NCBIGene:3791' },
  { surface: 'IL-2 receptor alpha', mention: 'IL-2', expect: 'NCBIGene:3559' },
  { surface: 'Epo receptor', mention: 'Epo', expect: 'NCBIGene:2057' },
  { surface: 'P-selectin ligand', mention: 'P-selectin', expect: 'LOCAL:p-selectin_ligand' },
  { surface: 'interleukin-1 beta converting enzyme', mention: 'interleukin-1 beta', expect: 'LOCAL:interleukin-1_beta_converting_enzyme' },
  { surface: 'alpha 1A-adrenoceptors', mention: 'adrenoceptors', expect: 'keep' },
  { surface: 'I-TAC', mention: 'TAC', expect: 'keep' },
  { surface: 'CB1 cannabinoid receptor', mention: 'CB1', expect: 'keep' },
  { surface: 'HER3 receptor', mention: 'HER3', expect: 'keep' },
  { surface: 'Notch receptor', mention: 'Notch', expect: 'keep' },
  { surface: 'Src kinase', mention: 'Src', expect: 'keep' },
  { surface: 'PTH-related peptide', mention: 'PTH', expect: 'LOCAL:pth-related_peptide' },
  { surface: 'Fos-B', mention: 'Fos', inner: { norm: 'NCBIGene:2353', name: 'FOS' }, expect: 'LOCAL:fos-b' },
  { surface: 'PRIP-1', mention: 'PRIP', inner: { norm: 'NCBIGene:5621', name: 'PRNP' }, expect: 'LOCAL:prip-1' },
  { surface: 'protein kinase Calpha', mention: 'protein kinase C', inner: { norm: 'NCBIGene:7465', name: 'WEE1' }, expect: 'LOCAL:protein_kinase_calpha' },
  { surface: 'IL-15Ralpha', mention: 'IL-15R', inner: { norm: 'NCBIGene:3601', name: 'IL15RA' }, expect: 'keep' },
  { surface: 'Mcm2-7', mention: 'Mcm2', inner: { norm: 'NCBIGene:4171', name: 'MCM2' }, expect: 'keep' },
  { surface: 'VEGF-C', mention: 'VEGF', inner: { norm: 'FPLX:VEGF', name: 'VEGF' }, expect: 'keep' },
];

/**
 * The grounding of a learned span `surface` around a dictionary gene mention whose text ends at `mentionEnd`
 * (an offset in `surface`): a gene entry, `'local'` (a product the dictionary does not hold), or undefined (keep
 * the mention's identifier).
 */
export function groundProductName(surface: string, mentionEnd: number, lexicon: Lexicon, inner?: { norm: string; name: string }): GeneEntry | 'local' | undefined {
  const after = surface.slice(mentionEnd);
  if (!after) return undefined;
  // another member: an index the gene's symbol does not end in ("PRIP" + "-1", "Fos" + "-B", "protein kinase C" + "alpha")
  const ix = INDEX_AFTER.exec(after), index = ix?.[1] ?? ix?.[2];
  // a range ("Mcm2-7", "PAK1-3") names the members it spans, the first among them
  const range = /\d$/.test(surface.slice(0, mentionEnd)) && /^\d/.test(index ?? '');
  if (index && !range && inner?.norm.startsWith('NCBIGene:') && !inner.name.toUpperCase().endsWith((GREEK_NAME[index.toLowerCase()] ?? index).toUpperCase())) return 'local';
  const receptor = receptorSymbolForm(surface);
  const e = receptor ? wholeTerm(receptor, lexicon) : undefined;
  if (e && e !== 'not-gene') return e;
  return PRODUCT_HEAD.test(after) ? 'local' : undefined;
}
