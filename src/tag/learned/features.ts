/**
 * Token features for the learned gene-mention tagger: the token, its shape, affixes, the words
 * around it, and what the dictionaries say about it (inside a gene or drug term), so the model
 * learns boundaries and class nouns while the dictionary stays the source of identifiers.
 */
import type { TermAutomaton } from '../automaton.js';

export interface Token { start: number; end: number; text: string }

/** letters, digits, or one other non-space character; Greek letters count as letters */
const TOKEN = /[A-Za-z\u0370-\u03ff]+|\d+|[^\sA-Za-z\d\u0370-\u03ff]/g;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const shape = (s: string) => s.replace(/[A-Z]+/g, 'A').replace(/[a-z]+/g, 'a').replace(/\d+/g, '0').replace(/[\u0370-\u03ff]+/g, 'g').slice(0, 6);

/** per token: B/I when a dictionary term of the type covers it (longest match), else O */
export function dictionaryTags(text: string, tokens: Token[], automaton: TermAutomaton, type: 'gene' | 'drug'): string[] {
  const tags = tokens.map(() => 'O');
  const spans = automaton.scan(text).filter((m) => m.entries.some((e) => e.type === type));
  for (const m of spans) {
    let first = true;
    tokens.forEach((t, i) => {
      if (t.start >= m.start && t.end <= m.end) { if (tags[i] === 'O') tags[i] = first ? 'B' : 'I'; first = false; }
    });
  }
  return tags;
}

/** features of token i (the previous label is added by the decoder) */
export function tokenFeatures(text: string, tokens: Token[], i: number, gene: string[], drug: string[]): string[] {
  const w = (k: number) => tokens[i + k]?.text.toLowerCase() ?? (k < 0 ? '<s>' : '</s>');
  const t = tokens[i];
  const glued = i > 0 && tokens[i - 1].end === t.start;
  const gluedNext = i + 1 < tokens.length && tokens[i + 1].start === t.end;
  let ws = t.start, we = t.end;
  while (ws > 0 && !/\s/.test(text[ws - 1])) ws--;
  while (we < text.length && !/\s/.test(text[we])) we++;
  const word = text.slice(ws, we).toLowerCase().replace(/[.,;:)]+$/, '');
  return [
    'b', `w=${w(0)}`, `sh=${shape(t.text)}`, `p3=${w(0).slice(0, 3)}`, `s3=${w(0).slice(-3)}`, `s2=${w(0).slice(-2)}`,
    `w-1=${w(-1)}`, `w+1=${w(1)}`, `w-2=${w(-2)}`, `w+2=${w(2)}`, `w-1w0=${w(-1)}|${w(0)}`, `w0w+1=${w(0)}|${w(1)}`,
    `sh-1=${tokens[i - 1] ? shape(tokens[i - 1].text) : '<s>'}`, `sh+1=${tokens[i + 1] ? shape(tokens[i + 1].text) : '</s>'}`,
    `word=${word}`, `wshape=${shape(text.slice(ws, we))}`, `glue=${glued ? 1 : 0}${gluedNext ? 1 : 0}`,
    `dg=${gene[i]}`, `dg-1=${gene[i - 1] ?? '-'}`, `dg+1=${gene[i + 1] ?? '-'}`, `dd=${drug[i]}`, `dg|dd=${gene[i]}${drug[i]}`,
    `dg|w=${gene[i]}|${w(0)}`,
  ];
}
