/**
 * tag: normalized text + sentences → mentions of genes, drugs, pathways (dictionary automaton)
 * and mutations (pattern scanner), with ambiguity control:
 *  1. stop list: keys never tagged;
 *  2. case rules: short symbols match only in their own case (automaton `exact` entries);
 *  3. abbreviations defined in the document bind or suppress their short form;
 *  4. context rules (cell lines, ER stress, figure labels);
 *  5. overlaps: the longest match wins; on equal spans pathway > drug > gene;
 *  6. gene chains and "GENE signaling" become pathway mentions (pathway-mentions.ts).
 */
import type { EntityType } from '../model/schemas.js';
import type { Sentence } from '../segment/segment.js';
import { findAbbreviations, wholeWordStarts, withSingularShortForms } from './abbreviations.js';
import { tagChemicalShapes } from './chemical-shapes.js';
import { adjustChemicalSpans } from './chemical-spans.js';
import { subscriptMatches, systematicNameMatches } from './chemical-names.js';
import { applyReagentRules } from './reagents.js';
import type { DictionaryEntry, TermMatch } from './automaton.js';
import { rejectedBy } from './context-rules.js';
import type { Lexicon } from './dictionary.js';
import { copyMention, mention, ranked, type Mention, type RankedMention } from './mention.js';
import { attachGenes, findDocumentVariants } from './mutations/index.js';
import { disambiguateGenes } from './gene-disambiguation.js';
import { hasPathwayHead, pathwaysFromGenes } from './pathway-mentions.js';
import { ambiguousGenes, assignSpecies } from './species.js';
import { documentCandidateSpans, groundLocalSpans } from './local-grounding.js';
import { groundFamilyMemberSymbols } from './family-members.js';
import { joinMemberLists } from './member-lists.js';
import { tagPrefixedGenes } from './species-prefix.js';
import { receptorLabels } from './receptor-labels.js';
import { dropGenericInClassPhrases, dropNamedComplexes } from './gene-families.js';
import { mergeLearnedGenes } from './learned/merge.js';
import { bindLearnedShortForms } from './learned/short-forms.js';
import { termKey } from './tokens.js';
import { byStart, spanInside } from './span-index.js';

const TYPE_RANK: Record<EntityType, number> = { mutation: 6, pathway: 5, drug_class: 4, drug: 3, chemical: 2, gene: 1 };
/** words that make an unmatched long form still plausibly a gene/protein name (`micro-RNA-200a (miR-200a)`: a microRNA spelled as the dictionary does not) */
const MOLECULE_HEAD = /(receptor|kinase|factor|protein|ase|gene|antigen|ligand|oncogene|transporter|channel|mucin|glycoprotein|subunit|domain|family|micro-RNA)\b/i;

/**
 * The head of a long form naming a cell type, an organelle, a condition or a study measure ("mesenchymal stem cells (MSC)",
 * "endoplasmic reticulum (ER)", "oxygen glucose deprivation (OGD)", "standard deviation scores (SDS)"): its short form is no
 * gene, even an official symbol's, and known words inside the long form do not make it one.
 */
const NOT_MOLECULE_HEAD = /\b(?:cells?|reticulum|deprivation|scores?|stud(?:y|ies)|ratios?|crisis)$/i;

/** a short tag after a name inside an abbreviation's long form ("-D28k", " p110", "-1b") */
const ISOFORM_TAIL = /^[- ]?[A-Za-z]{0,3}\d{1,4}[A-Za-z]{0,2}$/;

type Candidate = RankedMention;

function pickEntry(entries: readonly DictionaryEntry[]): DictionaryEntry {
  return [...entries].sort((a, b) => TYPE_RANK[b.type] - TYPE_RANK[a.type] || (a.case === 'exact' ? -1 : 1))[0];
}

const longestFirst = (a: { start: number; end: number; rank: number }, b: { start: number; end: number; rank: number }) =>
  b.end - b.start - (a.end - a.start) || b.rank - a.rank || a.start - b.start;
const matchStart = (x: { m: TermMatch }) => x.m.start, matchEnd = (x: { m: TermMatch }) => x.m.end;
const matchOf = (x: { m: TermMatch }) => x.m;

/** Leftmost-longest selection of non-overlapping candidates. */
export function resolveOverlaps<T extends { start: number; end: number; rank: number }>(cands: T[]): T[] {
  const sorted = [...cands].sort(longestFirst);
  // kept spans never overlap, so marking their characters answers "does c overlap a kept span?"
  // in c's length instead of a scan of everything kept (linear in the document, not quadratic)
  let size = 0;
  for (const c of cands) size = Math.max(size, c.end + 1);
  const covered = new Uint8Array(size), startsAt = new Uint8Array(size);
  const taken: T[] = [];
  for (const c of sorted) {
    let free = true;
    if (c.end > c.start) { for (let i = c.start; i < c.end; i++) if (covered[i]) { free = false; break; } }
    // an empty span overlaps a kept span only strictly inside it
    else free = !(c.start > 0 && covered[c.start - 1] && covered[c.start] && !startsAt[c.start]);
    if (!free) continue;
    covered.fill(1, c.start, c.end);
    startsAt[c.start] = 1;
    taken.push(c);
  }
  return taken.sort(byStart);
}

export function tagEntities(text: string, sentences: Sentence[], lexicon: Lexicon): Mention[] {
  const inScope = sentences.filter((s) => !s.skip);
  const cands: Candidate[] = [];
  const matches: { m: TermMatch; sentence: number }[] = [];
  // each sentence's scan, kept for the learned gene tagger's dictionary features
  const scans = new Map<number, TermMatch[]>();
  for (const s of inScope) {
    const slice = text.slice(s.start, s.end);
    const scan = lexicon.automaton.scan(slice);
    scans.set(s.index, scan);
    for (const m of scan)
      // written out, not spread: the same hidden class as the automaton's own matches
      matches.push({ m: { start: m.start + s.start, end: m.end + s.start, first: m.first, last: m.last, entries: m.entries }, sentence: s.index });
  }

  // systematic chemical names where the dictionaries are silent, before abbreviations bind to them (chemical-names.ts)
  matches.push(...systematicNameMatches(text, inScope, matches), ...subscriptMatches(text, inScope, matches, lexicon));

  // abbreviations: SHORT bound to the meaning of its long form, or suppressed when it has none
  const bound = new Map<string, DictionaryEntry>();
  const suppressed = new Set<string>();
  // matches by start and by end (in scan order, so `find` picks what a scan of all matches would):
  // a scan of every match per definition is quadratic in a document that defines many
  const matchesByStart = groupBy(matches, matchStart), matchesByEnd = groupBy(matches, matchEnd);
  let matchInside: ((start: number, end: number) => boolean) | undefined;
  const definitions = findAbbreviations(text, inScope);
  for (const def of withSingularShortForms(definitions)) {
    // "epidermal growth factor receptor (HER)2": HER prefixes the numbered members, so alone it
    // names their family ("HER family") when the lexicon has one, and nothing otherwise
    if (def.seriesPrefix) {
      const family = lexicon.automaton.scan(`${def.short} family`).find((x) => x.start === 0 && x.end === def.short.length + 7);
      if (family) bound.set(def.short, pickEntry(family.entries)); else suppressed.add(def.short);
      continue;
    }
    // no `?? []`: an empty literal has another elements kind than a list of matches, and `find` deoptimized on it
    const atStart = matchesByStart.get(def.longStart), atEnd = matchesByEnd.get(def.longEnd);
    const long = atStart?.find((x) => x.m.end === def.longEnd)
      ?? atEnd?.find((x) => x.m.start > def.longStart && x.m.end - x.m.start > def.short.length + 3)
      // the long form is a known name plus an isoform/size tag: "Calbindin-D28k (CB)"
      ?? atStart?.find((x) => x.m.end < def.longEnd && ISOFORM_TAIL.test(text.slice(x.m.end, def.longEnd)))
      // the long form is a name less its locants: "2,6-dichlorobenzonitrile (DCBN)" (Schwartz–Hearst starts it at the "d")
      ?? atEnd?.find((x) => x.m.start < def.longStart && def.longStart - x.m.start <= 12 && !/\s/.test(text.slice(x.m.start, def.longStart)));
    // a partial long-form match naming a family ("Bruton's tyrosine kinase (Btk)" → "tyrosine kinase") never
    // overrides a short form that is itself a specific gene
    const partial = long && (long.m.start !== def.longStart || long.m.end !== def.longEnd);
    if (long && partial && !pickEntry(long.m.entries).norm.startsWith('NCBIGene:') && ownGene(lexicon, def.short)) continue;
    // nor does a known name plus an isoform tag that names another gene than the short form itself
    // ("ubiquitin carboxy-terminal hydrolase-L1 (UCH-L1)": the name is BAP1's, UCH-L1 is UCHL1)
    if (long && long.m.end < def.longEnd && long.m.start === def.longStart && ownGene(lexicon, def.short, pickEntry(long.m.entries).norm)) continue;
    // the singular of a plural short form inherits a suppression, never a binding: a plural long form often names a class
    // ("N-acetyltransferases (NATs)", "kappa opioid receptors (KORs)") whose singular short form the text uses for a member
    if (long) { if (!def.singular) bound.set(def.short, pickEntry(long.m.entries)); }
    else if (NOT_MOLECULE_HEAD.test(text.slice(def.longStart, def.longEnd))) suppressed.add(def.short);
    else if (!(matchInside ??= spanInside(matches.map(matchOf)))(def.longStart, def.longEnd) && !MOLECULE_HEAD.test(text.slice(def.longStart, def.longEnd))
      // an official symbol or curated term keeps its meaning even when its long form is unknown ("Bicaudal D2 (BICD2)")
      && !lexicon.automaton.scan(def.short).some((x) => x.entries.some((e) => e.source === 'symbol' || e.source === 'overlay')))
      suppressed.add(def.short);
  }

  for (const { m, sentence } of matches) {
    const surface = text.slice(m.start, m.end);
    // a short form the document defines ("nitric oxide (NO)") overrides the stop list
    if (lexicon.stopKeys.has(termKey(surface)) && !bound.has(surface)) continue;
    const boundEntry = bound.get(surface);
    if (suppressed.has(surface) && !boundEntry) continue;
    const entry = boundEntry ?? pickEntry(m.entries);
    if (rejectedBy(text, m.start, m.end, entry.type)) continue;
    if (entry.type === 'pathway' && !hasPathwayHead(surface)) continue;
    cands.push(ranked(mention(entry.type, m.start, m.end, entry.norm, entry.name, sentence, boundEntry ? 'abbreviation' : entry.source), TYPE_RANK[entry.type]));
  }
  // short forms defined in the document but absent from the dictionaries
  for (const [short, entry] of bound) {
    // the dictionary tags it where it knows the whole short form ("4-HNE" holds the gene alias HNE but is no term)
    if (lexicon.automaton.scan(short).some((x) => x.start === 0 && x.end === short.length)) continue;
    for (const s of inScope)
      for (const i of wholeWordStarts(text, s, short))
        cands.push(ranked(mention(entry.type, i, i + short.length, entry.norm, entry.name, s.index, 'abbreviation'), TYPE_RANK[entry.type]));
  }

  // research codes and ions where no dictionary term or variant lies (chemical-shapes.ts): "IIIA-176F" is an allele, not a code
  const variants = tagMutations(text, inScope);
  for (const m of tagChemicalShapes(text, inScope, [...cands, ...variants])) cands.push(ranked(m, TYPE_RANK.chemical));
  const chosen = disambiguateGenes(text, resolveOverlaps([...cands, ...variants]).map((c) => copyMention(c)));
  const merged = mergeLearnedGenes(text, inScope, pathwaysFromGenes(text, chosen), lexicon, undefined, { suppressed, scans });
  // short forms of long forms only the learned tagger found (learned/short-forms.ts)
  const learned = bindLearnedShortForms(text, inScope, merged, definitions, lexicon);
  const withPrefixed = tagPrefixedGenes(text, inScope, dropNamedComplexes(text, dropGenericInClassPhrases(text, learned)), lexicon);
  // reagents are chemicals, organisms no mention at all (reagents.ts)
  const mentions = adjustChemicalSpans(text, applyReagentRules(text, attachVariantGenes(withPrefixed, inScope), inScope), lexicon);
  const grounded = documentCandidateSpans(text, inScope, groundFamilyMemberSymbols(text, groundLocalSpans(text, mentions, lexicon), lexicon), ambiguousGenes(lexicon.species), definitions);
  // subtype labels written alone after their receptor ("D2 occupancy" after "dopamine D2 receptor"; receptor-labels.ts)
  const labelled = receptorLabels(text, inScope, grounded);
  return assignSpecies(text, inScope, joinMemberLists(text, labelled, lexicon), lexicon.species);
}

function groupBy<T>(xs: T[], key: (x: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const x of xs) { const k = key(x); const g = groups.get(k); if (g) g.push(x); else groups.set(k, [x]); }
  return groups;
}

/** the short form alone is a dictionary gene with an NCBI Gene id (other than `other`) */
function ownGene(lexicon: Lexicon, short: string, other?: string): boolean {
  return lexicon.automaton.scan(short).some((x) => x.start === 0 && x.end === short.length && x.entries.some((e) => e.type === 'gene' && e.norm.startsWith('NCBIGene:') && e.norm !== other));
}

function tagMutations(text: string, sentences: Sentence[]): Candidate[] {
  const out: Candidate[] = [];
  const found = findDocumentVariants(text, sentences);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    for (const v of found[i])
      out.push(ranked(mention('mutation', s.start + v.start, s.start + v.end, v.hgvs, v.hgvs3 ?? v.hgvs, s.index, `variant:${v.kind}|${v.tmvar}`), TYPE_RANK.mutation));
  }
  return out;
}

/** Prefix each variant's HGVS with its gene symbol (ERBB2:p.V777L) and record how it was found. */
function attachVariantGenes(mentions: Mention[], sentences: Sentence[]): Mention[] {
  const variants: Mention[] = [];
  for (const m of mentions) if (m.type === 'mutation') variants.push(m);
  if (!variants.length) return mentions;
  const genes: { start: number; end: number; symbol: string }[] = [];
  for (const m of mentions) if (m.type === 'gene' && m.norm.startsWith('NCBIGene:')) genes.push({ start: m.start, end: m.end, symbol: m.name });
  const attached = attachGenes(variants, genes, sentences);
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i], a = attached[i];
    v.norm = `${a.gene ?? '?'}:${v.norm}`;
    v.source = `${v.source}|gene:${a.via ?? 'none'}`;
  }
  return mentions;
}
