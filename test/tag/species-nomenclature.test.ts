import { describe, expect, it } from 'vitest';
import { RODENT_STYLE } from '../../src/tag/species-nomenclature.js';

// The earlier pattern, the definition of the language (exponential on a long lower-case word that fails)
const NESTED = /^[A-Z][a-z][a-z0-9]*(?:-?[a-z0-9]+)*$/;

describe('RODENT_STYLE', () => {
  it('accepts what the nested pattern accepts, on every string of up to 6 characters over its character classes', () => {
    const alphabet = ['E', 'r', 'b', '2', '-', ' ', 'É'];
    const differ: string[] = [];
    let words = [''];
    for (let n = 0; n <= 6; n++) {
      for (const w of words) if (RODENT_STYLE.test(w) !== NESTED.test(w)) differ.push(w);
      words = words.flatMap((w) => alphabet.map((c) => w + c));
    }
    expect(differ).toEqual([]);
    expect(['Erbb2', 'Cyp1a1', 'Ly-6a', 'Nkx2-1'].every((w) => RODENT_STYLE.test(w))).toBe(true);
    expect(['ERBB2', 'Ly--6', 'Erbb-', 'erbb2', 'E'].some((w) => RODENT_STYLE.test(w))).toBe(false);
  });

  it('fails a long lower-case word in linear time', () => {
    const word = 'Glyceraldehydephosphatase dehydrogenase'; // 0.3–1 s with the nested pattern, microseconds now
    const t = performance.now();
    expect(RODENT_STYLE.test(word)).toBe(false);
    expect(performance.now() - t).toBeLessThan(50);
  });
});
