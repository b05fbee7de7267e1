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

describe('pairFeatures', () => {
  it('reads stemmed, entity-blinded words between the pair, with order and distance', () => {
    const v = view('Lapatinib strongly inhibited HER2 in cells.', [['Lapatinib', 'drug'], ['HER2', 'gene']]);
    const f = pairFeatures(v, v.args[0], v.args[1]);
    expect(f).toContain('order:XY');
    expect(f).toContain('types:agent>gene');
    expect(f).toContain('b:inhibit');
    expect(f).toContain('dist:2');
    expect(f).toContain('trig:inhibits:participle');
    expect(f).toContain('rule:none');
    // the words between never name the arguments (only their own head-word features do)
    expect(f.filter((x) => !x.startsWith('head:')).some((x) => x.includes('lapatinib'))).toBe(false);
  });
  it('names the order when the gene comes first, and the hyphen-glued word after a mention', () => {
    const v = view('EGF-induced phosphorylation was blocked by gefitinib.', [['EGF', 'gene'], ['gefitinib', 'drug']]);
    const f = pairFeatures(v, v.args[0], v.args[1]);
    expect(f).toContain('order:YX');
    expect(f).toContain('hyph:a:induc');
  });
  it('reads a list member through its list ("X inhibits A, B and C" reads the same for C)', () => {
    const v = view('Lapatinib inhibits EGFR, HER2 and HER4.', [['Lapatinib', 'drug'], ['EGFR', 'gene'], ['HER2', 'gene'], ['HER4', 'gene']]);
    const first = pairFeatures(v, v.args[0], v.args[1]);
    const last = pairFeatures(v, v.args[0], v.args[3]);
    expect(last).toContain('in-list');
    expect(first).not.toContain('in-list');
    expect(last.filter((x) => x.startsWith('b:'))).toEqual(first.filter((x) => x.startsWith('b:')));
  });
  it('carries the rules\' votes', () => {
    const v = view('Lapatinib inhibits HER2.', [['Lapatinib', 'drug'], ['HER2', 'gene']]);
    const f = pairFeatures(v, v.args[0], v.args[1], [{ rule: 'verb-active', predicate: 'inhibits', forward: true }]);
    expect(f).toContain('rule:verb-active:inhibits:fwd');
    expect(f).not.toContain('rule:none');
  });
});
