/**
 * Systematic chemical names no vocabulary lists ("2,6-dichlorobenzonitrile",
 * "4-hydroxynonenal", "N-acetylglucosamine", "trifluoromethylphenylpiperazine"), found by their
 * morphology as tmChem does: one word (hyphens, commas, primes and brackets inside) built from
 * chemical morphemes (methyl, chloro, hydroxy, benz, pyrid...) and ending in a chemical suffix
 * (-ine, -ol, -ate, -ide, -one, -ene, -ane, -amide, -oside...). Only where no dictionary term
 * overlaps; ungrounded (`LOCAL:<name>`), typed `chemical`. A short form the text defines for one
 * ("2,6-dichlorobenzonitrile (DCBN)") binds to it (abbreviations in tag-entities.ts).
 */
import type { DictionaryEntry, TermMatch } from './automaton.js';
import type { Sentence } from '../segment/segment.js';
import { caseForm } from './tokens.js';
import type { Lexicon } from './dictionary.js';

export interface NameExample { text: string; mention: string; tagged: boolean }

const MORPHEME = /methyl|ethyl|methoxy|ethoxy|phenoxy|propyl|butyl|pentyl|hexyl|phenyl|benzyl|chlor|fluor|brom|iod|hydroxy|amino|nitro|oxo|hydro|benz|pyr[ir]d|imidaz|indol|quinol|thiaz|oxaz|carbox|sulfon|sulf|phosph|acet|glucuron|piperid|piperaz|morpholin|naphth|anthra|purin|pyrimid|furan|thio|cyano|keto|dien|trien|stilben|estr|andr|pregn|chol/i;
/** a word: locant and stereo prefixes ("2,6-", "(+)-", "N-"), then letters, digits and inner punctuation, ending in a chemical suffix */
const WORD = /(?<![\w\-–/.])((?:[([]?[\d,'′]+[a-zA-Z]?[)\]]?-|[([][+\-±RSEZ,]+[)\]]-?|[NOSC]\d?-)*[A-Za-z][A-Za-z\d,\-()[\]'′]{6,}?(?:ines?|ols?|ates?|ides?|ones?|enes?|anes?|yl|amides?|esters?|ethers?|osides?|oates?|ium|iles?|oles?))(?![\w\-–])/g;
/** words of that shape that are no chemical: adjectives, verbs, residues in a name, salt words alone */
const NOT_A_NAME = /^(?:non-?)?steroid|terminal$|^(?:di|mono)?hydrochloride$|(?:yl|ol|in|on)ates?$/i;

export const SYSTEMATIC_EXAMPLES: NameExample[] = [
  { text: 'The herbicide 2,6-dichlorobenzonitrile (DCBN) is toxic.', mention: '2,6-dichlorobenzonitrile', tagged: true },
  { text: 'levels of 3-methoxytyramine rose', mention: '3-methoxytyramine', tagged: true },
  { text: 'N-acetylglucosamine was added', mention: 'N-acetylglucosamine', tagged: true },
  { text: 'it phosphorylates the receptor', mention: 'phosphorylates', tagged: false },
  { text: 'AKT can phosphorylate and activate EGFR', mention: 'phosphorylate', tagged: false },
  { text: 'the amino-terminal domain', mention: 'amino-terminal', tagged: false },
  { text: 'nonsteroidal anti-inflammatory drugs', mention: 'nonsteroidal', tagged: false },
];

/** Systematic-name spans in one sentence slice: [start, end]. */
export function findSystematicNames(slice: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of slice.matchAll(WORD)) {
    const w = m[1];
    if (!MORPHEME.test(w) || NOT_A_NAME.test(w)) continue;
    // brackets must balance inside the word ("(ethylene" is the tail of a longer name)
    if (count(w, '(') !== count(w, ')') || count(w, '[') !== count(w, ']')) continue;
    out.push([m.index, m.index + w.length]);
  }
  return out;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

/** Systematic names of the in-scope sentences as term matches, where no dictionary match of the sentence overlaps them. */
export function systematicNameMatches(text: string, sentences: Sentence[], matches: { m: TermMatch; sentence: number }[]): { m: TermMatch; sentence: number }[] {
  const out: { m: TermMatch; sentence: number }[] = [];
  let bySentence: Map<number, TermMatch[]> | undefined;
  for (const s of sentences) {
    for (const [a, b] of findSystematicNames(text.slice(s.start, s.end))) {
      const start = s.start + a, end = s.start + b;
      if (!bySentence) {
        bySentence = new Map();
        for (const x of matches) { let l = bySentence.get(x.sentence); if (!l) bySentence.set(x.sentence, (l = [])); l.push(x.m); }
      }
      if ((bySentence.get(s.index) ?? []).some((m) => m.start < end && start < m.end)) continue;
      const name = text.slice(start, end);
      const entry: DictionaryEntry = { type: 'chemical', norm: `LOCAL:${name}`, name, case: 'fold', source: 'shape:systematic', form: caseForm(name) };
      out.push({ m: { start, end, first: -1, last: -1, entries: [entry] }, sentence: s.index });
    }
  }
  return out;
}

/** a word with a subscript written in parentheses, the PubMed convention: "PGE(2)", "PGI(2)", "H(4)biopterin", "1,25(OH)(2)D(3)" */
const SUBSCRIPTED = /(?<![\w\-(])((?:[\w,'′-]*?)[A-Za-z][\w,'′-]*?(?:\((?:\d{1,2}[a-zα-ω]*|OH)\)[\w,'′-]*)+)(?![\w(])/g;

export const SUBSCRIPT_EXAMPLES: NameExample[] = [
  { text: 'release of PGE(2) rose', mention: 'PGE(2)', tagged: true },
  { text: 'infusion of PGI(2) lowered pressure', mention: 'PGI(2)', tagged: true },
  { text: 'an IC(50) of 3 nM', mention: 'IC(50)', tagged: false },
];

/**
 * Words written with parenthesized subscripts that the lexicon knows without the parentheses
 * ("PGE(2)" is PGE2), as term matches where no dictionary match overlaps them.
 */
export function subscriptMatches(text: string, sentences: Sentence[], matches: { m: TermMatch; sentence: number }[], lexicon: Lexicon): { m: TermMatch; sentence: number }[] {
  const out: { m: TermMatch; sentence: number }[] = [];
  for (const s of sentences) {
    const slice = text.slice(s.start, s.end);
    if (!slice.includes('(')) continue;
    for (const w of slice.matchAll(SUBSCRIPTED)) {
      const plain = w[1].replace(/\((\d{1,2}[a-zα-ω]*|OH)\)/g, '$1');
      const hit = lexicon.automaton.scan(plain).find((x) => x.start === 0 && x.end === plain.length);
      const entries = hit?.entries.filter((e) => e.type === 'drug' || e.type === 'chemical');
      if (!entries?.length) continue;
      const start = s.start + w.index, end = start + w[1].length;
      if (matches.some((x) => x.sentence === s.index && x.m.start < end && start < x.m.end)) continue;
      out.push({ m: { start, end, first: -1, last: -1, entries: entries.map((e) => ({ ...e, case: 'fold' as const })) }, sentence: s.index });
    }
  }
  return out;
}
