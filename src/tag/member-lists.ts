/**
 * A gene name ending in a number, then more numbers after slashes, is one list of members: `Smad1/5/8`,
 * `PAK1/2/3`, `Pax3/7`, `Phb1/2`. NLM-Gene, BioRED and GNormPlus annotate the whole list as one span
 * with all members' ids; the tagger stopped at the first member. The span grows over the list and keeps the
 * first member's id, but only when every index after the slash also names a gene with the same stem
 * (`Smad5`, `Smad8`), so `F4/80` or a ratio `CD4/8` of non-genes stays as it was. Runs before species
 * assignment (the first member's id goes through the ortholog map like any other).
 */
import type { Lexicon } from './dictionary.js';
import { copyMention, type Mention } from './mention.js';
import { wholeTerm } from './learned/ground.js';

/** the stem and its number: `Smad1` → `Smad`, `PAK-1` → `PAK-` */
const NUMBERED = /^(.*[A-Za-z-])(\d{1,2})$/;
/** `/5/8` or `/A9` right after the name, then no letter, digit, slash or range (`Smad1/5/8-mediated` is a list) */
const LIST_TAIL = /^(?:\/[A-Z]{0,2}\d{1,2})+(?![A-Za-z0-9/]|-\d)/;

/** the member a list item names: `Smad1` + `5` → `Smad5`, `S100A8` + `A9` → `S100A9` (as many letters replaced as it has) */
const member = (first: string, item: string) => {
  const letters = /^[A-Z]*/.exec(item)![0].length;
  return first.replace(new RegExp(`[A-Za-z]{${letters}}\\d+$`), item);
};

const namesGene = (name: string, lexicon: Lexicon) =>
  [name, name.toUpperCase()].some((n) => { const e = wholeTerm(n, lexicon); return !!e && e !== 'not-gene'; });

/** Grows numbered gene mentions over a slash list of member numbers (returns a new array). */
export function joinMemberLists(text: string, mentions: Mention[], lexicon: Lexicon): Mention[] {
  return mentions.map((m, i) => {
    if (m.type !== 'gene') return m;
    const surface = text.slice(m.start, m.end), stem = NUMBERED.exec(surface);
    const tail = stem && LIST_TAIL.exec(text.slice(m.end, m.end + 24));
    if (!stem || !tail) return m;
    const end = m.end + tail[0].length;
    if (i + 1 < mentions.length && mentions[i + 1].start < end) return m;
    const indices = tail[0].split('/').slice(1);
    if (!indices.every((n) => { const x = member(surface, n); return x !== surface && namesGene(x, lexicon); })) return m;
    return copyMention(m, m.start, end, `${m.source}|member-list`);
  });
}

/** Examples that run as tests: text, the list span expected (null = the mention keeps its span). */
export const MEMBER_LIST_EXAMPLES: [string, string | null][] = [
  ['BMP signalling activates Smad1/5/8 in chondrocytes.', 'Smad1/5/8'],
  ['Phosphorylation of PAK1/2/3 was reduced.', 'PAK1/2/3'],
  ['The progenitors express Pax3/7 in mouse muscle.', 'Pax3/7'],
  ['Macrophages were F4/80 positive.', null],
  ['Smad1/5-dependent transcription rose.', 'Smad1/5'],
  ['GATA4/10 binding sites were mutated.', null],
  ['Neutrophils release S100A8/A9 in sepsis.', 'S100A8/A9'],
  ['Variants of CYP11B2/B1 were genotyped.', 'CYP11B2/B1'],
];
