import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/ingest/pdf.js';
import { dropLineNumbers, dropOverlaidItems, findGutters, groupRows, type PdfItem, type PdfPage } from '../../src/ingest/pdf-lines.js';

const W = 600;
const H = 800;
const item = (str: string, x: number, y: number, size = 10, font = 'body'): PdfItem => ({ str, x, y, width: str.length * size * 0.5, size, font });

/** Prose of n lines in a column starting at x, from y downwards, 12 pt apart. */
function column(x: number, y: number, lines: string[], size = 10): PdfItem[] {
  return lines.map((l, i) => item(l, x, y - i * 12, size));
}

const LEFT = ['The kinase activity of the receptor was measured in all of the', 'cell lines that we had collected for this study and we found', 'that it rises steadily over time in every one of them.'];
const RIGHT = ['A second paragraph sits in the right column of the same page', 'and continues down the column as a reader expects it to do', 'until the very end of the page is reached by the reader.'];

/** A two-column page with a running header, a page number and a full-width title band. */
function twoColumnPage(n: number): PdfPage {
  const items: PdfItem[] = [
    item('Journal of Examples, 2024, Vol. 7', 50, 770, 8),
    item(String(n), 300, 30, 8),
    ...column(50, 700, [...LEFT, ...LEFT, ...LEFT, ...LEFT]),
    ...column(320, 700, [...RIGHT, ...RIGHT, ...RIGHT, ...RIGHT]),
  ];
  return { width: W, height: H, items: items.map((it) => ({ ...it, width: Math.min(it.width, 250) })) };
}

describe('PDF layout on synthetic pages', () => {
  it('finds the gutter of a two-column page and none on a single column', () => {
    const page = twoColumnPage(1);
    expect(findGutters(groupRows(page.items), W)).toHaveLength(1);
    const single = column(50, 700, Array.from({ length: 20 }, () => 'a single column of running text that crosses the middle of the page'));
    expect(findGutters(groupRows(single.map((it) => ({ ...it, width: 500 }))), W)).toEqual([]);
  });

  it('reads the left column before the right one and keeps rows of the two apart', () => {
    const { text } = layoutPages([twoColumnPage(1), twoColumnPage(2), twoColumnPage(3)]);
    const firstLeft = text.indexOf(LEFT[0]);
    const firstRight = text.indexOf(RIGHT[0]);
    expect(firstLeft).toBeGreaterThanOrEqual(0);
    expect(firstRight).toBeGreaterThan(text.indexOf(LEFT[2], firstLeft));
    expect(text).not.toContain(`${LEFT[0]} ${RIGHT[0]}`);
  });

  it('drops running headers and page numbers repeated on the pages', () => {
    const r = layoutPages([twoColumnPage(1), twoColumnPage(2), twoColumnPage(3)]);
    expect(r.text).not.toContain('Journal of Examples');
    expect(r.text).not.toMatch(/^\d+$/m);
    expect(r.dropped['running-header']).toBe(3);
    expect(r.dropped['page-number']).toBe(3);
  });

  it('keeps a header-like line that appears on one page only', () => {
    const pages = [twoColumnPage(1), twoColumnPage(2), twoColumnPage(3)];
    pages[1].items.push(item('A boxed note on one page', 50, 760, 8));
    expect(layoutPages(pages).text).toContain('A boxed note on one page');
  });

  it('drops a bioRxiv line-number column and keeps numbers inside the text', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i} of a manuscript with 3 numbers in it`);
    const items = [...column(72, 700, lines), ...lines.map((_, i) => item(String(i + 40), 40, 700 - i * 12, 8))];
    const kept = dropLineNumbers(items);
    expect(kept.dropped).toBe(12);
    const { text } = layoutPages([{ width: W, height: H, items }]);
    expect(text).not.toMatch(/\b4\d\b/);
    expect(text).toContain('line 3 of a manuscript with 3 numbers');
  });

  it('keeps superscripts on their line, joins split ligatures and spaces words', () => {
    const items = [item('hypermutatio', 72, 600), item('n', 132, 600), item('8,9', 140, 604, 6), item('. Several a', 149.5, 600), item('ffinity', 149.5 + 11 * 5, 600)];
    const rows = groupRows(items);
    expect(rows).toHaveLength(1);
    const { text } = layoutPages([{ width: W, height: H, items }]);
    expect(text).toBe('hypermutation ⁸,⁹. Several affinity');
  });

  it('writes raised numbers as superscripts, so a citation flush against a name stays apart from it', () => {
    // from a shared research PDF: "IARS1" at 9 pt, then the citation "36" at 6 pt, raised 4 pt, with no gap
    const cited = [item('whereas EARS1 interacts directly with IARS1', 36, 66.5, 9), { ...item('36', 0, 70.5, 6), x: 36 + 43 * 4.5 }];
    expect(layoutPages([{ width: W, height: H, items: cited }]).text).toBe('whereas EARS1 interacts directly with IARS1³⁶');
    // a run of raised items ("5", "–", "7") and an exponent with its sign ("s" "-1")
    const run = [item('as shown', 72, 600), item('5', 112, 604, 6), item('–', 115, 604, 6), item('7', 118, 604, 6), item(' at 2 s', 121, 600), item('-1', 156, 604, 6)];
    expect(layoutPages([{ width: W, height: H, items: run }]).text).toBe('as shown⁵–⁷ at 2 s⁻¹');
    // subscripts, raised letters and ion charges keep their characters
    const kept = [item('H', 72, 600), item('2', 77, 598, 6), item('O and Ca', 80, 600), item('2+', 120, 604, 6), item(' with IL', 128, 600), item('a', 168, 604, 6)];
    expect(layoutPages([{ width: W, height: H, items: kept }]).text).toBe('H2O and Ca2+ with ILa');
  });

  it('makes headings, legends, figure labels and table rows blocks of their own', () => {
    const items = [
      item('Results', 72, 700, 14, 'bold'),
      ...column(72, 680, ['The receptor activates the kinase in every cell line that we', 'tested, and the effect was strong and lasting over days.']),
      item('Figure 1. The receptor activates the kinase in cells.', 72, 600, 8),
      item('0.5', 80, 560, 6), item('1.0', 80, 550, 6), item('1.5', 80, 540, 6),
      item('Gene', 72, 500), item('Fold', 200, 500), item('p', 300, 500),
      item('ERBB2', 72, 488), item('2.5', 200, 488), item('0.01', 300, 488),
      item('EGFR', 72, 476), item('1.1', 200, 476), item('0.40', 300, 476),
    ];
    const { text, layout } = layoutPages([{ width: W, height: H, items }]);
    const kinds = layout.map((b) => `${b.kind}:${text.slice(b.start, b.end).split('\n')[0]}`);
    expect(kinds).toEqual([
      'heading:Results',
      'body:The receptor activates the kinase in every cell line that we',
      'caption:Figure 1. The receptor activates the kinase in cells.',
      'figure:0.5',
      'table:Gene\tFold\tp',
      'table:ERBB2\t2.5\t0.01',
      'table:EGFR\t1.1\t0.40',
    ]);
  });

  it('moves a legend that interrupts a paragraph after the paragraph continues', () => {
    const page1: PdfPage = { width: W, height: H, items: [...column(72, 700, ['The receptor activates the kinase in every cell line that we', 'tested and the effect was']), item('Figure 2. A legend of the figure.', 72, 100, 8)] };
    const page2: PdfPage = { width: W, height: H, items: column(72, 700, ['strong and lasting over days in every one of the tested lines.']) };
    const { text } = layoutPages([page1, page2]);
    expect(text.indexOf('the effect was\nstrong')).toBeGreaterThan(0);
    expect(text.indexOf('Figure 2.')).toBeGreaterThan(text.indexOf('strong and lasting'));
  });

  it('keeps one copy of text drawn twice, slightly offset, and keeps adjacent items', () => {
    const first = column(72, 700, ['group. Furthermore, sequencing confirmed the efficacy of', 'gut microbiota and the abundance of many species']);
    const second = column(74, 698, ['group. Furthermore, sequencing confirmed the efficacy', 'of gut microbiota and the abundance of many species'], 9);
    const { kept, dropped } = dropOverlaidItems([...first, ...second, item('next to it', 400, 700)]);
    expect(dropped).toBe(2);
    expect(kept.map((it) => it.str)).toEqual([...first.map((it) => it.str), 'next to it']);
  });

  it('takes the title from size, or from another font in body size (bold) at the top of page 1', () => {
    const body = column(72, 600, ['The receptor activates the kinase in every cell line that we', 'tested, and the effect was strong and lasting over days.']);
    const big = layoutPages([{ width: W, height: H, items: [item('Receptors drive kinases', 72, 700, 16), ...body] }]);
    const bold = layoutPages([{ width: W, height: H, items: [item('Receptors drive kinases', 72, 700, 10, 'bold'), ...body] }]);
    for (const r of [big, bold]) expect(r.layout.map((b) => b.kind)).toEqual(['title', 'body']);
  });
});
