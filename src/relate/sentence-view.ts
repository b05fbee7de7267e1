/**
 * One sentence as the relation rules see it: its tokens (lower-case words) and its entity
 * mentions, each mapped to the token range it covers. Mentions joined by "and", "or", ","
 * or "/" into lists form coordination groups, so a rule that fires on a list fires on every
 * member ("lapatinib and neratinib inhibit HER2 and EGFR" → 4 triples).
 */
import type { Mention } from '../tag/mention.js';
import { tokenize, type Token } from '../tag/tokens.js';

export interface Arg { mention: Mention; first: number; last: number; group: number }

export interface SentenceView {
  start: number;
  end: number;
  tokens: Token[];
  words: string[];
  args: Arg[];
  /** token index → arg index, for tokens covered by a mention */
  argAt: Int32Array;
  /** token index → the character right before the token is a hyphen */
  hyphenBefore: boolean[];
}

const COORD = new Set([',', 'and', 'or', '/', 'as', 'well', 'both', 'either', '&']);

export function viewSentence(text: string, start: number, end: number, mentions: Mention[]): SentenceView {
  const tokens = tokenize(text.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  const words = tokens.map((t) => t.key);
  // "up-regulates", "down regulation": the tokenizer splits them; the trigger is one word
  const joined = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) if ((words[i] === 'up' || words[i] === 'down') && /^regulat/.test(words[i + 1])) { words[i + 1] = words[i] + words[i + 1]; joined.add(i + 1); }
  const argAt = new Int32Array(tokens.length).fill(-1);
  const args: Arg[] = [];
  for (const m of mentions) {
    let first = -1, last = -1;
    tokens.forEach((t, i) => { if (t.start < m.end && m.start < t.end) { if (first < 0) first = i; last = i; } });
    if (first < 0) continue;
    for (let i = first; i <= last; i++) argAt[i] = args.length;
    args.push({ mention: m, first, last, group: args.length });
  }
  // coordination: same-type neighbours separated only by list words share a group
  for (let k = 1; k < args.length; k++) {
    const a = args[k - 1], b = args[k];
    if (a.mention.type !== b.mention.type) continue;
    const between = words.slice(a.last + 1, b.first);
    if (between.length <= 3 && between.every((w) => COORD.has(w))) b.group = a.group;
  }
  const hyphenBefore = tokens.map((t, i) => text[t.start - 1] === '-' && !joined.has(i));
  return { start, end, tokens, words, args, argAt, hyphenBefore };
}

/** Members of the group an arg belongs to, in sentence order. */
export const groupOf = (v: SentenceView, a: Arg): Arg[] => v.args.filter((x) => x.group === a.group);
