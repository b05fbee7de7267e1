/**
 * One sentence as the relation rules see it: its tokens (lower-case words) and its entity
 * mentions, each mapped to the token range it covers. Mentions joined by "and", "or", ","
 * or "/" into lists form coordination groups, so a rule that fires on a list fires on every
 * member ("lapatinib and neratinib inhibit HER2 and EGFR" → 4 triples).
 */
import type { Mention } from '../tag/mention.js';
import { tokenKeyAt, tokenRun, type TokenRun } from '../tag/tokens.js';
import { HEDGE_CUES, hasCue } from './cues.js';

export interface Arg {
  mention: Mention;
  first: number;
  last: number;
  group: number;
  /** its place in the view's `args` (what a per-sentence table of the classifier is indexed by) */
  index: number;
}

export interface SentenceView {
  start: number;
  end: number;
  /** each token's text offsets (plain arrays: an object per token cost more than the rules read from it) */
  starts: number[];
  ends: number[];
  words: string[];
  args: Arg[];
  /** token index → arg index, for tokens covered by a mention */
  argAt: number[];
  /** token index → the character right before the token is a hyphen */
  hyphenBefore: boolean[];
  /** a hedge cue occurs in the sentence (the rules, the classifier and its features all ask) */
  hedged: boolean;
}

const SCRATCH: TokenRun = { count: 0, start: new Int32Array(256), end: new Int32Array(256), flags: new Uint8Array(256) };

const VERB_PREFIXES = new Set(['over', 'hyper', 'trans', 're', 'co']);

const COORD = new Set([',', 'and', 'or', '/', 'as', 'well', 'both', 'either', '&']);

/**
 * The words between two list members that decide coordination, without citation brackets
 * ("Sp1 [55], AP-2 [56], and Ets-1"); "and the" joins as "and" does. (An alias in parentheses,
 * "HER1 (EGFR), HER3", is not read through: on DrugProt end to end it cost 17 true relations.)
 */
function listWords(between: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < between.length; i++) {
    const w = between[i];
    if (w === '[') { const close = between.indexOf(']', i); if (close > i && between.slice(i + 1, close).every((x) => /^[0-9,–-]+$/.test(x))) { i = close; continue; } }
    if (w === 'the' && i > 0) continue;
    out.push(w);
  }
  return out;
}

export function viewSentence(text: string, start: number, end: number, mentions: Mention[]): SentenceView {
  // the tokenizer's boundaries (a reused buffer), made into words at text offsets in one pass
  const slice = text.slice(start, end);
  const run = tokenRun(slice, SCRATCH);
  const n = run.count;
  const starts: number[] = [], ends: number[] = [], words: string[] = [];
  // the character before each token is a hyphen (read in the whole text: the sentence slice's offset s - 1 is the text's start + s - 1)
  const hyphenBefore: boolean[] = [];
  // token index → arg index: a plain array (a typed one costs more to allocate than a sentence's pairs read from it)
  const argAt: number[] = [];
  for (let k = 0; k < n; k++) {
    const s = run.start[k];
    starts.push(s + start);
    ends.push(run.end[k] + start);
    words.push(tokenKeyAt(slice, run, k));
    hyphenBefore.push(text.charCodeAt(start + s - 1) === 45);
    argAt.push(-1);
  }
  // "up-regulates", "down regulation": the tokenizer splits them; the trigger is one word (lengths first: most words are neither)
  for (let i = 0; i + 1 < n; i++) {
    const w = words[i];
    if (((w.length === 2 && w === 'up') || (w.length === 4 && w === 'down')) && words[i + 1].startsWith('regulat')) { words[i + 1] = w + words[i + 1]; hyphenBefore[i + 1] = false; }
  }
  const args: Arg[] = [];
  for (const m of mentions) {
    // tokens are in order and do not overlap: the first that ends after the mention starts, then on while they start before it ends
    let lo = 0, hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[mid] <= m.start) lo = mid + 1; else hi = mid; }
    let first = -1, last = -1;
    for (let i = lo; i < n && starts[i] < m.end; i++) if (m.start < ends[i]) { if (first < 0) first = i; last = i; }
    if (first < 0) continue;
    for (let i = first; i <= last; i++) argAt[i] = args.length;
    args.push({ mention: m, first, last, group: args.length, index: args.length });
  }
  // coordination: same-type neighbours separated only by list words share a group
  for (let k = 1; k < args.length; k++) {
    const a = args[k - 1], b = args[k];
    if (a.mention.type !== b.mention.type) continue;
    const between = listWords(words.slice(a.last + 1, b.first));
    if (between.length <= 3 && between.every((w) => COORD.has(w))) b.group = a.group;
  }
  // "over-activates", "hyper-phosphorylated": a prefix makes no modifier of the word it is glued to
  for (let i = 1; i < n; i++) if (hyphenBefore[i] && VERB_PREFIXES.has(words[i - 1])) hyphenBefore[i] = false;
  return { start, end, starts, ends, words, args, argAt, hyphenBefore, hedged: hasCue(words, HEDGE_CUES) };
}

/** Members of the group an arg belongs to, in sentence order. */
export const groupOf = (v: SentenceView, a: Arg): Arg[] => v.args.filter((x) => x.group === a.group);
