/**
 * A cap on sentence length. Tagging and relation finding look at every pair of mentions or
 * groups in a sentence, so a text with no sentence end (a list of 30,000 variants, a run of
 * names) would cost the square of its length. Sentences longer than MAX_SENTENCE_CHARS are cut
 * into pieces at the last white space before the cap (at the cap itself when a piece holds none).
 * Real sentences stay far below it: the longest in the bundled corpus and the shared papers is
 * 1,589 characters (a table row of corpus/gold/GUIDELINES.md 1,701; scripts/sentence-lengths.ts).
 */
import type { Sentence } from './segment.js';

export const MAX_SENTENCE_CHARS = 4000;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b;

/** The sentences with every one longer than `max` cut into pieces (trimmed, renumbered). */
export function capSentences(text: string, sentences: Sentence[], max = MAX_SENTENCE_CHARS): Sentence[] {
  let long = false;
  for (const s of sentences) if (s.end - s.start > max) { long = true; break; }
  if (!long) return sentences;
  const out: Sentence[] = [];
  for (const s of sentences) {
    if (s.end - s.start <= max) { out.push({ ...s, index: out.length }); continue; }
    for (const [start, end] of pieces(text, s.start, s.end, max)) out.push({ ...s, index: out.length, start, end });
  }
  return out;
}

/** [start, end) pieces of at most `max` characters, cut at white space where there is some. */
export function pieces(text: string, start: number, end: number, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  while (from < end) {
    while (from < end && isSpace(text.charCodeAt(from))) from++;
    if (from >= end) break;
    if (end - from <= max) { out.push([from, trimEnd(text, from, end)]); break; }
    let cut = from + max;
    while (cut > from && !isSpace(text.charCodeAt(cut))) cut--;
    if (cut === from) {
      cut = from + max;
      // never between the two halves of a surrogate pair
      if (cut > from + 1 && (text.charCodeAt(cut) & 0xfc00) === 0xdc00) cut--;
    }
    const to = trimEnd(text, from, cut);
    if (to > from) out.push([from, to]);
    from = cut;
  }
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
