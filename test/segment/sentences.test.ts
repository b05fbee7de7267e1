import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/segment/segment.js';
import { splitSentences } from '../../src/segment/sentences.js';

const split = (t: string) => splitSentences(t, 0, t.length).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['Smith et al. showed it. Next one.', ['Smith et al. showed it.', 'Next one.']],
    ['As in Fig. 2, HER2 is high. Then.', ['As in Fig. 2, HER2 is high.', 'Then.']],
    ['Drugs (e.g. lapatinib) work. Yes.', ['Drugs (e.g. lapatinib) work.', 'Yes.']],
    ['The p.V777L variant is active. HER2 too.', ['The p.V777L variant is active.', 'HER2 too.']],
    ['Trastuzumab vs. lapatinib was tested. Done.', ['Trastuzumab vs. lapatinib was tested.', 'Done.']],
    ['It binds HER2 [12]. Next sentence.', ['It binds HER2 [12].', 'Next sentence.']],
    ['Resistance was seen.[4] Later work.', ['Resistance was seen.[4]', 'Later work.']],
    ['levels of 2.5 mg were used. Ok.', ['levels of 2.5 mg were used.', 'Ok.']],
  ])('%s', (text, expected) => expect(split(text)).toEqual(expected));
});

describe('segmentText', () => {
  const text = '# Title\n\nHER2 is amplified. It drives growth.\n\n## References\n\n1. Smith J. HER2 paper.\n\nReviewer Notes\n\nMore refs 2001.';
  const sentences = segmentText(text);
  it('keeps headings of body sections and body sentences in scope', () => {
    expect(sentences.filter((s) => !s.skip).map((s) => text.slice(s.start, s.end))).toEqual(['# Title', 'HER2 is amplified.', 'It drives growth.']);
  });
  it('skips the reference list until a real section heading', () => {
    const refs = sentences.filter((s) => s.section === 'references');
    expect(refs.length).toBeGreaterThan(1);
    expect(refs.every((s) => s.skip)).toBe(true);
  });
  it('marks affiliations and licence boilerplate out of scope', () => {
    const t = 'Department of Oncology, University of X, USA; a@b.edu\n\nThis is an open access article under a Creative Commons licence.\n\nHER2 is amplified.';
    expect(segmentText(t).map((s) => s.skip)).toEqual(['affiliation', 'boilerplate', null]);
  });
});
