/**
 * The matches of species.ts's pattern (one case-insensitive alternation of ~775 names, each after
 * no letter, digit or hyphen), found without trying the alternation at every character: only at a
 * word start whose first two characters, folded to lower case, begin some name, the pattern runs
 * sticky there. A global search runs the same alternation at each position in turn and takes the
 * first that matches; a position the filter skips cannot match, so the matches are the same.
 */

export interface PatternMatch { index: number; text: string }

interface Prefilter { sticky: RegExp; pairs: Set<number>; spaceAfter: Uint8Array }

const cache = new WeakMap<RegExp, Prefilter>();
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** [A-Za-z0-9-], the pattern's lookbehind */
const blocks = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;

function prefilter(pattern: RegExp, terms: Iterable<{ term: string }>): Prefilter {
  let p = cache.get(pattern);
  if (p) return p;
  const pairs = new Set<number>(), spaceAfter = new Uint8Array(128);
  for (const { term: t } of terms) {
    const c0 = lower(t.charCodeAt(0)), c1 = t.charCodeAt(1);
    // a name must start with two ASCII characters for the filter to know it: otherwise try everywhere
    if (t.length < 2 || c0 >= 128 || c1 >= 128) { pairs.clear(); spaceAfter.fill(0); break; }
    if (c1 === 32) spaceAfter[c0] = 1; // the pattern's \s+
    else pairs.add(c0 * 128 + lower(c1));
  }
  p = { sticky: new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y'), pairs, spaceAfter };
  cache.set(pattern, p);
  return p;
}

/** The pattern's matches in `text`, in order, as `text.matchAll(pattern)` gives them (`terms`: the names it alternates). */
export function speciesMatches(text: string, pattern: RegExp, terms: Iterable<{ term: string }>): PatternMatch[] {
  const { sticky, pairs, spaceAfter } = prefilter(pattern, terms);
  const out: PatternMatch[] = [];
  const filtered = pairs.size > 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (i > 0 && blocks(text.charCodeAt(i - 1))) continue;
    if (filtered && i + 1 < n) {
      const c0 = text.charCodeAt(i), c1 = text.charCodeAt(i + 1);
      // non-ASCII characters are left to the pattern (its case folding and \s)
      if (c0 < 128 && c1 < 128 && !(isSpace(c1) ? spaceAfter[lower(c0)] : pairs.has(lower(c0) * 128 + lower(c1)))) continue;
    } else if (filtered) continue; // one character left: every name has at least two
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push({ index: i, text: m[0] });
    i += m[0].length - 1;
  }
  return out;
}
