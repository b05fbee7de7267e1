import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenSpans, tokenize } from '../../../src/tag/learned/features.js';

/** the definition the one-pass tokenizer follows */
const TOKEN = /[A-Za-z\u0370-\u03ff]+|\d+|[^\sA-Za-z\d\u0370-\u03ff]/g;
const reference = (text: string) => [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));

describe('the learned tagger\'s tokenizer', () => {
  it('gives the regex\'s tokens on the corpus', () => {
    const texts = readdirSync('corpus').filter((f) => f.endsWith('.md')).map((f) => readFileSync(`corpus/${f}`, 'utf8'));
    for (const t of texts) expect(tokenize(t)).toEqual(reference(t));
  });
  it('tokenSpans gives tokenize\'s spans, without their strings', () => {
    const texts = readdirSync('corpus').filter((f) => f.endsWith('.md')).map((f) => readFileSync(`corpus/${f}`, 'utf8'));
    for (const t of [...texts, 'HER2-δ16  x', '', ' ']) expect(tokenSpans(t)).toEqual(tokenize(t).map(({ start, end }) => ({ start, end })));
  });
  it('gives the regex\'s tokens on every UTF-16 code unit, alone and between letters, digits and spaces', () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
    for (let from = 0; from < units.length; from += 4096) {
      const chunk = units.slice(from, from + 4096);
      for (const text of [chunk.join(''), chunk.map((u) => `a${u}1 ${u}${u}β`).join('')]) expect(tokenize(text)).toEqual(reference(text));
    }
    expect(tokenize('HER2-δ16  x')).toEqual([
      { start: 0, end: 3, text: 'HER' }, { start: 3, end: 4, text: '2' }, { start: 4, end: 5, text: '-' },
      { start: 5, end: 6, text: 'δ' }, { start: 6, end: 8, text: '16' }, { start: 10, end: 11, text: 'x' },
    ]);
  });
});
