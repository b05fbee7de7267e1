/**
 * Word stems for classifier features, so "inhibits", "inhibited" and "inhibition" share one
 * feature. natural's Porter stemmer (the design card's NLP package) is imported alone (80 ms),
 * not the whole package (0.7 s); stems are memoized because the same words recur.
 */
import { createRequire } from 'node:module';

const porter = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer') as { stem: (w: string) => string };
const memo = new Map<string, string>();

export function stem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    s = /^[a-z]{4,}$/.test(word) ? porter.stem(word) : word;
    if (memo.size < 200_000) memo.set(word, s);
  }
  return s;
}
