/**
 * How a document writes its gene symbols, as evidence of its organism (species.ts). Mouse and rat
 * symbols are a capital then lower case (`Erbb2`, `Nlk`, `Ctr9`); human ones are capitals (`ERBB2`).
 * A mouse paper that names no organism ("Ctr9-deficient embryos", "ST-2 cells"), or names only a
 * comparison ("from yeast to mammals") or one human word, still writes its genes the mouse way.
 */
import type { Mention } from './mention.js';

/**
 * `Erbb2`, `Tnf`, `Cyp1a1`: a capital, then lower case (digits allowed, a hyphen only before one), as mouse and
 * rat gene symbols are written. Each repetition takes one character, so a name that fails ("Glyceraldehyde3phosphate
 * dehydrogenase") fails in linear time; `[a-z0-9]*(?:-?[a-z0-9]+)*`, the same language, tried every split of the
 * word (116 ms for that name). Equality is tested in test/tag/species-nomenclature.test.ts.
 */
export const RODENT_STYLE = /^[A-Z][a-z](?:-?[a-z0-9])*$/;
const HUMAN_STYLE = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9-]+$/;

/**
 * Distinct gene names written the rodent way that are a rodent gene's own name, at least this many and
 * no fewer than those in capitals, make the document a rodent's where its organism cue is weak.
 * Chosen on NLM-Gene, GNormPlus and BioRED Train (3: NLM-Gene +62 mentions with the right id, GNormPlus
 * −12; 4 and 5: NLM-Gene +81, GNormPlus ±0, BioRED +52; 8: fewer on NLM-Gene and BioRED).
 */
export const RODENT_WRITTEN_MIN = 4;

/** Whether the document's gene names are mostly written the rodent way (`isRodentName`: a mouse gene's own name). */
export function writtenTheRodentWay(text: string, mentions: Mention[], isRodentName: (surface: string) => boolean): boolean {
  let rodent = 0, human = 0;
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'gene') continue;
    const surface = text.slice(m.start, m.end);
    if (seen.has(surface)) continue;
    seen.add(surface);
    if (RODENT_STYLE.test(surface) && isRodentName(surface)) rodent++;
    else if (HUMAN_STYLE.test(surface)) human++;
  }
  return rodent >= RODENT_WRITTEN_MIN && rodent >= human;
}
