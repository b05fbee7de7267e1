import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { speciesMatches, speciesPrefilterApplies } from '../../src/tag/species-scan.js';

const data = defaultLexicon().species!;
const reference = (text: string) => [...text.matchAll(data.pattern)].map((m) => ({ index: m.index, text: m[0] }));
const corpus = readdirSync('corpus').filter((f) => f.endsWith('.md')).map((f) => readFileSync(`corpus/${f}`, 'utf8'));

describe('species scan with a prefilter', () => {
  it('finds what a global search of the pattern finds, on the corpus', () => {
    expect(speciesPrefilterApplies(data.pattern)).toBe(true);
    let found = 0;
    for (const text of corpus) {
      const fast = speciesMatches(text, data.pattern);
      expect(fast).toEqual(reference(text));
      found += fast.length;
    }
    expect(found).toBeGreaterThan(20);
  });

  it('agrees at edges: case, white space, hyphens, non-ASCII, text end', () => {
    const names = [...data.terms.values()].map((t) => t.term);
    const texts = [
      'Mice, MICE, mIce, rats-mice, -mice, 3mice, mice', 'HeLa hela HELA', 'Escherichia\ncoli and E.\u00a0coli, E. \t coli',
      'Homo sapiens\u2009cells; HOMO SAPIENS', 'ſmice Kmice \u212Aat', 'mi', 'm', '', 'xenograft-bearing nude mice (HCT-116)',
      // every name, in its own case, upper case and after punctuation and a non-ASCII letter
      names.join(' '), names.map((n) => n.toUpperCase()).join('; '), names.map((n) => `(${n})é${n}`).join(' '),
      names.map((n) => n.replace(/ /g, '\n  ')).join(','),
    ];
    for (const text of texts) expect(speciesMatches(text, data.pattern)).toEqual(reference(text));
  });

  it('a pattern of another shape is run at every position, with the same matches', () => {
    const other = /(?<![a-z])(?:mice|rats?)(?![a-z])/gi;
    const text = 'Mice3mice rats-ratsRATS';
    expect(speciesMatches(text, other)).toEqual([...text.matchAll(other)].map((m) => ({ index: m.index, text: m[0] })));
  });

  it('can fail: a skipped word start would lose its match', () => {
    expect(speciesMatches('in mice', data.pattern)).toEqual([{ index: 3, text: 'mice' }]);
  });
});
