import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendChemicalPrefixes, PREFIX_EXAMPLES } from '../../src/tag/chemical-shapes.js';
import type { Mention } from '../../src/tag/mention.js';

// The earlier implementation (a scan of every mention per prefix: quadratic when a document
// repeats "R-flurbiprofen and (+/-)-pindolol"), kept as the reference.
const PREFIX = /(?:\[\(?\d{1,3}\)?[A-Z][a-z]?\]|\(\d{1,3}\)[A-Z][a-z]?|\d{1,3}[A-Z][a-z]?-|\((?:[+±-]|\+\/-|[RS]|RS|[EZ])\)|(?<![\w-])(?:[dlDLRS]|dl|DL|rac|cis|trans|meso)(?=-))[\s-]?$/;
function extendByScan(text: string, mentions: Mention[]): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'drug' && m.type !== 'chemical') continue;
    const before = text.slice(Math.max(0, m.start - 14), m.start);
    const p = PREFIX.exec(before);
    if (!p || /\s$/.test(p[0]) && !/\)\s$/.test(p[0])) continue;
    const start = m.start - p[0].length;
    if (mentions.some((o) => o !== m && o.start < m.start && o.end > start)) continue;
    m.start = start;
  }
  return mentions;
}

const mention = (type: Mention['type'], start: number, end: number): Mention => ({ type, start, end, norm: 'x', name: 'x', sentence: 0, source: 'test' });

describe('extendChemicalPrefixes without a scan per mention', () => {
  it('widens the same mentions as the scan of every mention did (overlaps, shared starts, any order)', () => {
    const piece = fc.constantFrom('R-', '(+/-)-', '[3H]', 'd-', 'cis-', '(11)C', ' ', 'x', 'HER2-', '(S) ', 'rac-');
    const spec = fc.tuple(fc.constantFrom<Mention['type']>('drug', 'chemical', 'gene'), fc.nat({ max: 80 }), fc.nat({ max: 10 }));
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.array(spec, { maxLength: 25 }), (parts, specs) => {
      const text = parts.join('');
      const make = () => specs.map(([type, at, len]) => mention(type, Math.min(at, text.length), Math.min(at + len, text.length)));
      const got = extendChemicalPrefixes(text, make()).map((m) => [m.start, m.end]);
      expect(got).toEqual(extendByScan(text, make()).map((m) => [m.start, m.end]));
    }), { numRuns: 2_000, seed: 2026 });
  });

  it('keeps the examples', () => {
    for (const ex of PREFIX_EXAMPLES) {
      const at = ex.text.indexOf(ex.mention);
      const [m] = extendChemicalPrefixes(ex.text, [mention('drug', at, at + ex.mention.length)]);
      expect(ex.text.slice(m.start, m.end)).toBe(ex.extended);
    }
  });
});
