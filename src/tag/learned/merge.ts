/**
 * Merges the learned tagger's gene spans with the dictionary's mentions (tag-entities.ts):
 *  - learned spans obey the tagger's ambiguity control (stop list, suppressed short forms, context rules);
 *  - a learned span where no mention lies becomes a gene mention when ground.ts grounds it (a
 *    dictionary gene name, stop-listed ones included, or its plural/isoform/prefixed form); an
 *    ungrounded span is kept, typed `LOCAL:<name>`, only when the model is confident
 *    (LOCAL_MIN_MARGIN) and does not end in a descriptive word ("kinase domain", "binding site"); spans the dictionaries know as a drug or chemical, single characters, bare
 *    numbers and single lower-case words (bare class nouns: "kinase", "cytokines") are skipped; a mature microRNA
 *    name several loci make ("miR-200", left out of mirna.tsv) is such an ungrounded gene, as the gold guidelines say;
 *  - a span that stops inside a bracket it opened ends past the closing one ("Lp-PLA(2" → "Lp-PLA(2)");
 *  - a learned span that overlaps one dictionary gene mention and contains it replaces it (it keeps
 *    that mention's identifier, unless it names another product): "alpha 1A-adrenoceptor" for "adrenoceptor", "I-TAC" for "TAC";
 *    never a shorter span, and never one that adds a descriptive word ("HER2 promoter",
 *    "oestrogen receptor's") or an unbalanced bracket; a span naming another product ("IGF-1 receptor" around
 *    "IGF-1", "VEGF receptor 2" around the family) is grounded on its own (product-names.ts);
 *  - a learned span that contains only drug or chemical mentions and ends in a gene-product head word
 *    ("glutathione reductase", "nitric oxide synthase") becomes the gene; the chemicals return as the
 *    nested layer (nested-chemicals.ts).
 * Dictionary gene mentions the model does not mark stay (the dictionary is precise on names).
 * On by default; BIOTRIPLES_LEARNED_GENES=0 turns it off (the dictionary tagger alone).
 */
import type { Sentence } from '../../segment/segment.js';
import type { TermMatch } from '../automaton.js';
import type { Lexicon } from '../dictionary.js';
import { copyMention, mention, type Mention } from '../mention.js';
import { rejectedBy } from '../context-rules.js';
import { PREFIX_TAXON } from '../species-prefix.js';
import { termKey } from '../tokens.js';
import { byStartThenEnd, OverlapIndex } from '../span-index.js';
import { groundLearnedSpan } from './ground.js';
import { groundProductName } from './product-names.js';
import { defaultGeneModel, learnedGeneSpans, type GeneModel } from './gene-tagger.js';
import { learnedGenesOn } from './switch.js';

export { learnedGenesOn };

/** smallest token margin (score of the span's label over O) for a span no dictionary entry grounds; chosen on NLM-Gene and GNormPlus Train */
export const LOCAL_MIN_MARGIN = 15;


/** what the tag stage already decided not to tag: short forms whose long form is no biomolecule ("calbindin binding sites (CBS)") */
export interface MergeContext {
  suppressed: Set<string>;
  /** each in-scope sentence's dictionary scan (by sentence index), as the tag stage made it: not scanned again */
  scans?: Map<number, TermMatch[]>;
}

/** a citation or exponent in superscript digits after a name ("EPRS1²³", PDF text) is no part of it; the tagger never saw one in training */
const RAISED = '⁰¹²³⁴⁵⁶⁷⁸⁹⁻';
export function withoutRaised(text: string, start: number, end: number): number {
  let cut = end;
  // back over the tail of superscripts and their separators (",", "–"), keeping a separator only if no superscript precedes it
  let i = end - 1;
  for (; i >= start; i--) {
    if (RAISED.includes(text[i])) cut = i;
    else if (text[i] !== ',' && text[i] !== '–') break;
  }
  // nothing but superscripts: not a name with a tail (later steps drop it)
  if (i < start) return end;
  return cut < end && (text[cut - 1] === ',' || text[cut - 1] === '–') ? cut - 1 : cut;
}

export function mergeLearnedGenes(text: string, sentences: Sentence[], mentions: Mention[], lexicon: Lexicon, model: GeneModel | null = learnedGenesOn() ? defaultGeneModel() : null, context: MergeContext = { suppressed: new Set() }): Mention[] {
  if (!model) return mentions;
  // live mentions by span (a scan of every mention per learned span is quadratic in a long document)
  const index = new OverlapIndex(mentions);
  const removed = new Set<Mention>();
  const added: Mention[] = [];
  const live = (m: Mention) => !removed.has(m);
  for (const s of sentences) {
    if (s.skip) continue;
    for (const sp of learnedGeneSpans(text.slice(s.start, s.end), lexicon.automaton, model, context.scans?.get(s.index))) {
      const start = s.start + sp.start, end = withoutRaised(text, start, closeBrackets(text, s.start + sp.start, s.start + sp.end, s.end));
      const surface = text.slice(start, end);
      // a span that cuts a run of letters and digits ("Calbindin-D28" of "Calbindin-D28k") has a broken boundary
      if (ALNUM.test(text[start - 1] ?? '') && ALNUM.test(text[start]) || ALNUM.test(text[end - 1]) && ALNUM.test(text[end] ?? '')) continue;
      // the tagger's own ambiguity control holds for learned spans too: stop list, suppressed short forms, context rules (cell lines)
      if (surface.length < 2 || /^[\d\W]+$/.test(surface) || lexicon.stopKeys.has(termKey(surface)) || context.suppressed.has(surface) || rejectedBy(text, start, end, 'gene')) continue;
      const over = index.overlapping(start, end, live);
      if (!over.length) {
        // bare class nouns
        if (/^[a-z][a-z-]*$/.test(surface)) continue;
        const g = groundLearnedSpan(surface, lexicon);
        if (g === 'not-gene' || (!g && (sp.margin < LOCAL_MIN_MARGIN || NOT_NAME.test(surface.split(/[\s-]+/).pop() ?? '')))) continue;
        // `mTRPV4`: the prefix letter names the species, as species-prefix.ts records it
        const species = g && g.via === 'species-prefix' ? `NCBITaxon:${PREFIX_TAXON[surface[0]]}` : undefined;
        const found = mention('gene', start, end, g?.norm ?? `LOCAL:${surface.toLowerCase().replace(/\s+/g, '_')}`, g?.name ?? surface, s.index,
          g ? `learned|${g.source}${g.via === 'whole' ? '' : `|${g.via}`}` : 'learned', undefined, undefined, species);
        index.add(found);
        added.push(found);
        continue;
      }
      // a gene product named after its ligand or substrate ("glutathione reductase" over the drug "glutathione"):
      // the gene replaces the chemicals inside it (nested-chemicals.ts adds them back as a nested layer)
      if (over.every((m) => m.start >= start && m.end <= end && (m.type === 'drug' || m.type === 'chemical')) && !(over.length === 1 && over[0].start === start && over[0].end === end)
        && GENE_HEAD_WORD.test(surface)) {
        const g = groundLearnedSpan(surface, lexicon);
        if (g === 'not-gene') continue;
        for (const m of over) removed.add(m);
        const found = mention('gene', start, end, g?.norm ?? `LOCAL:${surface.toLowerCase().replace(/\s+/g, '_')}`, g?.name ?? surface, s.index, g ? `learned|${g.source}` : 'learned');
        index.add(found);
        added.push(found);
        continue;
      }
      if (over.length !== 1 || over[0].type !== 'gene') continue;
      const m = over[0];
      if (m.start === start && m.end === end) continue;
      if (start > m.start || end < m.end || !goodExtension(text.slice(start, m.start), text.slice(m.end, end), text.slice(m.start, m.end))) continue;
      removed.add(m);
      const longer = copyMention(m, start, end, `${m.source}|learned-span`);
      // the span names another product ("IGF-1 receptor" around "IGF-1"): grounded on its own (product-names.ts)
      const product = groundProductName(surface, m.end - start, lexicon, m);
      if (product) {
        longer.norm = product === 'local' ? `LOCAL:${surface.toLowerCase().replace(/\s+/g, '_')}` : product.norm;
        longer.name = product === 'local' ? surface : product.name;
        longer.source = product === 'local' ? 'learned|product-name' : `learned|${product.source}|product-name`;
      }
      index.add(longer);
      added.push(longer);
    }
  }
  // the order a filtered copy plus appended additions had, so that the stable sort breaks ties as before
  const out = [...mentions.filter(live), ...added.filter(live)];
  return out.sort(byStartThenEnd);
}

/** words that describe a gene or its product and are never part of its name (gold guidelines: the span leaves out "gene", "protein") */
const NOT_NAME = /^(?:genes?|proteins?|mrnas?|promoters?|expression|activity|activation|activating|signal(?:l)?ing|domains?|survival|inflammatory|chaperone|transcripts?|levels?|sites?|regions?)$/i;
/** the last word of a gene product named after its ligand or substrate ("nitric oxide synthase", "glutathione reductase", "dopamine transporter") */
const GENE_HEAD_WORD = /(?:ases?|receptors?|transporters?|channels?|proteins?|activators?|synthetases?|factors?|symporters?|carriers?|pumps?)$/i;
const ALNUM = /[A-Za-z0-9\u0370-\u03ff]/;
const count = (s: string, c: string) => s.split(c).length - 1;

/**
 * The end of a span that stops inside a bracket it opened ("Lp-PLA(2" of "Lp-PLA(2)", "H(4" of
 * "H(4)R"): past the closing bracket and the letters and digits glued to it, when the text closes it
 * right there, within `limit` (the sentence's end); otherwise unchanged.
 */
export function closeBrackets(text: string, start: number, end: number, limit = text.length): number {
  let e = end;
  for (const [o, c] of [['(', ')'], ['[', ']']]) {
    const span = text.slice(start, e);
    if (count(span, o) !== count(span, c) + 1 || text[e] !== c || e >= limit) continue;
    e++;
    while (e < limit && ALNUM.test(text[e])) e++;
  }
  return e;
}

/**
 * An extension of a dictionary mention the model proposes: balanced brackets, no descriptive word or
 * possessive added, no coordination (`CDK4/6`, `TGF-beta1 and -beta2` name two genes: one span would
 * hide the second), and no lower-case words before a symbol ("the kinase AKT": an appositive).
 */
export function goodExtension(before: string, after: string, mention = ''): boolean {
  const added = `${before} ${after}`;
  for (const [o, c] of [['(', ')'], ['[', ']']]) if (count(added, o) !== count(added, c)) return false;
  if (/[/,]|\band\b|\bor\b/.test(added)) return false;
  if (/^[a-z][a-z\s]*\s$/.test(before) && /^[A-Z0-9][A-Za-z0-9-]*$/.test(mention)) return false;
  return !added.split(/[\s\-*]+/).some((w) => NOT_NAME.test(w)) && !/'s$/.test(after);
}
