/**
 * Short forms of learned gene names: "tissue plasminogen activator (t-PA)", "monoamine oxidase
 * (MAO)". The tag stage binds a defined short form to its long form's dictionary entry before the
 * learned tagger runs, so a long form only the tagger finds left its short form untagged (or
 * suppressed, as a long form with no known meaning). After the merge, a gene mention that is the
 * long form of a definition lends its identifier to the short form wherever the document writes it
 * as a whole word and no other mention lies there, as the dictionary's abbreviations do. An ungrounded long form takes
 * its short form's identifier where the dictionary grounds the short form: here when the tag stage suppressed it
 * ("programmed death 1 (PD-1)"), in groundLongForms when it was tagged.
 */
import { wholeWordStarts, type AbbreviationDefinition } from '../abbreviations.js';
import { rejectedBy } from '../context-rules.js';
import { mention, type Mention } from '../mention.js';
import type { Sentence } from '../../segment/segment.js';
import { byStartThenEnd, spanOverlap } from '../span-index.js';
import type { Lexicon } from '../dictionary.js';
import { wholeTerm } from './ground.js';

/** a short form worth binding: a letter, at most 12 characters, not a bare number or a roman numeral alone */
const SHORT = /^(?=.*[A-Za-z])(?![IVX]+$).{2,12}$/;

export function bindLearnedShortForms(text: string, sentences: Sentence[], mentions: Mention[], definitions: AbbreviationDefinition[], lexicon?: Lexicon): Mention[] {
  // the learned tagger's gene mentions by end: the long form of a definition ends right before its "("
  const byEnd = new Map<number, Mention>();
  for (const m of mentions) if (m.type === 'gene' && m.source.startsWith('learned')) byEnd.set(m.end, m);
  const added: Mention[] = [];
  let taken = spanOverlap(mentions);
  const bound = new Set<string>();
  for (const def of definitions) {
    const long = byEnd.get(def.longEnd);
    if (!long || def.seriesPrefix || bound.has(def.short) || !SHORT.test(def.short) || long.end - long.start <= def.short.length) continue;
    bound.add(def.short);
    // an ungrounded long form whose short form the dictionary grounds (suppressed in the tag stage, as its long form was
    // unknown): "programmed death 1 (PD-1)" is PD-1's gene, and so is the long form
    const own = long.norm.startsWith('LOCAL:') && lexicon ? wholeTerm(def.short, lexicon) : undefined;
    if (own && own !== 'not-gene' && !own.norm.startsWith('LOCAL:')) { long.norm = own.norm; long.name = own.name; long.source = `${long.source}|short-form`; }
    const found: Mention[] = [];
    for (const s of sentences) {
      if (s.skip) continue;
      for (const i of wholeWordStarts(text, s, def.short)) {
        const end = i + def.short.length;
        if (taken(i, end) || rejectedBy(text, i, end, 'gene')) continue;
        found.push(mention('gene', i, end, long.norm, long.name, s.index, `abbreviation|${long.source}`));
      }
    }
    if (!found.length) continue;
    added.push(...found);
    taken = spanOverlap([...mentions, ...added]);
  }
  groundLongForms(mentions, definitions);
  if (!added.length) return mentions;
  return [...mentions, ...added].sort(byStartThenEnd);
}

/**
 * The other way round: a long form only the tagger found and could not ground (`LOCAL:`) takes the identifier of its
 * defined short form where the dictionary grounds that to a gene or family ("TNFR-associated factor 2 (TRAF2)", "focal
 * adhesion kinase (FAK)"); the learned span must cover the whole long form. `source` gets `|short-form`. Chosen on
 * NLM-Gene, BioRED and GNormPlus Train. Mutates the long forms.
 */
export function groundLongForms(mentions: Mention[], definitions: AbbreviationDefinition[]): void {
  const byEnd = new Map<number, Mention>(), byStart = new Map<number, Mention>();
  for (const m of mentions) if (m.type === 'gene') { byEnd.set(m.end, m); byStart.set(m.start, m); }
  for (const def of definitions) {
    const long = byEnd.get(def.longEnd), short = byStart.get(def.shortStart);
    if (!long || !short || def.seriesPrefix || !long.norm.startsWith('LOCAL:') || long.start > def.longStart) continue;
    if (short.end !== def.shortStart + def.short.length || short.norm.startsWith('LOCAL:')) continue;
    long.norm = short.norm; long.name = short.name; long.source = `${long.source}|short-form`;
  }
}
