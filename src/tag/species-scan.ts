/**
 * The matches of species.ts's pattern (one case-insensitive alternation of ~775 names, each after
 * no letter, digit or hyphen), found without trying the alternation at every character: only at a
 * word start whose first two characters, folded to lower case, begin some name, and there only the
 * names that begin so, in the pattern's order, as one sticky pattern. A global search runs the
 * whole alternation at each position in turn and takes the first alternative that matches; at a
 * position the others cannot match, and a position the filter skips holds no match, so the
 * matches are the same.
 */

export interface PatternMatch { index: number; text: string }

/** sticky patterns: all names (non-ASCII text), and those starting with each lower-cased pair of characters (a space: any white space) */
interface Prefilter { sticky: RegExp; pairs: Map<number, RegExp>; spaceAfter: Map<number, RegExp>; filtered: boolean }

const cache = new WeakMap<RegExp, Prefilter>();
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** [A-Za-z0-9-], the pattern's lookbehind */
const LOOKBEHIND = '(?<![A-Za-z0-9-])';
const blocks = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;

/** the pattern's source is `<lookbehind>(?:<name>|<name>...)<lookahead>`; its names are split at top-level bars */
function splitAlternation(source: string): { head: string; names: string[]; tail: string } | undefined {
  const open = source.indexOf('(?:');
  if (open < 0) return undefined;
  const names: string[] = [];
  let depth = 0, from = open + 3, inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) { names.push(source.slice(from, i)); return { head: source.slice(0, open), names, tail: source.slice(i + 1) }; }
      depth--;
    } else if (c === '|' && depth === 0) { names.push(source.slice(from, i)); from = i + 1; }
  }
  return undefined;
}

function prefilter(pattern: RegExp): Prefilter {
  let p = cache.get(pattern);
  if (p) return p;
  const flags = pattern.flags.replace('g', '') + 'y';
  const pairs = new Map<number, RegExp>(), spaceAfter = new Map<number, RegExp>();
  const parts = splitAlternation(pattern.source);
  const groups = new Map<string, string[]>();
  // each name's first two characters, from its escaped source: `\s+` (a space), `\.` (an escaped character) or a literal one; ASCII only
  const UNIT = /^(?:\\s\+|\\[^A-Za-z0-9]|[^\\])/;
  const unit = (src: string): [number | 'space', string] | undefined => {
    const u = UNIT.exec(src)?.[0];
    if (!u) return undefined;
    const c = u === '\\s+' ? 'space' : u.charCodeAt(u.length - 1);
    return c !== 'space' && c >= 128 ? undefined : [c === 'space' ? c : lower(c), src.slice(u.length)];
  };
  const lead = (name: string): [number, number | 'space'] | undefined => {
    const first = unit(name), second = first && unit(first[1]);
    return first && second && first[0] !== 'space' ? [first[0], second[0]] : undefined;
  };
  const usable = parts?.names.every((name) => {
    const l = lead(name);
    if (!l) return false;
    const key = `${l[0]}:${l[1]}`;
    const g = groups.get(key);
    if (g) g.push(name); else groups.set(key, [name]);
    return true;
  });
  // the filter knows this lookbehind only; another pattern is run at every position
  const filtered = !!parts && !!usable && parts.head === LOOKBEHIND;
  if (filtered) {
    for (const [key, names] of groups) {
      const [c0, c1] = key.split(':');
      const re = new RegExp(`${parts.head}(?:${names.join('|')})${parts.tail}`, flags);
      if (c1 === 'space') spaceAfter.set(Number(c0), re); else pairs.set(Number(c0) * 128 + Number(c1), re);
    }
  }
  p = { sticky: new RegExp(pattern.source, flags), pairs, spaceAfter, filtered };
  cache.set(pattern, p);
  return p;
}

/** The pattern's matches in `text`, in order, as `text.matchAll(pattern)` gives them. */
export function speciesMatches(text: string, pattern: RegExp): PatternMatch[] {
  const { sticky, pairs, spaceAfter, filtered } = prefilter(pattern);
  const out: PatternMatch[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (filtered && i > 0 && blocks(text.charCodeAt(i - 1))) continue;
    let re: RegExp | undefined = sticky;
    if (filtered) {
      if (i + 1 >= n) continue; // one character left: every name has at least two
      const c0 = text.charCodeAt(i), c1 = text.charCodeAt(i + 1);
      // non-ASCII characters are left to the whole pattern (its case folding and \s)
      if (c0 < 128 && c1 < 128) re = isSpace(c1) ? spaceAfter.get(lower(c0)) : pairs.get(lower(c0) * 128 + lower(c1));
      if (!re) continue;
    }
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) continue;
    out.push({ index: i, text: m[0] });
    i += m[0].length - 1;
  }
  return out;
}

/** whether the pattern is run only at filtered positions (else at every one: correct, slower) */
export const speciesPrefilterApplies = (pattern: RegExp): boolean => prefilter(pattern).filtered;
