/**
 * OSIRIS span conventions, mapped explicitly for one labelled row of `npm run eval:ner` (the raw
 * row stays beside it). OSIRIS writes a variant and its parenthesised restatements as one span:
 * the gene ("A341V (KCNQ1)"), the alleles ("Lys109Arg (A/G)"), the rs id ("V103I (rs2229616)"),
 * the other level's change ("2572T>C (858F>L)", "+326T>G [V109G]"); and it sometimes keeps the
 * brackets around a variant ("(V109G)"). This tagger writes the variant alone and each restatement
 * as a mention of its own. The mapping adds, to such a gold span, the span without its enclosing
 * brackets and trailing bracketed groups as an alternative (either counts), and marks each group's
 * inside as neutral (a prediction exactly there is neither right nor wrong).
 */
import type { NerDocument, NerMention } from '../corpora/ner.ts';

/** the type given to the inside of a stripped group; list it in the row's `neutral` */
export const RESTATEMENT = 'osiris-restatement';

const CLOSE: Record<string, string> = { ')': '(', ']': '[' };

/** where the bracket group that closes at `end - 1` opens, or -1 (nested groups counted) */
function openOf(text: string, start: number, end: number): number {
  const close = text[end - 1], open = CLOSE[close];
  if (!open) return -1;
  let depth = 0;
  for (let i = end - 1; i >= start; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && --depth === 0) return i;
  }
  return -1;
}

/** the core span of one gold mention and the insides of the groups taken off it */
export function coreSpan(text: string, start: number, end: number): { start: number; end: number; groups: [number, number][] } {
  let s = start, e = end;
  const groups: [number, number][] = [];
  if (openOf(text, s, e) === s) { s++; e--; }
  for (let o; (o = openOf(text, s, e)) > s;) {
    groups.push([o + 1, e - 1]);
    e = o;
    while (e > s && text[e - 1] === ' ') e--;
  }
  return { start: s, end: e, groups };
}

export function mapOsirisConventions(docs: NerDocument[]): NerDocument[] {
  return docs.map((d) => {
    const extra: NerMention[] = [];
    const mentions = d.mentions.map((m) => {
      if (m.type !== 'variant') return m;
      const c = coreSpan(d.text, m.start, m.end);
      if (c.end <= c.start || (c.start === m.start && c.end === m.end)) return m;
      for (const [a, b] of c.groups) extra.push({ start: a, end: b, text: d.text.slice(a, b), type: RESTATEMENT, ids: [] });
      return { ...m, alternatives: [...(m.alternatives ?? []), { start: c.start, end: c.end }] };
    });
    return { ...d, mentions: [...mentions, ...extra] };
  });
}
