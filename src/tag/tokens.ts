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

export const greekName = (ch: string): string | undefined => GREEK[ch] ?? GREEK[ch.toLowerCase()];

const LETTER = 0, DIGIT = 1, GREEK_LETTER = 2, SPACE = 3, OTHER = 4;
type CharClass = typeof LETTER | typeof DIGIT | typeof GREEK_LETTER | typeof SPACE | typeof OTHER;

/** ASCII classes by code point, so the common case costs one array read */
const ASCII: CharClass[] = Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER
  : c >= 48 && c <= 57 ? DIGIT
  : c === 32 || c === 10 || c === 9 || c === 13 || c === 45 ? SPACE
  : OTHER);
const UNICODE_SPACE = new Set([0xa0, 0x2010, 0x2011, 0x2013]);
const UNICODE_LETTER = /\p{L}/u;

function classify(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII[c];
  if (UNICODE_SPACE.has(c)) return SPACE;
  const ch = text[i];
  if (greekName(ch)) return GREEK_LETTER;
  return UNICODE_LETTER.test(ch) ? LETTER : OTHER;
}

const isWordChar = (k: CharClass) => k <= GREEK_LETTER;

/** Splits text into tokens in one linear pass (no regex backtracking). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let prev: CharClass = SPACE;
  while (i < n) {
    const kind = classify(text, i);
    if (kind === SPACE) { prev = kind; i++; continue; }
    let j = i + 1;
    let next: CharClass = j < n ? classify(text, j) : SPACE;
    if (kind === LETTER || kind === DIGIT) while (j < n && next === kind) { j++; next = j < n ? classify(text, j) : SPACE; }
    const raw = text.slice(i, j);
    tokens.push({ key: kind === GREEK_LETTER ? greekName(raw)! : raw.toLowerCase(), start: i, end: j, wordStart: !isWordChar(prev), wordEnd: !isWordChar(next) });
    prev = text.charCodeAt(j - 1) < 128 ? ASCII[text.charCodeAt(j - 1)] : classify(text, j - 1);
    i = j;
  }
  return tokens;
}

/** The key a dictionary term is stored under: its token keys joined by single spaces. */
export function termKey(term: string): string {
  return tokenize(term).map((t) => t.key).join(' ');
}

/** Letters and digits of a surface form, case kept: used for case-sensitive entries. */
export function caseForm(surface: string): string {
  // collected then joined: a flat string, where `+=` per character leaves a rope that the
  // automaton would keep alive for each of its ~200k entries
  const out: string[] = [];
  for (let i = 0; i < surface.length; i++) {
    const k = classify(surface, i);
    if (k === LETTER || k === DIGIT) out.push(surface[i]);
    else if (k === GREEK_LETTER) out.push(greekName(surface[i])!);
  }
  return out.join('');
}

