/**
 * Token features for the learned gene-mention tagger: the token, its shape, affixes, the words
 * around it, and what the dictionaries say about it (inside a gene or drug term), so the model
 * learns boundaries and class nouns while the dictionary stays the source of identifiers.
 */
import type { TermAutomaton, TermMatch } from '../automaton.js';
import { isWhiteSpace as isSpace } from '../white-space.js';

export { isSpace };

/** a token's place in its text: all the hashed features and the dictionary tags read */
export interface TokenSpan { start: number; end: number }
export interface Token extends TokenSpan { text: string }

/**
 * Tokens: runs of letters (Greek letters count as letters), runs of digits, or one other
 * non-space character: the matches of /[A-Za-z\u0370-\u03ff]+|\d+|[^\sA-Za-z\d\u0370-\u03ff]/g,
 * found by one pass over the character codes (test/tag/learned/tokenize.test.ts compares them).
 */
export function tokenize(text: string): Token[] {
  return tokenSpans(text).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

/** tokenize's tokens without their strings (the tagger's hashed features need none: one string less per token) */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const kind = charKind(text.charCodeAt(i));
    if (kind === SPACE) { i++; continue; }
    let j = i + 1;
    if (kind !== OTHER) while (j < n && charKind(text.charCodeAt(j)) === kind) j++;
    out.push({ start: i, end: j });
    i = j;
  }
  return out;
}
const LETTER = 0, DIGIT = 1, SPACE = 2, OTHER = 3;
function charKind(c: number): number {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0x370 && c <= 0x3ff)) return LETTER;
  if (c >= 48 && c <= 57) return DIGIT;
  return isSpace(c) ? SPACE : OTHER;
}

const shape = (s: string) => s.replace(/[A-Z]+/g, 'A').replace(/[a-z]+/g, 'a').replace(/\d+/g, '0').replace(/[\u0370-\u03ff]+/g, 'g').slice(0, 6);

/** index of the first token starting at or after `pos` */
function firstTokenAt(tokens: TokenSpan[], pos: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * per token and type (gene, drug, chemical): B/I when a dictionary term of the type covers it (longest match), else O; one scan for the three
 * (`matches`: that scan of `text` when the caller has it already, as the tag stage does)
 */
export function dictionaryTags(text: string, tokens: TokenSpan[], automaton: TermAutomaton, matches: TermMatch[] = automaton.scan(text)): { gene: string[]; drug: string[]; chemical: string[] } {
  const out = { gene: tokens.map(() => 'O'), drug: tokens.map(() => 'O'), chemical: tokens.map(() => 'O') };
  for (const type of ['gene', 'drug', 'chemical'] as const) {
    const tags = out[type];
    for (const m of matches) {
      if (!m.entries.some((e) => e.type === type)) continue;
      let first = true;
      // tokens are in text order: start at the first one at or after the match (binary search), stop past its end
      for (let i = firstTokenAt(tokens, m.start); i < tokens.length && tokens[i].start < m.end; i++) {
        if (tokens[i].end > m.end) continue;
        if (tags[i] === 'O') tags[i] = first ? 'B' : 'I';
        first = false;
      }
    }
  }
  return out;
}

const WORD_REACH = 40;
const TRAILING = /[.,;:)]+$/;

export interface SpaceWord { word: string; wshape: string }

/**
 * The white-space word around a token (trailing punctuation dropped) and its shape, at most
 * WORD_REACH characters each side (a text without spaces stays linear); remembered in `seen`,
 * since the tokens of one word share it.
 */
export function spaceWord(text: string, t: TokenSpan, seen: Map<number, SpaceWord>, shapeOf: (s: string) => string): SpaceWord {
  let ws = t.start, we = t.end;
  while (ws > 0 && t.start - ws < WORD_REACH && !isSpace(text.charCodeAt(ws - 1))) ws--;
  while (we < text.length && we - t.end < WORD_REACH && !isSpace(text.charCodeAt(we))) we++;
  const key = ws * 65536 + we;
  let ww = seen.get(key);
  if (!ww) {
    ww = spaceWordOf(text, ws, we, shapeOf);
    seen.set(key, ww);
  }
  return ww;
}

/** The white-space word text[ws, we) as a feature reads it: lower case, trailing punctuation dropped; its shape */
export function spaceWordOf(text: string, ws: number, we: number, shapeOf: (s: string) => string): SpaceWord {
  const raw = text.slice(ws, we);
  return { word: raw.toLowerCase().replace(TRAILING, ''), wshape: shapeOf(raw) };
}

/** how far spaceWord looks each side of a token */
export const SPACE_WORD_REACH = WORD_REACH;

/**
 * Features of every token of one sentence (the previous label is added by the decoder). Lower-cased
 * tokens, shapes and white-space words are computed once per sentence, not once per feature.
 */
export function sentenceFeatures(text: string, tokens: Token[], gene: string[], drug: string[], chemical: string[]): string[][] {
  const n = tokens.length;
  const lower = tokens.map((t) => t.text.toLowerCase());
  const shapes = tokens.map((t) => shape(t.text));
  const w = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]);
  const words = new Map<number, SpaceWord>();
  return tokens.map((t, i) => {
    const glued = i > 0 && tokens[i - 1].end === t.start;
    const gluedNext = i + 1 < n && tokens[i + 1].start === t.end;
    const ww = spaceWord(text, t, words, shape);
    const w0 = lower[i], sh = shapes[i];
    return [
      'b', `w=${w0}`, `sh=${sh}`, `p3=${w0.slice(0, 3)}`, `s3=${w0.slice(-3)}`, `s2=${w0.slice(-2)}`,
      `w-1=${w(i - 1)}`, `w+1=${w(i + 1)}`, `w-2=${w(i - 2)}`, `w+2=${w(i + 2)}`, `w-1w0=${w(i - 1)}|${w0}`, `w0w+1=${w0}|${w(i + 1)}`,
      `sh-1=${i > 0 ? shapes[i - 1] : '<s>'}`, `sh+1=${i + 1 < n ? shapes[i + 1] : '</s>'}`,
      `word=${ww.word}`, `wshape=${ww.wshape}`, `glue=${glued ? 1 : 0}${gluedNext ? 1 : 0}`,
      `dg=${gene[i]}`, `dg-1=${gene[i - 1] ?? '-'}`, `dg+1=${gene[i + 1] ?? '-'}`, `dd=${drug[i]}`, `dg|dd=${gene[i]}${drug[i]}`,
      `dg|w=${gene[i]}|${w0}`,
      `dc=${chemical[i]}`, `p4=${w0.slice(0, 4)}`, `s4=${w0.slice(-4)}`, `w-1sh=${w(i - 1)}|${sh}`, `shw+1=${sh}|${w(i + 1)}`,
    ];
  });
}
