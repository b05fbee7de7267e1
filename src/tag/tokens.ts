/**
 * Token scan shared by the dictionary builder and the tagger, so a term and a mention of it
 * always reduce to the same key. Tokens are maximal runs of letters, of digits, or a single
 * Greek letter; hyphens and whitespace separate tokens but never form one, so `HER2`, `HER-2`
 * and `HER 2` all key as `her 2`. Other punctuation (`/`, `+`, `(`) is kept as a token.
 */
export interface Token {
  /** lowercase key form (Greek letters spelled out: α → alpha) */
  key: string;
  start: number;
  end: number;
  /** true when the token begins a word (no letter or digit directly before it) */
  wordStart: boolean;
  /** true when the token ends a word (no letter or digit directly after it) */
  wordEnd: boolean;
}

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho',
  σ: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega', Δ: 'delta',
};
const GREEK_WORDS = new Set(Object.values(GREEK));

export const greekName = (ch: string): string | undefined => GREEK[ch] ?? GREEK[ch.toLowerCase()];

type CharClass = 'letter' | 'digit' | 'greek' | 'space' | 'other';

function classify(ch: string): CharClass {
  const c = ch.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'letter';
  if (c >= 48 && c <= 57) return 'digit';
  if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013)
    return 'space';
  if (greekName(ch)) return 'greek';
  if (/\p{L}/u.test(ch)) return 'letter';
  return 'other';
}

const isWordChar = (k: CharClass) => k === 'letter' || k === 'digit' || k === 'greek';

/** Splits text into tokens in one linear pass (no regex backtracking). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const kind = classify(text[i]);
    if (kind === 'space') { i++; continue; }
    let j = i + 1;
    if (kind === 'letter' || kind === 'digit') while (j < n && classify(text[j]) === kind) j++;
    const raw = text.slice(i, j);
    const key = kind === 'greek' ? greekName(raw)! : raw.toLowerCase();
    tokens.push({ key, start: i, end: j, wordStart: i === 0 || !isWordChar(classify(text[i - 1])), wordEnd: false });
    i = j;
  }
  for (const t of tokens) t.wordEnd = t.end >= n || !isWordChar(classify(text[t.end]));
  // Spelled-out Greek letters (`alpha` in `TGF-alpha`) key the same as α.
  return tokens;
}

/** The key a dictionary term is stored under: its token keys joined by single spaces. */
export function termKey(term: string): string {
  return tokenize(term).map((t) => t.key).join(' ');
}

/** Letters and digits of a surface form, case kept: used for case-sensitive entries. */
export function caseForm(surface: string): string {
  let out = '';
  for (const ch of surface) {
    const k = classify(ch);
    if (k === 'letter' || k === 'digit') out += ch;
    else if (k === 'greek') out += greekName(ch);
  }
  return out;
}

export const isGreekWord = (key: string): boolean => GREEK_WORDS.has(key);
