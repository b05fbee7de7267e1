/**
 * Merges the learned tagger's gene spans with the dictionary's mentions (tag-entities.ts):
 *  - a learned span where no mention lies becomes a gene mention, grounded by a dictionary gene
 *    entry covering exactly the span, else typed `LOCAL:<name>`; spans the dictionaries know as a
 *    drug or chemical, single characters and bare numbers are skipped;
 *  - a learned span that overlaps dictionary gene mentions only, with other boundaries, replaces
 *    them when it holds exactly one of them (it keeps that mention's identifier): "human TRPA1",
 *    "5-HT2A" inside "5-HT2A receptors" follow the model.
 * Dictionary gene mentions the model does not mark stay (the dictionary is precise on names).
 * Off by default: the model follows DrugProt/BioRED conventions (species words inside the span,
 * bare class nouns), which the project's own gold guidelines do not (README, measured figures).
 */
import type { Sentence } from '../../segment/segment.js';
import type { Lexicon } from '../dictionary.js';
import type { Mention } from '../mention.js';
import { termKey } from '../tokens.js';
import { defaultGeneModel, learnedGeneSpans, type GeneModel } from './gene-tagger.js';

/** BIOTRIPLES_LEARNED_GENES=1 turns the learned tagger on; off by default */
export function learnedGenesOn(): boolean {
  const v = process.env.BIOTRIPLES_LEARNED_GENES ?? '0';
  if (v !== '0' && v !== '1') throw new Error(`BIOTRIPLES_LEARNED_GENES must be 0 or 1 (got "${v}")`);
  return v === '1';
}

export function mergeLearnedGenes(text: string, sentences: Sentence[], mentions: Mention[], lexicon: Lexicon, model: GeneModel | null = learnedGenesOn() ? defaultGeneModel() : null): Mention[] {
  if (!model) return mentions;
  let out = [...mentions];
  for (const s of sentences) {
    if (s.skip) continue;
    for (const sp of learnedGeneSpans(text.slice(s.start, s.end), lexicon.automaton, model)) {
      const start = s.start + sp.start, end = s.start + sp.end;
      const surface = text.slice(start, end);
      if (surface.length < 2 || /^[\d\W]+$/.test(surface) || lexicon.stopKeys.has(termKey(surface))) continue;
      const over = out.filter((m) => m.start < end && start < m.end);
      if (!over.length) {
        const hit = lexicon.automaton.scan(surface).find((x) => x.start === 0 && x.end === surface.length);
        if (hit && !hit.entries.some((e) => e.type === 'gene')) continue;
        const entry = hit?.entries.find((e) => e.type === 'gene');
        out.push({ type: 'gene', start, end, norm: entry?.norm ?? `LOCAL:${surface.toLowerCase().replace(/\s+/g, '_')}`, name: entry?.name ?? surface, sentence: s.index, source: entry ? `learned|${entry.source}` : 'learned' });
        continue;
      }
      if (over.length !== 1 || over[0].type !== 'gene') continue;
      const m = over[0];
      if (m.start === start && m.end === end) continue;
      out = out.filter((x) => x !== m);
      out.push({ ...m, start, end, source: `${m.source}|learned-span` });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

