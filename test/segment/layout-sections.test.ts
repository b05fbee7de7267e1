import { describe, expect, it } from 'vitest';
import type { LayoutBlock, LayoutKind } from '../../src/ingest/document.js';
import { OffsetMap } from '../../src/normalize/offset-map.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { layoutInNormalized, sectionOfHeading } from '../../src/segment/layout-sections.js';
import { segmentText } from '../../src/segment/segment.js';

/** Builds a laid-out text from (kind, text) blocks, as ingest does for a PDF. */
function laidOut(blocks: [LayoutKind, string][]): { text: string; layout: LayoutBlock[] } {
  let text = '';
  const layout: LayoutBlock[] = [];
  for (const [kind, t] of blocks) {
    if (text) text += '\n\n';
    layout.push({ kind, start: text.length, end: text.length + t.length });
    text += t;
  }
  return { text, layout };
}

const ABSTRACT = 'HER2 activates the PI3K pathway in breast cancer cells. Lapatinib inhibits HER2 in these cells. We show this in many models and in patients, and the effect lasts for months of treatment. '.repeat(3);

describe('sections from layout blocks', () => {
  it('names sections from headings (numbering and case aside)', () => {
    expect(sectionOfHeading('2. MATERIALS AND METHODS')).toBe('methods');
    expect(sectionOfHeading('Results and Discussion')).toBe('results');
    expect(sectionOfHeading('Acknowledgements')).toBe('acknowledgements');
    expect(sectionOfHeading('REFERENCES')).toBe('references');
    expect(sectionOfHeading('HER2 drives resistance')).toBeUndefined();
  });

  it('gives every sentence a section and keeps references, front matter, figure labels and table rows out of scope', () => {
    const { text, layout } = laidOut([
      ['title', 'HER2 activates PI3K'],
      ['body', 'Jane Doe, John Roe'],
      ['body', ABSTRACT],
      ['heading', '1. Introduction'],
      ['body', 'Lapatinib inhibits HER2.'],
      ['heading', 'HER2 drives resistance'],
      ['body', 'Trastuzumab binds HER2.'],
      ['caption', 'Figure 1. Lapatinib inhibits HER2 in cells.'],
      ['figure', 'HER2 PI3K\nAKT'],
      ['table', 'ERBB2\t2.5'],
      ['heading', 'Methods'],
      ['body', 'Cells were grown in galactose.'],
      ['heading', 'References'],
      ['body', '1. Smith J. Lapatinib inhibits HER2. Nature 2001.'],
    ]);
    const n = normalizeText(text);
    const sentences = segmentText(n.text, layoutInNormalized(layout, n.map));
    const view = sentences.map((s) => `${s.section}|${s.skip ?? ''}|${n.text.slice(s.start, s.end).slice(0, 24)}`);
    const abstract = ['HER2 activates the PI3K ', 'Lapatinib inhibits HER2 ', 'We show this in many mod'];
    expect(view).toEqual([
      'title||HER2 activates PI3K',
      'front matter|section "front matter"|Jane Doe, John Roe',
      ...[...abstract, ...abstract, ...abstract].map((a) => `abstract||${a}`),
      'introduction||1. Introduction',
      'introduction||Lapatinib inhibits HER2.',
      'introduction||HER2 drives resistance',
      'introduction||Trastuzumab binds HER2.',
      'figure legend||Figure 1.',
      'figure legend||Lapatinib inhibits HER2 ',
      'introduction|figure text|HER2 PI3K AKT',
      'introduction|table|ERBB2\t2.5',
      'methods||Methods',
      'methods||Cells were grown in gala',
      'references|section "references"|References',
      'references|section "references"|1.',
      'references|section "references"|Smith J. Lapatinib inhib',
      'references|section "references"|Nature 2001.',
    ]);
  });

  it('reads a text without headings or abstract (a one-page note) as the paper\'s own body', () => {
    const { text, layout } = laidOut([['body', 'Lapatinib inhibits HER2.'], ['body', 'Department of Oncology, University of Somewhere']]);
    const sentences = segmentText(text, layout);
    expect(sentences.map((s) => `${s.section}|${s.skip ?? ''}`)).toEqual(['body|', 'body|affiliation']);
  });

  it('maps layout blocks through the offset map of normalization', () => {
    const original = 'ab-\ncd\n\nef';
    const map = OffsetMap.identity(original).apply([{ start: 2, end: 4, replacement: '' }]);
    expect(map.fromOriginal(0, 6)).toEqual({ start: 0, end: 4 });
    expect(map.fromOriginal(8, 10)).toEqual({ start: 6, end: 8 });
    expect(layoutInNormalized([{ kind: 'body', start: 8, end: 10 }], map)).toEqual([{ kind: 'body', start: 6, end: 8 }]);
  });
});
