/**
 * PDF → the text a reader sees, from the positions and font sizes pdf.js gives (pdfjs-dist,
 * the engine pdf-parse wraps; pdf-parse's text API returns no positions). Running headers,
 * page numbers, line numbers and margin stamps are not part of the extracted text; the
 * layout blocks say which stretches are headings, legends, figure labels and table rows.
 */
import type { LayoutBlock } from './document.js';
import { bodyStyle, groupBlocks, keepParagraphsWhole, renderBlocks } from './pdf-blocks.js';
import { dropRunningItems, dropRunningLines, lineNumberEdges, pageLines, type DropReason, type PdfItem, type PdfPage } from './pdf-lines.js';

export interface PdfText {
  text: string;
  layout: LayoutBlock[];
  /** what was left out of the text, by reason */
  dropped: Record<DropReason | 'rotated', number>;
}

/** Reads every page's text items with position, size and font. Rotated text (margin stamps, axis titles) is counted and left out. */
async function readPages(bytes: Uint8Array): Promise<{ pages: PdfPage[]; rotated: number }> {
  // imported when the first PDF is read: a run without PDFs never loads pdf.js (nor its polyfills, which replace Array.prototype.push)
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PdfPage[] = [];
    let rotated = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , d, e, f] = it.transform as number[];
        if (Math.abs(b) > 0.05 * Math.abs(a) || a <= 0 || d <= 0) { if (it.str.trim()) rotated++; continue; }
        items.push({ str: it.str, x: e - x0, y: f - y0, width: it.width, size: Math.abs(d), font: it.fontName });
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    return { pages, rotated };
  } finally {
    await doc.destroy();
  }
}

/** Lays out positioned pages as reading-order text with blocks (pure, for tests on synthetic pages). */
export function layoutPages(pages: PdfPage[]): Omit<PdfText, 'dropped'> & { dropped: Record<DropReason, number> } {
  const dropped: Record<DropReason, number> = { 'line-number': 0, 'running-header': 0, 'page-number': 0, margin: 0, overlaid: 0 };
  const edges = lineNumberEdges(pages);
  const cleaned = dropRunningItems(pages, dropped);
  const perPage = cleaned.map((page, i) => {
    const r = pageLines(page, i + 1, edges);
    for (const k of Object.keys(dropped) as DropReason[]) dropped[k] += r.dropped[k];
    return r.lines;
  });
  const lines = dropRunningLines(perPage, pages.map((p) => p.height), dropped).flat();
  if (!lines.length) return { text: '', layout: [], dropped };
  const blocks = keepParagraphsWhole(groupBlocks(lines, bodyStyle(lines), pages.map((p) => p.width), pages[0].height));
  return { ...renderBlocks(blocks), dropped };
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const { pages, rotated } = await readPages(bytes);
  const laid = layoutPages(pages);
  return { ...laid, dropped: { ...laid.dropped, rotated } };
}
