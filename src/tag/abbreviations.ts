/**
 * Schwartz & Hearst (2003) abbreviation definitions: `long form (SHORT)`. A definition binds
 * SHORT to whatever its long form means, for this document only.
 */
import { firstStart } from './span-index.js';
import { isWhiteSpace } from './white-space.js';

export interface AbbreviationDefinition {
  short: string;
  shortStart: number;
  longStart: number;
  longEnd: number;
  /** "receptor (HER)2", "factor (TGF)-beta1": a number or Greek letter follows the parenthesis, so SHORT prefixes a series (not "(AR)-dependent") */
  seriesPrefix: boolean;
  /** the singular of a short form the document wrote as a plural ("HCC" of "hepatocellular carcinomas (HCCs)") */
  singular?: boolean;
}

/** /[A-Za-z0-9]/ on one character, without a regex per character */
const isAlnum = (c: string) => { const k = c.charCodeAt(0); return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122); };
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
/** Starts of `short` in the sentence as a whole word: no letter or digit beside it (the sentence's edges count as none). */
export function wholeWordStarts(text: string, sentence: { start: number; end: number }, short: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(short, sentence.start); i >= 0 && i + short.length <= sentence.end; i = text.indexOf(short, i + 1)) {
    const end = i + short.length;
    if ((i > sentence.start && isAlnum(text[i - 1])) || (end < sentence.end && isAlnum(text[end]))) continue;
    out.push(i);
  }
  return out;
}

/** what follows "(SHORT)" when SHORT prefixes numbered members: "2", "-1", "-beta1", "α" */
export const SERIES_MEMBER = /^-?(?:\d|(?:alpha|beta|gamma|delta|kappa)(?![a-z])|[α-ω])/;

/** Finds the long form for `short` ending right before `end` (S&H right-to-left match). */
export function longFormStart(text: string, windowStart: number, end: number, short: string): number | undefined {
  let s = short.length - 1;
  let l = end - 1;
  const sh = short.toLowerCase();
  while (s >= 0) {
    const c = sh[s];
    if (!isAlnum(c)) { s--; continue; }
    while (l >= windowStart && (text[l].toLowerCase() !== c || (s === 0 && l > windowStart && isAlnum(text[l - 1])))) l--;
    if (l < windowStart) return undefined;
    s--;
    l--;
  }
  const start = l + 1;
  return start;
}

/** positions p in the sentence where a word starts after p (white space, then not): ascending */
function wordBreaks(text: string, sent: { start: number; end: number }): number[] {
  const out: number[] = [];
  for (let p = sent.start; p < sent.end; p++) if (isWhiteSpace(text.charCodeAt(p)) && !isWhiteSpace(text.charCodeAt(p + 1))) out.push(p);
  return out;
}

/** the parenthesis closing `open` within `limit` characters after it, or -1 (no scan to the end of the text); nested pairs are skipped ("(Lp-PLA(2))") */
function closeWithin(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let k = open + 1; k <= open + limit && k < text.length; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && depth-- === 0) return k;
  }
  return -1;
}

export function findAbbreviations(text: string, sentences: { start: number; end: number }[]): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  // every '(' once: a search from each sentence's start would run on to the next '(' of the text,
  // to its end in a text without one (quadratic in the number of sentences)
  const opens: number[] = [];
  for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) opens.push(i);
  for (const sent of sentences) {
    let breaks: number[] | undefined; // computed once per sentence, when a candidate needs it
    for (let o = firstStart(opens, sent.start), i = opens[o]; o < opens.length && i < sent.end; i = opens[++o]) {
      const close = closeWithin(text, i, 30);
      if (close < 0 || close > sent.end) continue;
      // "(XLH; OMIM 307800)", "(CB, ref. 4)": the short form is what comes before ; or ,
      const inner = text.slice(i + 1, close);
      const cut = inner.search(/[;,]/);
      const short = (cut > 0 ? inner.slice(0, cut) : inner).trim();
      // a locant may lead a chemical's short form: "4-hydroxynonenal (4-HNE)"
      if (short.length < 2 || short.length > 12 || !/^(?:\d{1,2}-)?[A-Za-z]/.test(short) || !/[A-Z]/.test(short) || /\s.*\s/.test(short)) continue;
      let end = i;
      while (end > sent.start && isSpace(text[end - 1])) end--;
      // window: at most min(|S| + 5, |S| * 2) words before the parenthesis
      const maxWords = Math.min(short.length + 5, short.length * 2);
      breaks ??= wordBreaks(text, sent);
      const below = firstStart(breaks, end);
      const p = below >= maxWords ? breaks[below - maxWords] : sent.start;
      const windowStart = p > sent.start ? p + 1 : sent.start;
      const start = longFormStart(text, windowStart, end, short);
      if (start === undefined || end - start <= short.length) continue;
      out.push({ short, shortStart: i + 1 + inner.indexOf(short), longStart: start, longEnd: end, seriesPrefix: SERIES_MEMBER.test(text.slice(close + 1, close + 8)) });
    }
  }
  return out;
}

/** a short form written as a plural: capitals (digits, hyphens) then a lower-case `s` ("HCCs", "RCCs", "MSCs") */
const PLURAL_SHORT = /^[A-Z](?:[A-Z0-9-]*[A-Z0-9])?[A-Z]s$/;

/**
 * The definitions, plus the singular of each short form written as a plural that the document does not define itself:
 * "hepatocellular carcinomas (HCCs)" defines HCC too, which the text then writes ("patients without HCC").
 */
export function withSingularShortForms(definitions: AbbreviationDefinition[]): AbbreviationDefinition[] {
  const defined = new Set(definitions.map((d) => d.short));
  const added: AbbreviationDefinition[] = [];
  for (const d of definitions) {
    if (!PLURAL_SHORT.test(d.short)) continue;
    const singular = d.short.slice(0, -1);
    if (defined.has(singular)) continue;
    defined.add(singular);
    added.push({ ...d, short: singular, singular: true });
  }
  return added.length ? [...definitions, ...added] : definitions;
}
