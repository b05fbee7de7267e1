import { describe, expect, it } from 'vitest';
import { W, family, nameOf, phraseId, wordId, wordOf, isAngled } from '../../../src/relate/classifier/feature-names.js';

describe('feature names as numbers', () => {
  it('builds the same names the string form gives: prefix, words, separator', () => {
    const b = family('b:'), bb = family('bb:', '_'), types = family('types:', '>'), bias = family('bias');
    expect(nameOf(b, wordId('inhibit'), -1, -1)).toBe('b:inhibit');
    expect(nameOf(bb, W['<x>'], wordId('inhibit'), -1)).toBe('bb:<x>_inhibit');
    expect(nameOf(family('bbb:', '_'), wordId('a'), wordId('b'), wordId('c'))).toBe('bbb:a_b_c');
    expect(nameOf(types, wordId('agent'), wordId('gene'), -1)).toBe('types:agent>gene');
    expect(nameOf(bias, -1, -1, -1)).toBe('bias');
    // the same string object each time (its hash is kept)
    expect(nameOf(b, wordId('inhibit'), -1, -1)).toBe(nameOf(b, wordId('inhibit'), -1, -1));
    expect(family('b:')).toBe(b);
  });

  it('gives one id per word and per phrase, and knows the words that start with "<"', () => {
    expect(wordId('kinase')).toBe(wordId('kinase'));
    expect(wordOf(W.by)).toBe('by');
    const p = phraseId(phraseId(wordId('a'), wordId('potent')), wordId('inhibitor'));
    expect(wordOf(p)).toBe('a potent inhibitor');
    expect(phraseId(phraseId(wordId('a'), wordId('potent')), wordId('inhibitor'))).toBe(p);
    expect([isAngled(wordId('<gene>')), isAngled(W['<num>']), isAngled(wordId('gene'))]).toEqual([true, true, false]);
  });
});

describe('FeatureSink by strings', () => {
  it('gives the names the numbered form gives, in call order', async () => {
    const { FeatureSink } = await import('../../../src/relate/classifier/features.js');
    class Names extends FeatureSink {
      names: string[] = [];
      override add(f: number, a: number, b: number, c: number): void { this.names.push(nameOf(f, a, b, c)); }
    }
    const s = new Names();
    s.push(s.two('ob:', 'XY', ':', '0:1'), s.one('closest:', 'xy'), 'share:no');
    s.three('bbb:', 'a', 'b', 'c');
    expect(s.names).toEqual(['ob:XY:0:1', 'closest:xy', 'share:no', 'bbb:a_b_c']);
  });
});
