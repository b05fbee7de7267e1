/**
 * Gene symbols written with a one-letter species prefix: `hTRPM8` (human), `mTRPV4` (mouse),
 * `rCtr1` (rat). The dictionary knows TRPM8, not hTRPM8, so the whole word is tagged as the gene
 * and the prefix fixes its species (species.ts then grounds it to the ortholog). Only official
 * symbols and curated terms qualify after the prefix (`hCG` or `mAb` stay out: CG and Ab are no
 * symbols), and only where no other mention covers the word.
 */
import type { Sentence } from '../segment/segment.js';
import type { Lexicon } from './dictionary.js';
import { mention, type Mention } from './mention.js';
import { HUMAN, MOUSE, RAT } from './species.js';
import { termKey } from './tokens.js';
import { byStart, spanOverlap } from './span-index.js';

export const PREFIX_TAXON: Record<string, string> = { h: HUMAN, m: MOUSE, r: RAT };
/** prefix letter, then a symbol that starts with a capital and holds at least three letters or digits */
const PREFIXED = /(?<![A-Za-z0-9-])([hmr])([A-Z][A-Za-z0-9-]{1,15}[A-Za-z0-9])(?![A-Za-z0-9-])/g;
const TRUSTED = new Set(['symbol', 'overlay']);

export function tagPrefixedGenes(text: string, sentences: Sentence[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const added: Mention[] = [];
  let overlapsMention: ((start: number, end: number) => boolean) | undefined;
  for (const s of sentences) {
    if (s.skip) continue;
    const slice = text.slice(s.start, s.end);
    for (const m of slice.matchAll(PREFIXED)) {
      const start = s.start + m.index, end = start + m[0].length;
      if ((overlapsMention ??= spanOverlap(mentions))(start, end)) continue;
      const symbol = m[2];
      if (lexicon.stopKeys.has(termKey(symbol))) continue;
      const hit = lexicon.automaton.scan(symbol).find((x) => x.start === 0 && x.end === symbol.length);
      const entry = hit?.entries.find((e) => e.type === 'gene' && TRUSTED.has(e.source) && e.norm.startsWith('NCBIGene:'));
      if (!entry) continue;
      added.push(mention('gene', start, end, entry.norm, entry.name, s.index, `${entry.source}|prefix:${m[1]}`, undefined, undefined, `NCBITaxon:${PREFIX_TAXON[m[1]]}`));
    }
  }
  return added.length ? [...mentions, ...added].sort(byStart) : mentions;
}
