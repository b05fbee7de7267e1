/**
 * Grounds the learned tagger's `LOCAL:` gene spans (names no dictionary term covers as written) by
 * spellings papers use for a name the dictionary holds. Runs after the merge, so which spans are kept
 * is the merge's decision alone; only the identifier changes. Each rewrite is tried on the whole span,
 * first hit wins, and the entry must be a gene (`source` gets `|local:<rewrite id>`):
 *  - greek: a Greek letter's name glued to a symbol (`IFNbeta` → IFNB, `IL-15Ralpha` → IL-15RA);
 *  - initials: an abbreviation in brackets inside the name (`interleukin (IL)-6` → interleukin-6);
 *  - glued-word: a word glued to its number or letter (`cyclinD1` → cyclin D1, `Jagged1` → Jagged 1);
 *  - c-prefix: the cellular-gene prefix without its hyphen (`cKit` → c-Kit);
 *  - hyphen: hyphens between the letters of a short name (`Jun-B` → JunB, `G-CSF` → GCSF);
 *  - phospho: a phospho-protein's `p` (`pERK` → ERK, `pp53` → p53);
 *  - splice-variant: a transcript variant suffix (`FLNBv4` → FLNB, `DOK7V1` → DOK7);
 *  - soluble: the `s` of a soluble form before a capitalised symbol (`sTNF-R2` → TNF-R2, `sIL-6R` → IL-6R);
 *  - dominant-negative: a `DN`/`ΔN` prefix and isoform letter (`DNp63a` → p63);
 *  - genotype-suffix: a transgene, knock-down or knock-out suffix after a numbered name (`BCL-2tg`, `COX-2KD`, `STAT3KO`);
 *  - head-word: a trailing `kinase` or `protein` (`Lyn kinase` → Lyn).
 * Then a span the document elsewhere grounds under the same spelling takes that identifier (sameSpelling), and a span
 * written as a key the dictionary dropped as ambiguous takes the one claimant the document otherwise names (documentCandidate).
 */
import type { Lexicon } from './dictionary.js';
import { mention, type Mention } from './mention.js';
import type { Sentence } from '../segment/segment.js';
import { wholeTerm } from './learned/ground.js';
import { GREEK_NAME } from './greek.js';
import { ambiguousGenes } from './species.js';
import { termKey } from './tokens.js';
import { byStartThenEnd, spanOverlap } from './span-index.js';


export const LOCAL_REWRITES: { id: string; rewrite: (s: string) => string | undefined; examples: [string, string][] }[] = [
  { id: 'greek', rewrite: (s) => { const r = s.replace(/(?<=[A-Za-z0-9])(alpha|beta|gamma|delta|kappa)(?![a-z])/g, (g) => GREEK_NAME[g]); return r !== s ? r : undefined; }, examples: [['IFNbeta', 'IFNB'], ['IL-15Ralpha', 'IL-15RA'], ['TGFbeta2', 'TGFB2']] },
  { id: 'initials', rewrite: (s) => { const r = s.replace(/\s*\([A-Za-z]{1,6}\)\s*(?=[-\s]?[A-Za-z0-9])/g, (m, i) => (/^[-\s]/.test(s.slice(i + m.length)) ? '' : ' ')); return r !== s ? r : undefined; }, examples: [['interleukin (IL)-6', 'interleukin-6'], ['Keratin (K) 19', 'Keratin 19']] },
  { id: 'glued-word', rewrite: (s) => { const m = /^([A-Za-z][a-z]{3,})([A-Z]?\d[A-Za-z0-9]*|[A-Z])$/.exec(s); return m ? `${m[1]} ${m[2]}` : undefined; }, examples: [['cyclinD1', 'cyclin D1'], ['Jagged1', 'Jagged 1']] },
  { id: 'c-prefix', rewrite: (s) => (/^c[A-Z][a-z]{1,4}$/.test(s) ? `c-${s.slice(1)}` : undefined), examples: [['cKit', 'c-Kit'], ['cMaf', 'c-Maf']] },
  { id: 'hyphen', rewrite: (s) => (/^[A-Za-z]+(?:-[A-Za-z]+)+$/.test(s) && s.length <= 12 ? s.replace(/-/g, '') : undefined), examples: [['Jun-B', 'JunB'], ['G-CSF', 'GCSF'], ['GM-CSF', 'GMCSF']] },
  { id: 'phospho', rewrite: (s) => (/^p(?:[A-Z][A-Za-z0-9-]{1,}|p\d{2,3})$/.test(s) ? s.slice(1) : undefined), examples: [['pERK', 'ERK'], ['pp53', 'p53']] },
  { id: 'splice-variant', rewrite: (s) => { const m = /^([A-Za-z0-9-]{3,}?)(?:v|V)\d{1,2}$/.exec(s); return m && /[A-Z]/.test(m[1]) ? m[1] : undefined; }, examples: [['FLNBv4', 'FLNB'], ['DOK7V1', 'DOK7']] },
  { id: 'soluble', rewrite: (s) => (/^s[A-Z][A-Z0-9]*[-]?[A-Z0-9]/.test(s) && s.length >= 5 ? s.slice(1) : undefined), examples: [['sTNF-R2', 'TNF-R2'], ['sIL-6R', 'IL-6R']] },
  { id: 'dominant-negative', rewrite: (s) => { const m = /^(?:DN|\u0394N)([a-z][A-Za-z]*\d+)[abg]?$/.exec(s); return m ? m[1] : undefined; }, examples: [['DNp63a', 'p63'], ['\u0394Np63', 'p63']] },
  { id: 'genotype-suffix', rewrite: (s) => { const m = /^([A-Za-z][A-Za-z0-9-]*\d)(?:tg|Tg|KD|KO)$/.exec(s); return m ? m[1] : undefined; }, examples: [['BCL-2tg', 'BCL-2'], ['COX-2KD', 'COX-2'], ['STAT3KO', 'STAT3']] },
  { id: 'head-word', rewrite: (s) => { const m = /^(\S{2,}) (?:kinase|protein)$/.exec(s); return m ? m[1] : undefined; }, examples: [['Lyn kinase', 'Lyn']] },
];

/** Regrounds `LOCAL:` gene mentions in place by the first rewrite that a dictionary gene term covers; returns `mentions`. */
export function groundLocalSpans(text: string, mentions: Mention[], lexicon: Lexicon): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'gene' || !m.norm.startsWith('LOCAL:')) continue;
    const surface = text.slice(m.start, m.end);
    for (const r of LOCAL_REWRITES) {
      const rewritten = r.rewrite(surface);
      if (!rewritten) continue;
      const e = wholeTerm(rewritten, lexicon);
      if (!e || e === 'not-gene') continue;
      m.norm = e.norm; m.name = e.name; m.source = `${m.source}|local:${r.id}`;
      break;
    }
  }
  return documentCandidate(text, sameSpelling(text, mentions), ambiguousGenes(lexicon.species));
}

/**
 * An ambiguous name resolves to the one candidate the document otherwise names: a `LOCAL:` span written as a key the
 * dictionary dropped because several genes claim it ("gp130": IL6ST and CNTFR's alias...; "TRIF") takes the one claimant
 * that another gene mention of the document is grounded to (by any of its names: "IL-6 signal transducer", "TICAM1";
 * `source` `|local:document-candidate`); none when no claimant or two claimants are named.
 */
export function documentCandidate(text: string, mentions: Mention[], ambiguous: Map<string, string[]>): Mention[] {
  if (ambiguous.size === 0) return mentions;
  const claimantOf = namedClaimant(mentions);
  for (const m of mentions) {
    if (m.type !== 'gene' || !m.norm.startsWith('LOCAL:')) continue;
    const claimants = ambiguous.get(termKey(text.slice(m.start, m.end)));
    const g = claimants && claimantOf(claimants);
    if (!g) continue;
    m.norm = g.norm; m.name = g.name; m.source = `${m.source}|local:document-candidate`;
  }
  return mentions;
}

/** The grounded gene mention of the one claimant the document names (by its id), or undefined: none named, or two. */
function namedClaimant(mentions: Mention[]): (claimants: string[]) => Mention | undefined {
  let named: Map<string, Mention> | undefined;
  return (claimants) => {
    if (!named) {
      named = new Map();
      for (const g of mentions) if (g.type === 'gene' && g.norm.startsWith('NCBIGene:') && !named.has(g.norm)) named.set(g.norm, g);
    }
    const hits = claimants.filter((id) => named!.has(id));
    return hits.length === 1 ? named.get(hits[0]) : undefined;
  };
}

/**
 * One identifier per spelling in a document: a `LOCAL:` span the document elsewhere writes the same way (case aside) as a
 * grounded gene mention, always with one identifier, takes it (`source` `|local:same-spelling`): the model found the
 * name where the dictionary's context rules or the abbreviation step left it out ("Mk2", "LEM2").
 */
export function sameSpelling(text: string, mentions: Mention[]): Mention[] {
  const ids = new Map<string, Mention | null>();
  for (const m of mentions) {
    if (m.type !== 'gene' || m.norm.startsWith('LOCAL:')) continue;
    const k = text.slice(m.start, m.end).toLowerCase();
    const had = ids.get(k);
    ids.set(k, had === undefined || (had && had.norm === m.norm) ? m : null);
  }
  for (const m of mentions) {
    if (m.type !== 'gene' || !m.norm.startsWith('LOCAL:')) continue;
    const g = ids.get(text.slice(m.start, m.end).toLowerCase());
    if (g) { m.norm = g.norm; m.name = g.name; m.source = `${m.source}|local:same-spelling`; }
  }
  return mentions;
}

/** a word written like a symbol: letters, digits and hyphens with a digit or two capitals ("p28", "AP4", "PC4") */
const SYMBOL_WORD = /(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9](?![A-Za-z0-9]|-[A-Za-z0-9])/g;

/**
 * The same rule for names no tagger found: a word written as an ambiguous key (a digit or two capitals, outside every
 * mention) becomes a gene mention of the one claimant the document otherwise names (`source` `ambiguous|local:document-candidate`).
 */
export function documentCandidateSpans(text: string, sentences: Sentence[], mentions: Mention[], ambiguous: Map<string, string[]>,
  definitions: { short: string }[] = []): Mention[] {
  if (ambiguous.size === 0) return mentions;
  // a short form the document defines has its own meaning (metachromatic leukodystrophy (MLD)): the abbreviation step's
  const defined = new Set(definitions.map((d) => d.short));
  const claimantOf = namedClaimant(mentions);
  const added: Mention[] = [];
  const overlaps = spanOverlap(mentions);
  for (const s of sentences) {
    const slice = text.slice(s.start, s.end);
    SYMBOL_WORD.lastIndex = 0;
    for (let w = SYMBOL_WORD.exec(slice); w; w = SYMBOL_WORD.exec(slice)) {
      const word = w[0];
      if (word.length < 3 || !(/\d/.test(word) || /[A-Z].*[A-Z]/.test(word))) continue;
      const claimants = ambiguous.get(termKey(word));
      if (!claimants || defined.has(word) || seriesLabel(text, word)) continue;
      const start = s.start + w.index, end = start + word.length;
      if (overlaps(start, end)) continue;
      const g = claimantOf(claimants);
      if (!g) continue;
      added.push(mention('gene', start, end, g.norm, g.name, s.index, 'ambiguous|local:document-candidate'));
    }
  }
  return added.length ? [...mentions, ...added].sort(byStartThenEnd) : mentions;
}

/** "P12 to P14", "P19 and P20": letters plus a number the document also writes with the number next to it label a series (primers, patients, variants) */
function seriesLabel(text: string, word: string): boolean {
  const m = /^([A-Za-z]+-?)(\d+)$/.exec(word);
  if (!m) return false;
  const n = Number(m[2]);
  return [n - 1, n + 1].some((k) => k >= 0 && new RegExp(`(?<![A-Za-z0-9-])${m[1]}${k}(?![A-Za-z0-9])`).test(text));
}
