import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/normalize.js';
import { segmentText } from '../../src/segment/segment.js';
import { givenMentions, mergeMentions } from '../../src/tag/given-entities.js';

describe('givenMentions', () => {
  const original = 'Lapatinib inhibits HER2. It also blocks EGFR.';
  const n = normalizeText(original);
  const sentences = segmentText(n.text);
  it('maps original spans into the normalized text and assigns their sentence', () => {
    const { mentions, dropped } = givenMentions(n.map, sentences, [
      { start: 40, end: 44, type: 'gene', norm: 'NCBIGene:1956', name: 'EGFR', source: 'pubtator' },
      { start: 0, end: 9, type: 'chemical', norm: 'MESH:D000077341', name: 'lapatinib', source: 'pubtator' },
    ]);
    expect(dropped).toEqual([]);
    expect(mentions.map((m) => [n.text.slice(m.start, m.end), m.sentence])).toEqual([['Lapatinib', 0], ['EGFR', 1]]);
    for (const m of mentions) { const o = n.map.toOriginal(m.start, m.end); expect(original.slice(o.start, o.end)).toBe(n.text.slice(m.start, m.end)); }
  });
  it('drops, with a reason, a mention across a sentence boundary', () => {
    const { mentions, dropped } = givenMentions(n.map, sentences, [{ start: 19, end: 28, type: 'gene', norm: 'x', name: 'x', source: 'p' }]);
    expect(mentions).toEqual([]);
    expect(dropped[0].reason).toBe('spans a sentence boundary');
  });
  it('merges with the tagger: a given mention wins where the two overlap', () => {
    const given = [{ type: 'gene' as const, start: 19, end: 23, norm: 'a', name: 'a', sentence: 0, source: 'given' }];
    const tagged = [{ ...given[0], start: 19, end: 24, source: 'tagger' }, { ...given[0], start: 0, end: 9, type: 'drug' as const, source: 'tagger' }];
    expect(mergeMentions(given, tagged).map((m) => m.source)).toEqual(['tagger', 'given']);
  });
});
