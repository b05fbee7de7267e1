/**
 * Receptor subtype labels written alone: a document that names "dopamine D2 receptor" or "the H1-receptor" goes on to write
 * "D2 occupancy", "V(2) agonist", "H1-antihistamines". A gene mention whose last words are a subtype label and "receptor"
 * ("D2 receptor", "V(1a) receptors", "EP2-receptor") lends its identifier to the label wherever the document writes the
 * label as a whole word outside every mention, and to the label plus "R" ("CB2R" after "CB2 receptor"). Source
 * `receptor-label`. The label must be one to three capitals and a number (with a letter after it, bracketed or not),
 * so words, Greek subtypes and "5-HT1A" (a dictionary term) are left to the dictionary.
 */
import { rejectedBy } from './context-rules.js';
import { mention, type Mention } from './mention.js';
import type { Sentence } from '../segment/segment.js';
import { byStartThenEnd, spanOverlap } from './span-index.js';

/**
 * "D2 receptor", "V(1a) receptors", "EP2-receptor", "dopamine D2 receptor": the label before a receptor head word at the
 * mention's end, and the word before the label when there is one ("dopamine"); never a label glued to what precedes it ("5-HT6")
 */
const LABEL_RECEPTOR = /(?:^|\s)([A-Z]{1,2}(?:\(\d{1,2}[a-z]?\)|\d{1,2}[a-z]?))[\s-]receptors?$/;
/** a label that is one of a coordination ("D1 and D2 receptors", "V1a/V2"): the gold spans take the whole */
const LABEL = '[A-Z]{1,2}\\(?\\d{1,2}[a-z]?\\)?';
const COORDINATED_AFTER = new RegExp(`^\\s*(?:,|and|or|/|-)\\s*${LABEL}(?![A-Za-z0-9])`);
const COORDINATED_BEFORE = new RegExp(`(?<![A-Za-z0-9])${LABEL}\\s*(?:,|and|or|/)\\s*$`);
/** a word shaped like a label, alone or plus "R" ("D2", "V(1a)", "CB2R"), with no letter or digit beside it */
const LABEL_WORD = /(?<![A-Za-z0-9])([A-Z]{1,2}(?:\(\d{1,2}[a-z]?\)|\d{1,2}[a-z]?))R?(?![A-Za-z0-9])/g;
/** the receptor's name goes on after the label ("A1 adenosine receptors", "V1a-like receptor", "A2 synthetase") */
const NAME_GOES_ON = /^[\s-](?:[a-z]+[\s-](?:auto)?receptors?\b|like\b|[a-z]*ases?\b)/;

/** The labels of the document's receptor gene mentions, written alone elsewhere, as gene mentions with the receptor's identifier. */
export function receptorLabels(text: string, sentences: Sentence[], mentions: Mention[]): Mention[] {
  const labels = new Map<string, Mention | null>();
  // the words receptor names put before their labels ("dopamine D2 receptor"): "dopamine D1" elsewhere is one name, not a label
  const ligands = new Set<string>();
  for (const m of mentions) {
    // the receptor of a coordination ("A(2A)/A(1) receptor") names a pair, not the label's own receptor
    if (m.type !== 'gene' || text[m.start - 1] === '/') continue;
    const surface = text.slice(m.start, m.end);
    const found = LABEL_RECEPTOR.exec(surface);
    if (!found) continue;
    const label = found[1];
    const ligand = lastWord(surface.slice(Math.max(0, found.index - 30), found.index + 1));
    if (ligand) ligands.add(ligand);
    // one label, one receptor: a label two receptors with other identifiers claim is left alone
    const had = labels.get(label);
    labels.set(label, had === undefined || (had && had.norm === m.norm) ? m : null);
  }
  if (!labels.size) return mentions;
  const taken = spanOverlap(mentions);
  const added: Mention[] = [];
  // one pass over each sentence for every word shaped like a label (a search per label would be quadratic in a document naming many)
  for (const s of sentences) {
    if (s.skip) continue;
    const slice = text.slice(s.start, s.end);
    LABEL_WORD.lastIndex = 0;
    for (let w = LABEL_WORD.exec(slice); w; w = LABEL_WORD.exec(slice)) {
      const receptor = labels.get(w[1]);
      if (!receptor) continue;
      const i = s.start + w.index, end = i + w[0].length;
      if (taken(i, end) || rejectedBy(text, i, end, 'gene')) continue;
      const after = text.slice(end, end + 30), before = text.slice(Math.max(0, i - 30), i);
      if (COORDINATED_AFTER.test(after) || COORDINATED_BEFORE.test(before) || NAME_GOES_ON.test(after) || ligands.has(lastWord(before))) continue;
      added.push(mention('gene', i, end, receptor.norm, receptor.name, s.index, `receptor-label|${receptor.source}`, undefined, undefined, receptor.species));
    }
  }
  return added.length ? [...mentions, ...added].sort(byStartThenEnd) : mentions;
}

/** the word right before a label, past a bracketed short form ("dopamine (DA) D2" → "dopamine"), lower-cased */
function lastWord(before: string): string {
  return /([A-Za-z][\w-]*) (?:\([A-Za-z]{1,5}\) )?$/.exec(before)?.[1].toLowerCase() ?? '';
}
