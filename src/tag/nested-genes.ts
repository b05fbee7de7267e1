/**
 * Genes named inside a pathway mention: "PI3K" and "Akt" in "PI3K/Akt pathway", "STAT3" in
 * "JAK/STAT3 signaling". The pathway stays the mention relations use (the project's gold annotates
 * it whole and no gene inside it); the genes are a second, nested layer, as gene corpora (BioRED,
 * DrugProt, NLM-Gene) annotate them. Like nested chemicals they are added after relation
 * extraction, so no triple changes. `source` is `in-pathway:<dictionary source>`, so a user can
 * tell them apart (the gold score leaves them out); species and rodent grounding apply as to any gene.
 */
import type { Sentence } from '../segment/segment.js';
import type { DictionaryEntry } from './automaton.js';
import { rejectedBy } from './context-rules.js';
import type { Lexicon } from './dictionary.js';
import { mention, type Mention } from './mention.js';
import { assignSpecies } from './species.js';
import { termKey } from './tokens.js';
import { byStartThenEnd } from './span-index.js';

export const IN_PATHWAY_SOURCE = 'in-pathway:';

/** a gene entry, a specific gene (official symbol, NCBI Gene id) before a family */
const geneEntry = (entries: readonly DictionaryEntry[]) => entries.find((e) => e.type === 'gene' && e.norm.startsWith('NCBIGene:')) ?? entries.find((e) => e.type === 'gene');

/**
 * Gene mentions inside the pathway mentions of `mentions`: dictionary gene terms in the pathway's
 * text, longest first, never overlapping one another, obeying the stop list and the gene context
 * rules; grounded to the organism the text speaks of (species.ts).
 */
export function findGenesInPathways(text: string, sentences: Sentence[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const out: Mention[] = [];
  for (const p of mentions) {
    if (p.type !== 'pathway') continue;
    const found: Mention[] = [];
    const matches = lexicon.automaton.scan(text.slice(p.start, p.end)).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const m of matches) {
      const start = p.start + m.start, end = p.start + m.end;
      const entry = geneEntry(m.entries);
      // the whole pathway name is no gene inside it ("HER2 signaling" holds HER2, not itself)
      if (!entry || (start === p.start && end === p.end)) continue;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      if (lexicon.stopKeys.has(termKey(text.slice(start, end))) || rejectedBy(text, start, end, 'gene')) continue;
      found.push(mention('gene', start, end, entry.norm, entry.name, p.sentence, `${IN_PATHWAY_SOURCE}${entry.source}`, undefined, p.section || undefined));
    }
    out.push(...found);
  }
  // the document's own mentions are the evidence for the organism (how it writes its genes, the members it names)
  return assignSpecies(text, sentences, out.sort(byStartThenEnd), lexicon.species, mentions);
}
