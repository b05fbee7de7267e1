/**
 * Sentence boundaries inside a paragraph. A period ends a sentence only when followed by
 * space and an upper-case letter, digit or bracket, and the word before it is not a known
 * abbreviation (et al., Fig., e.g., vs.) or an initial.
 */
const ABBREVIATIONS = new Set([
  'al', 'fig', 'figs', 'e.g', 'i.e', 'eg', 'ie', 'vs', 'cf', 'ref', 'refs', 'no', 'nos', 'dr', 'mr', 'mrs', 'ms', 'prof',
  'approx', 'ca', 'etc', 'eq', 'eqs', 'vol', 'pp', 'p', 'c', 'g', 'sp', 'spp', 'var', 'resp', 'suppl', 'tab', 'st',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'u.s',
]);

export interface Span { start: number; end: number }

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && i > dot - 12 && /[A-Za-z.]/.test(text[i])) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // single capital initial ("J. Smith") but not a gene-like token ending a sentence
  return /^[a-z]$/.test(word) && /[A-Z]/.test(text[dot - 1]) && (i < 0 || /\s/.test(text[i]));
}

/** Sentences of text[start, end), trimmed, in order. */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    // most characters end nothing: compared by code, without making a one-character string
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63 && code !== 10) continue; // . ! ? newline
    const ch = text[i];
    if (ch === '\n') {
      // inside a paragraph only table rows and list items keep their newlines
      push(out, text, from, i);
      from = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < end && /["')\]]/.test(text[j])) j++;
    // citation markers glued after the period: "... resistance.[12] Next"
    if (j < end && text[j] === '[') {
      const close = text.indexOf(']', j);
      if (close > 0 && close - j < 30) j = close + 1;
    }
    if (j >= end) break;
    if (!/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end || !/[A-Z0-9(\[ΑΒΓΔ"*#]/.test(text[k])) continue;
    if (ch === '.' && endsWithAbbreviation(text, i)) continue;
    if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[k])) continue; // "Fig. 2. 3" style numbering
    push(out, text, from, j);
    from = k;
    i = k - 1;
  }
  push(out, text, from, end);
  return out;
}

function push(out: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}
