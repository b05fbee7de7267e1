import { describe, expect, it } from 'vitest';
import { findAbbreviations } from '../../../src/tag/abbreviations.js';
import { segmentText } from '../../../src/segment/segment.js';
import { defaultLexicon } from '../../../src/tag/dictionary.js';
import { closeBrackets } from '../../../src/tag/learned/merge.js';
import { bindLearnedShortForms } from '../../../src/tag/learned/short-forms.js';
import type { Mention } from '../../../src/tag/mention.js';
import { tagEntities } from '../../../src/tag/tag-entities.js';

const at = (text: string, s: string, from = 0) => text.indexOf(s, from);

describe('learned gene span decisions', () => {
  it('a span stopping inside a bracket it opened ends past the closing bracket and what is glued to it', () => {
    const a = 'levels of Lp-PLA(2) rose';
    expect(a.slice(at(a, 'Lp'), closeBrackets(a, at(a, 'Lp'), at(a, '(2') + 2))).toBe('Lp-PLA(2)');
    const b = 'the H(4)R antagonist';
    expect(b.slice(at(b, 'H('), closeBrackets(b, at(b, 'H('), at(b, '(4') + 2))).toBe('H(4)R');
    // balanced, or not closed right there, or the close past the sentence: unchanged
    expect(closeBrackets(b, at(b, 'H('), at(b, ')R') + 2)).toBe(at(b, ')R') + 2);
    const c = 'CysLT(1 receptor)';
    expect(closeBrackets(c, 0, 7)).toBe(7);
    expect(closeBrackets(a, at(a, 'Lp'), at(a, '(2') + 2, at(a, '(2') + 2)).toBe(at(a, '(2') + 2);
  });

  it('an abbreviation whose short form holds brackets is read whole ("(Lp-PLA(2))")', () => {
    const text = 'Lipoprotein-associated phospholipase A2 (Lp-PLA(2)) was measured.';
    expect(findAbbreviations(text, segmentText(text)).map((d) => d.short)).toEqual(['Lp-PLA(2)']);
    const genes = tagEntities(text, segmentText(text), defaultLexicon()).filter((m) => m.type === 'gene').map((m) => text.slice(m.start, m.end));
    expect(genes).toContain('Lp-PLA(2)');
    expect(genes).not.toContain('Lp-PLA(2');
  });

  it('the short form of a long form only the learned tagger found takes its identifier, as whole words (not inside "pZKH") where nothing else lies', () => {
    const text = 'Zeta kinase homolog (ZKH) binds ZKH-like proteins. ZKH rose, and pZKH did not.';
    const sentences = segmentText(text);
    const long: Mention = { type: 'gene', start: 0, end: at(text, ' (ZKH)'), norm: 'LOCAL:zeta_kinase_homolog', name: 'Zeta kinase homolog', sentence: 0, source: 'learned' };
    const out = bindLearnedShortForms(text, sentences, [long], findAbbreviations(text, sentences));
    expect(out.filter((m) => m.source === 'abbreviation|learned').map((m) => [m.start, m.norm])).toEqual([
      [at(text, 'ZKH)'), 'LOCAL:zeta_kinase_homolog'],
      [at(text, 'ZKH-like'), 'LOCAL:zeta_kinase_homolog'],
      [at(text, 'ZKH rose'), 'LOCAL:zeta_kinase_homolog'],
    ]);
    // a long form the dictionary tagged already bound its short form in the tag stage: nothing to do here
    expect(bindLearnedShortForms(text, sentences, [{ ...long, source: 'designation' }], findAbbreviations(text, sentences))).toHaveLength(1);
    // a mention already on an occurrence keeps it
    const other: Mention = { type: 'drug', start: at(text, 'ZKH rose'), end: at(text, 'ZKH rose') + 3, norm: 'X:1', name: 'x', sentence: 1, source: 'drugbank' };
    const kept = bindLearnedShortForms(text, sentences, [long, other], findAbbreviations(text, sentences));
    expect(kept.filter((m) => m.start === other.start)).toEqual([other]);
  });

  it('a mature microRNA name several loci make, which the dictionary leaves out, is an ungrounded gene when the model finds it', () => {
    const text = 'Loss of miR-200 and miR-133a expression promotes migration.';
    const genes = tagEntities(text, segmentText(text), defaultLexicon()).filter((m) => m.type === 'gene');
    expect(genes.map((m) => [text.slice(m.start, m.end), m.norm])).toEqual([['miR-200', 'LOCAL:mir-200'], ['miR-133a', 'LOCAL:mir-133a']]);
  });
});
