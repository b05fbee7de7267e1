import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../../src/tag/abbreviations.js';
import { segmentText } from '../../../src/segment/segment.js';
import { defaultLexicon } from '../../../src/tag/dictionary.js';
import { groundLongForms } from '../../../src/tag/learned/short-forms.js';
import type { Mention } from '../../../src/tag/mention.js';
import { tagEntities } from '../../../src/tag/tag-entities.js';

const at = (text: string, s: string) => text.indexOf(s);
const gene = (text: string, s: string, norm: string, source: string): Mention =>
  ({ type: 'gene', start: at(text, s), end: at(text, s) + s.length, norm, name: s, sentence: 0, source });

describe('an ungrounded learned long form takes its short form\'s identifier', () => {
  const text = 'TNFR-associated factor 2 (TRAF2) binds TRAF2.';
  const defs = findAbbreviations(text, segmentText(text));

  it('valid: the learned span covers the long form and the dictionary grounds the short form', () => {
    const long = gene(text, 'TNFR-associated factor 2', 'LOCAL:tnfr-associated_factor_2', 'learned');
    groundLongForms([long, gene(text, 'TRAF2', 'NCBIGene:7186', 'symbol')], defs);
    expect([long.norm, long.source]).toEqual(['NCBIGene:7186', 'learned|short-form']);
  });

  it('invalid: a partial long form, an ungrounded short form, or a long form already grounded', () => {
    const partial = gene(text, 'factor 2', 'LOCAL:factor_2', 'learned');
    groundLongForms([partial, gene(text, 'TRAF2', 'NCBIGene:7186', 'symbol')], defs);
    expect(partial.norm).toBe('LOCAL:factor_2');
    const long = gene(text, 'TNFR-associated factor 2', 'LOCAL:tnfr-associated_factor_2', 'learned');
    groundLongForms([long, gene(text, 'TRAF2', 'LOCAL:traf2', 'learned')], defs);
    expect(long.norm).toBe('LOCAL:tnfr-associated_factor_2');
    const grounded = gene(text, 'TNFR-associated factor 2', 'NCBIGene:1', 'learned');
    groundLongForms([grounded, gene(text, 'TRAF2', 'NCBIGene:7186', 'symbol')], defs);
    expect(grounded.norm).toBe('NCBIGene:1');
  });

  it('runs in the tagger', () => {
    const genes = tagEntities(text, segmentText(text), defaultLexicon()).filter((m) => m.type === 'gene');
    const long = genes.find((m) => text.slice(m.start, m.end) === 'TNFR-associated factor 2');
    expect(long?.norm).toBe('NCBIGene:7186');
    expect(long?.source).toMatch(/\|short-form$/);
  });

  it('a short form suppressed in the tag stage but grounded by the dictionary grounds its learned long form and itself (PD-1)', () => {
    const t = 'Expression of programmed death 1 (PD-1) on T cells rose. PD-1 blockade restored function.';
    const genes = tagEntities(t, segmentText(t), defaultLexicon()).filter((m) => m.type === 'gene').map((m) => `${t.slice(m.start, m.end)}=${m.norm}`);
    expect(genes).toEqual(['programmed death 1=NCBIGene:5133', 'PD-1=NCBIGene:5133', 'PD-1=NCBIGene:5133']);
    // a short form the dictionary does not know keeps the long form's LOCAL name
    const u = 'Levels of zeta kinase homolog (ZKH) rose. ZKH fell.';
    expect(tagEntities(u, segmentText(u), defaultLexicon()).filter((m) => m.type === 'gene').every((m) => m.norm.startsWith('LOCAL:'))).toBe(true);
  });
});
