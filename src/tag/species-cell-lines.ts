/**
 * Cell lines named by a shape rather than a list (species.ts adds them to the organism cues of
 * dictionaries/species.tsv). The NCI lung cancer panel names its human lines `NCI-H<number>`, and papers
 * drop the prefix ("MPM cell lines such as H2691, H513 and H2461", "H446 cells"): the prefixed name is
 * always the cell line; a bare `H<3-4 digits>` is one only near a cell word, since a histidine residue
 * ("amino acids H219 and D63", "the H382-X2-H385 pair") or a clone ("H411 cDNA") is written the same way.
 */

export interface CellLineShape {
  id: string;
  pattern: RegExp;
  taxon: string;
  /** needs a cell word right after the name (or one word later), or a "cell line(s)" this many characters before it in the same sentence; none: always */
  near?: number;
  examples: { valid: string[]; invalid: string[] };
}

export const CELL_LINE_SHAPES: CellLineShape[] = [
  {
    id: 'nci-h-prefixed', pattern: /(?<![A-Za-z0-9-])NCI-H\d{2,4}(?![A-Za-z0-9])/g, taxon: '9606',
    examples: { valid: ['in NCI-H28 and NCI-H2052 mesothelioma lines'], invalid: ['NCI-H1299A', 'anti-NCI-H292'] },
  },
  {
    id: 'nci-h-bare', pattern: /(?<![A-Za-z0-9-])H\d{3,4}(?![A-Za-z0-9])/g, taxon: '9606', near: 40,
    examples: {
      valid: ['MPM cell lines such as H2691, H513 and H2461', 'promotes H2691 mesothelioma cell proliferation', 'apoptosis of H446 cells'],
      invalid: ['amino acids H219 and D63', 'the H382-X2-H385 pair', 'H411 cDNA in the RAW macrophage line', 'the H1047R mutation', 'Mutation of H218 reduced binding in NIH3T3 cells.', 'The H1047 residue of PIK3CA in MCF7 cells.'],
    },
  },
];

/** the cell word right after the name or one word later ("H446 cells", "H2691 mesothelioma cells"), not anywhere in the clause ("H218 … in NIH3T3 cells") */
const CELL_AFTER = /^\s+(?:[\w-]+\s+)?cells?\b/i;
const CELL_LINE_BEFORE = /\bcell[\s-]?lines?\b[^.;]*$/i;

/** Cell lines of the shapes above in `text`, in text order: start, end, taxon. */
export function findCellLineShapes(text: string): { start: number; end: number; taxon: string }[] {
  const out: { start: number; end: number; taxon: string }[] = [];
  for (const shape of CELL_LINE_SHAPES) {
    for (const m of text.matchAll(shape.pattern)) {
      const start = m.index, end = start + m[0].length;
      if (shape.near && !CELL_AFTER.test(text.slice(end, end + shape.near)) && !CELL_LINE_BEFORE.test(text.slice(Math.max(0, start - shape.near), start))) continue;
      out.push({ start, end, taxon: shape.taxon });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
