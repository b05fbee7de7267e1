import { describe, expect, it } from 'vitest';
import { pairFeatures } from '../../../src/relate/classifier/features.js';
import { viewSentence } from '../../../src/relate/sentence-view.js';
import type { Mention } from '../../../src/tag/mention.js';

function view(text: string, spans: [string, Mention['type']][]) {
  const mentions: Mention[] = spans.map(([t, type]) => {
    const start = text.indexOf(t);
    return { type, start, end: start + t.length, norm: t, name: t, sentence: 0, source: 'test' };
  });
  return viewSentence(text, 0, text.length, mentions);
}

describe('context features', () => {
  it('tells the closest partners and the trigger they share from a pair across another mention', () => {
    const v = view('Lapatinib inhibits HER2, whereas tamoxifen activates ESR1.', [['Lapatinib', 'drug'], ['HER2', 'gene'], ['tamoxifen', 'drug'], ['ESR1', 'gene']]);
    const near = pairFeatures(v, v.args[0], v.args[1]);
    expect(near).toContain('closest:xy');
    expect(near).toContain('share:in:inhibit');
    expect(near).toContain('ob:XY:0:0');
    expect(near).toContain('pat:XY:finite:-');
    expect(near).toContain('rank:0:0');
    expect(near).toContain('groups:1:1');
    const far = pairFeatures(v, v.args[0], v.args[3]);
    expect(far).toContain('closest:--');
    expect(far).toContain('rank:1:1');
    expect(far).toContain('share:no');
    expect(far).toContain('ob:XY:1:1');
    expect(far).toContain('cl:whereas');
    expect(far).toContain('cl:commas:1:trig');
  });
  it('reads the passive pattern "Y is inhibited by X" apart from the active one', () => {
    const v = view('HER2 was inhibited by lapatinib.', [['HER2', 'gene'], ['lapatinib', 'drug']]);
    const f = pairFeatures(v, v.args[0], v.args[1]);
    expect(f).toContain('pat:YX:participle:by');
    expect(f).toContain('patw:YX:inhibit:participle:by');
    expect(f).toContain('nt:x:inhibit:in:self');
  });
  it('names the mentions\' own words besides the head ("dopamine" of "dopamine D2 receptor")', () => {
    const v = view('Haloperidol blocks the dopamine D2 receptor.', [['Haloperidol', 'drug'], ['dopamine D2 receptor', 'gene']]);
    const f = pairFeatures(v, v.args[0], v.args[1]);
    expect(f).toContain('mw:y:dopamin');
    expect(f.some((x) => x.startsWith('mw:x:'))).toBe(false);
  });
});
