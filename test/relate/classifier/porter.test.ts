import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../src/relate/classifier/porter.js';

const natural = createRequire(import.meta.url)('natural/lib/natural/stemmers/porter_stemmer') as { stem: (w: string) => string };
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** every word of the dictionaries and the seed corpus: about 100,000 words of biomedical English */
function wordList(): string[] {
  const words = new Set<string>();
  const files = [
    ...readdirSync(path.join(ROOT, 'dictionaries')).filter((f) => f.endsWith('.tsv')).map((f) => path.join(ROOT, 'dictionaries', f)),
    ...readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'corpus', f)),
  ];
  for (const f of files) for (const m of readFileSync(f, 'utf8').toLowerCase().matchAll(/[a-z]+/g)) words.add(m[0]);
  return [...words];
}

describe('porterStem', () => {
  it('gives natural\'s Porter stem for every word of a large list (the model\'s features depend on it)', () => {
    const words = wordList();
    expect(words.length).toBeGreaterThan(50_000);
    const differ = words.filter((w) => porterStem(w) !== natural.stem(w));
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it('keeps natural\'s quirks', () => {
    expect(porterStem('inhibition')).toBe('inhibit');
    expect(porterStem('phosphorylation')).toBe('phosphoryl');
    expect(porterStem('generalization')).toBe(natural.stem('generalization'));
    expect(porterStem('ab')).toBe('ab');
  });
});
