import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speciesWithin, type SpeciesMention } from '../../src/tag/species.js';

// The earlier implementation (a scan of every species mention per sentence: quadratic when a
// long document names a species in every sentence), kept as the reference.
const withinByScan = (species: SpeciesMention[], start: number, end: number) => species.filter((x) => x.start >= start && x.end <= end);

describe('species mentions of a sentence without a scan of all of them', () => {
  it('gives what the scan gave, for species in text order (as findSpecies returns them)', () => {
    const mention = fc.tuple(fc.nat({ max: 100 }), fc.integer({ min: 1, max: 10 }), fc.constantFrom('9606', '10090', '10116'));
    fc.assert(fc.property(fc.array(mention, { maxLength: 30 }), fc.nat({ max: 110 }), fc.nat({ max: 40 }), (raw, start, len) => {
      const species = raw.map(([s, l, taxon]) => ({ start: s, end: s + l, taxon })).sort((a, b) => a.start - b.start);
      expect(speciesWithin(species, start, start + len)).toEqual(withinByScan(species, start, start + len));
    }), { numRuns: 2_000, seed: 2026 });
  });
});
