/**
 * One sentence as the relation rules see it: its tokens (lower-case words) and its entity
 * mentions, each mapped to the token range it covers. Mentions joined by "and", "or", ","
 * or "/" into lists form coordination groups, so a rule that fires on a list fires on every
 * member ("lapatinib and neratinib inhibit HER2 and EGFR" → 4 triples).
 */
import type { Mention } from '../tag/mention.js';
import { WORD_END, WORD_START, tokenKeyAt, tokenRun, type Token, type TokenRun } from '../tag/tokens.js';
import { HEDGE_CUES, findCue } from './cues.js';

export interface Arg { mention: Mention; first: number; last: number; group: number }

export interface SentenceView {
  start: number;
  end: number;
  tokens: Token[];
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
  // the tokenizer's boundaries (a reused buffer), made into tokens at text offsets in one pass
  const slice = text.slice(start, end);
  const run = tokenRun(slice, SCRATCH);
  const tokens: Token[] = new Array(run.count);
  const words: string[] = new Array(run.count);
  for (let k = 0; k < run.count; k++) {
    const key = tokenKeyAt(slice, run, k);
    tokens[k] = { key, start: run.start[k] + start, end: run.end[k] + start, wordStart: (run.flags[k] & WORD_START) !== 0, wordEnd: (run.flags[k] & WORD_END) !== 0 };
    words[k] = key;
  }
  // "up-regulates", "down regulation": the tokenizer splits them; the trigger is one word
  let joined: Set<number> | undefined;
  for (let i = 0; i + 1 < words.length; i++) if ((words[i] === 'up' || words[i] === 'down') && /^regulat/.test(words[i + 1])) { words[i + 1] = words[i] + words[i + 1]; (joined ??= new Set()).add(i + 1); }
  // a plain array: a typed one costs more to allocate than a sentence's pairs read from it
  const argAt: number[] = [];
  for (let i = 0; i < tokens.length; i++) argAt.push(-1);
  const args: Arg[] = [];
  for (const m of mentions) {
    // tokens are in order and do not overlap: the first that ends after the mention starts, then on while they start before it ends
    let lo = 0, hi = tokens.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].end <= m.start) lo = mid + 1; else hi = mid; }
    let first = -1, last = -1;
    for (let i = lo; i < tokens.length && tokens[i].start < m.end; i++) if (m.start < tokens[i].end) { if (first < 0) first = i; last = i; }
    if (first < 0) continue;
    for (let i = first; i <= last; i++) argAt[i] = args.length;
    args.push({ mention: m, first, last, group: args.length });
  }
  // coordination: same-type neighbours separated only by list words share a group
  for (let k = 1; k < args.length; k++) {
    const a = args[k - 1], b = args[k];
    if (a.mention.type !== b.mention.type) continue;
    const between = listWords(words.slice(a.last + 1, b.first));
    if (between.length <= 3 && between.every((w) => COORD.has(w))) b.group = a.group;
  }
  // "over-activates", "hyper-phosphorylated": a prefix makes no modifier of the word it is glued to
  const hyphenBefore: boolean[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) hyphenBefore[i] = text.charCodeAt(tokens[i].start - 1) === 45 && !joined?.has(i) && !(i > 0 && VERB_PREFIXES.has(words[i - 1]));
  return { start, end, tokens, words, args, argAt, hyphenBefore, hedged: !!findCue(words, HEDGE_CUES) };
}

/** Members of the group an arg belongs to, in sentence order. */
export const groupOf = (v: SentenceView, a: Arg): Arg[] => v.args.filter((x) => x.group === a.group);
