/**
 * Word stems for classifier features, so "inhibits", "inhibited" and "inhibition" share one
 * feature: natural's Porter stemmer, ported (porter.ts) so extraction does not load natural.
 * Stems are memoized because the same words recur.
 */
import { porterStem } from './porter.js';

const memo = new Map<string, string>();
const STEMMED = /^[a-z]{4,}$/;

export function stem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    s = STEMMED.test(word) ? porterStem(word) : word;
    if (memo.size < 200_000) memo.set(word, s);
  }
  return s;
}
