/**
 * Schwartz & Hearst (2003) abbreviation definitions: `long form (SHORT)`. A definition binds
 * SHORT to whatever its long form means, for this document only.
 */
export interface AbbreviationDefinition {
  short: string;
  shortStart: number;
  longStart: number;
  longEnd: number;
  /** "receptor (HER)2", "factor (TGF)-beta1": a number or Greek letter follows the parenthesis, so SHORT prefixes a series (not "(AR)-dependent") */
  seriesPrefix: boolean;
}

const isAlnum = (c: string) => /[A-Za-z0-9]/.test(c);
/** what follows "(SHORT)" when SHORT prefixes numbered members: "2", "-1", "-beta1", "α" */
const SERIES_MEMBER = /^-?(?:\d|(?:alpha|beta|gamma|delta|kappa)(?![a-z])|[α-ω])/;

/** Finds the long form for `short` ending right before `end` (S&H right-to-left match). */
function longFormStart(text: string, windowStart: number, end: number, short: string): number | undefined {
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

export function findAbbreviations(text: string, sentences: { start: number; end: number }[]): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  for (const sent of sentences) {
    for (let i = text.indexOf('(', sent.start); i >= 0 && i < sent.end; i = text.indexOf('(', i + 1)) {
      const close = text.indexOf(')', i);
      if (close < 0 || close > sent.end || close - i > 30) continue;
      // "(XLH; OMIM 307800)", "(CB, ref. 4)": the short form is what comes before ; or ,
      const inner = text.slice(i + 1, close);
      const cut = inner.search(/[;,]/);
      const short = (cut > 0 ? inner.slice(0, cut) : inner).trim();
      if (short.length < 2 || short.length > 12 || !/^[A-Za-z]/.test(short) || !/[A-Z]/.test(short) || /\s.*\s/.test(short)) continue;
      let end = i;
      while (end > sent.start && /\s/.test(text[end - 1])) end--;
      // window: at most min(|S| + 5, |S| * 2) words before the parenthesis
      const maxWords = Math.min(short.length + 5, short.length * 2);
      let windowStart = end;
      for (let words = 0; windowStart > sent.start && words < maxWords; ) {
        windowStart--;
        if (/\s/.test(text[windowStart]) && !/\s/.test(text[windowStart + 1])) words++;
      }
      if (windowStart > sent.start) windowStart++;
      const start = longFormStart(text, windowStart, end, short);
      if (start === undefined || end - start <= short.length) continue;
      out.push({ short, shortStart: i + 1 + text.slice(i + 1).indexOf(short), longStart: start, longEnd: end, seriesPrefix: SERIES_MEMBER.test(text.slice(close + 1, close + 8)) });
    }
  }
  return out;
}
