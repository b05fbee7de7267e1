import { describe, expect, it } from 'vitest';
import { FORMULA_EXAMPLES, ION_EXAMPLES, PREFIX_EXAMPLES, RESEARCH_CODE_EXAMPLES, extendChemicalPrefixes, findFormulas, findIons, findResearchCodes } from '../../src/tag/chemical-shapes.ts';

const spans = (text: string, found: [number, number, ...string[]][]) => found.map(([a, b]) => text.slice(a, b));

describe('research-code shape rule', () => {
  for (const ex of RESEARCH_CODE_EXAMPLES) {
    it(`${ex.tagged ? 'tags' : 'does not tag'} ${ex.mention} in "${ex.text}"`, () => {
      expect(spans(ex.text, findResearchCodes(ex.text)).includes(ex.mention)).toBe(ex.tagged);
    });
  }
  it('normalizes spelling variants to one code', () => {
    expect(findResearchCodes('SB-203580')[0][2]).toBe(findResearchCodes('SB 203580')[0][2]);
    expect(findResearchCodes('SB-203580')[0][2]).toBe('code:SB203580');
  });
});

describe('ion shape rule', () => {
  for (const ex of ION_EXAMPLES) {
    it(`${ex.tagged ? 'tags' : 'does not tag'} ${ex.mention} in "${ex.text}"`, () => {
      expect(spans(ex.text, findIons(ex.text)).includes(ex.mention)).toBe(ex.tagged);
    });
  }
  it('grounds an ion to its element', () => {
    expect(findIons('Ca(2+)')[0][2]).toBe('MeSH:D002118');
  });
});

describe('inorganic formula shape rule', () => {
  for (const ex of FORMULA_EXAMPLES) {
    it(`${ex.tagged ? 'tags' : 'does not tag'} ${ex.mention} in "${ex.text}"`, () => {
      expect(spans(ex.text, findFormulas(ex.text)).includes(ex.mention)).toBe(ex.tagged);
    });
  }
});

describe('stereo and isotope prefixes widen a chemical mention', () => {
  for (const ex of PREFIX_EXAMPLES) {
    it(`${ex.mention} in "${ex.text}" → ${ex.extended}`, () => {
      const start = ex.text.indexOf(ex.mention);
      const m = extendChemicalPrefixes(ex.text, [{ type: 'drug', start, end: start + ex.mention.length, norm: 'n', name: 'n', sentence: 0, source: 's' }])[0];
      expect(ex.text.slice(m.start, m.end)).toBe(ex.extended);
    });
  }
});
