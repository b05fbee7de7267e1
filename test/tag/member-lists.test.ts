import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/tag/dictionary.js';
import { MEMBER_LIST_EXAMPLES, joinMemberLists } from '../../src/tag/member-lists.js';
import type { Mention } from '../../src/tag/mention.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const lexicon = defaultLexicon();
const genes = (text: string) => tagEntities(text, segmentText(text), lexicon).filter((m) => m.type === 'gene');

describe('a numbered gene name with a slash list of member numbers (each example is a test)', () => {
  for (const [text, list] of MEMBER_LIST_EXAMPLES) {
    it(`${list ?? 'no list'}: ${text}`, () => {
      const got = genes(text);
      if (list) {
        const m = got.find((x) => text.slice(x.start, x.end) === list);
        expect(m?.source).toContain('|member-list');
        expect(m?.norm).toMatch(/^NCBIGene:/);
      } else {
        expect(got.filter((x) => x.source.includes('member-list'))).toEqual([]);
        expect(got.filter((x) => text.slice(x.start, x.end).includes('/'))).toEqual([]);
      }
    });
  }
  it('keeps the first member id and species grounding (mouse Smad1)', () => {
    const text = 'In mice, Smad1/5/8 phosphorylation rose.';
    const m = genes(text).find((x) => text.slice(x.start, x.end) === 'Smad1/5/8');
    expect(m?.norm).toBe('NCBIGene:17125');
  });
  it('never grows over the next mention', () => {
    const text = 'Smad1/5';
    const ms: Mention[] = [
      { type: 'gene', start: 0, end: 5, norm: 'NCBIGene:4086', name: 'SMAD1', sentence: 0, source: 'symbol' },
      { type: 'chemical', start: 6, end: 7, norm: 'X', name: 'x', sentence: 0, source: 'x' },
    ];
    expect(joinMemberLists(text, ms, lexicon)).toEqual(ms);
  });
});
