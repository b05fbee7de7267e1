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

/** token flags in a `TokenRun` */
export const WORD_START = 1, WORD_END = 2, NON_ASCII = 4, GREEK_TOKEN = 8;

/**
 * Token boundaries as typed arrays, so a scan can key tokens without building a string per token.
 * `flags` holds WORD_START, WORD_END, NON_ASCII (a letter run with a non-ASCII letter) and
 * GREEK_TOKEN. The arrays may be longer than `count` (buffers are reused).
 */
export interface TokenRun { count: number; start: Int32Array; end: Int32Array; flags: Uint8Array }

const grow = (run: TokenRun, need: number) => {
  if (need <= run.start.length) return;
  const size = Math.max(need, run.start.length * 2);
  const start = new Int32Array(size), end = new Int32Array(size), flags = new Uint8Array(size);
  start.set(run.start); end.set(run.end); flags.set(run.flags);
  run.start = start; run.end = end; run.flags = flags;
};

/** Splits text into tokens in one linear pass (no regex backtracking); `into` is reused when given. */
export function tokenRun(text: string, into?: TokenRun): TokenRun {
  const run = into ?? { count: 0, start: new Int32Array(64), end: new Int32Array(64), flags: new Uint8Array(64) };
  let count = 0;
  const n = text.length;
  let i = 0;
  let prev: CharClass = SPACE;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? ASCII[c] : classify(text, i);
    if (kind === SPACE) { prev = kind; i++; continue; }
    let j = i + 1;
    let nonAscii = c >= 128;
    let next: CharClass = SPACE;
    if (j < n) { const d = text.charCodeAt(j); next = d < 128 ? ASCII[d] : classify(text, j); }
    if (kind === LETTER || kind === DIGIT) {
      while (j < n && next === kind) {
        if (text.charCodeAt(j) >= 128) nonAscii = true;
        j++;
        if (j < n) { const d = text.charCodeAt(j); next = d < 128 ? ASCII[d] : classify(text, j); } else next = SPACE;
      }
    }
    if (count === run.start.length) grow(run, count + 1);
    run.start[count] = i;
    run.end[count] = j;
    run.flags[count] = (isWordChar(prev) ? 0 : WORD_START) | (isWordChar(next) ? 0 : WORD_END) | (nonAscii ? NON_ASCII : 0) | (kind === GREEK_LETTER ? GREEK_TOKEN : 0);
    count++;
    // the last character's class: a run's own kind, or the one-character token's
    prev = kind;
    i = j;
  }
  run.count = count;
  return run;
}

/** The key of token `k` of a run over `text` (lowercase; Greek letters spelled out). */
export function tokenKeyAt(text: string, run: TokenRun, k: number): string {
  const raw = text.slice(run.start[k], run.end[k]);
  return run.flags[k] & GREEK_TOKEN ? greekName(raw)! : raw.toLowerCase();
}

/** boundaries buffer reused by `tokenize`, which reads it out before returning */
const SCRATCH: TokenRun = { count: 0, start: new Int32Array(256), end: new Int32Array(256), flags: new Uint8Array(256) };

/** Splits text into tokens in one linear pass (no regex backtracking). */
export function tokenize(text: string): Token[] {
  const run = tokenRun(text, SCRATCH);
  const tokens: Token[] = new Array(run.count);
  for (let k = 0; k < run.count; k++)
    tokens[k] = { key: tokenKeyAt(text, run, k), start: run.start[k], end: run.end[k], wordStart: (run.flags[k] & WORD_START) !== 0, wordEnd: (run.flags[k] & WORD_END) !== 0 };
  return tokens;
}

/** The key a dictionary term is stored under: its token keys joined by single spaces. */
export function termKey(term: string): string {
  return tokenize(term).map((t) => t.key).join(' ');
}

/** Letters and digits of a surface form, case kept: used for case-sensitive entries. */
export function caseForm(surface: string): string {
  // ASCII letters and digits only (most surfaces): the form is the surface itself
  let i = 0;
  for (; i < surface.length; i++) { const c = surface.charCodeAt(i); if (c >= 128 || ASCII[c] > DIGIT) break; }
  if (i === surface.length) return surface;
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

