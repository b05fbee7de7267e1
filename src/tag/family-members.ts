/**
 * A span grounded to a gene family that is written as one member's official symbol: `CD8alpha` (learned tagger,
 * isoform letter dropped → FPLX:CD8) is CD8A, `IL-1a` is IL1A, `Tnfr-sf13c` (a learned span over the family
 * mention `Tnfr-sf`) is TNFRSF13C, `IL-15R alpha` is IL15RA. The family name plus a member's letter or number
 * names that member, not the family; the guidelines keep FamPlex ids for family mentions only. The spelling is
 * compacted (a Greek letter's name to its Latin letter, hyphens and spaces out, capitals) and must then be an
 * official symbol (`source` `symbol`), so `ERK1/2`, `p38` or `NF-kB` stay families. Runs before species
 * assignment, so a mouse passage's `CD8alpha` becomes mouse Cd8a through the ortholog map.
 */
import type { Lexicon } from './dictionary.js';
import type { Mention } from './mention.js';
import { wholeTerm } from './learned/ground.js';

const FAMILY_NORM = /^(?:FPLX|HGNC\.FAMILY|IUPHAR\.FAMILY):/;
const GREEK: Record<string, string> = { alpha: 'A', beta: 'B', gamma: 'G', delta: 'D', kappa: 'K' };

/** the spelling as an official symbol would be written (`IL-15R alpha` → IL15RA), or undefined when it has other characters */
export function compactSymbol(surface: string): string | undefined {
  const s = surface.replace(/(alpha|beta|gamma|delta|kappa)(?![a-z])/gi, (g) => GREEK[g.toLowerCase()]).replace(/[-\s]/g, '').toUpperCase();
  return /^[A-Z][A-Z0-9]+$/.test(s) ? s : undefined;
}

/** Regrounds family-normed gene mentions written as a member's official symbol (mutates and returns `mentions`). */
export function groundFamilyMemberSymbols(text: string, mentions: Mention[], lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'gene' || !FAMILY_NORM.test(m.norm)) continue;
    const compact = compactSymbol(text.slice(m.start, m.end));
    if (!compact) continue;
    const e = wholeTerm(compact, lexicon);
    if (!e || e === 'not-gene' || e.source !== 'symbol' || !e.norm.startsWith('NCBIGene:')) continue;
    m.source = `${m.source}|family:${m.norm}|member-symbol`;
    m.norm = e.norm; m.name = e.name;
  }
  return mentions;
}

