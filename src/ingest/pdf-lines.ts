/**
 * PDF page items → reading-order lines. Pure functions over positioned text items (what
 * pdf.js gives), so they are tested on synthetic pages: line-number columns, running
 * headers/footers, page numbers and margin stamps are dropped; two-column pages are read
 * left column then right column, between full-width rows.
 */

/** One positioned run of text. PDF coordinates: x from the left, y = baseline from the bottom. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** font size (vertical scale of the text matrix) */
  size: number;
  /** pdf.js font id: the same id is the same font within a document */
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** A line of one column (or a full-width line), items left to right. */
export interface PdfLine {
  page: number;
  /** 0 full width or single column, else 1, 2, 3... from the left */
  column: number;
  /** index of the band of a page (full-width rows separate bands) */
  band: number;
  x: number;
  y: number;
  right: number;
  size: number;
  font: string;
  items: PdfItem[];
  /** text with spaces where the items leave a gap */
  text: string;
  /** text pieces separated by wide gaps (table cells, figure labels) */
  cells: string[];
}

/** Why an item or line was dropped, counted for the diagnostics. */
export type DropReason = 'line-number' | 'running-header' | 'page-number' | 'margin' | 'overlaid';

/** gap (in font sizes) above which two items are separate cells, not words */
const CELL_GAP = 1.6;
/** gap (in font sizes) above which a space is inserted between items */
const SPACE_GAP = 0.15;
/** share of the page height at top and bottom where running headers and page numbers sit */
const HEADER_BAND = 0.12;
/** share of the page width at each side that holds margin stamps, never body text */
const SIDE_MARGIN = 0.05;

const top = (it: PdfItem) => it.y + 0.8 * it.size;
const bottom = (it: PdfItem) => it.y - 0.25 * it.size;

/**
 * Line numbers (bioRxiv, manuscripts): a column of bare integers sharing a right edge, at
 * least 8 on the page and counting up line by line. Returns the items to keep.
 */
export function dropLineNumbers(items: PdfItem[], knownEdges: number[] = []): { kept: PdfItem[]; dropped: number; edges: number[] } {
  const groups = new Map<number, PdfItem[]>();
  const numbers = items.filter((it) => /^\d{1,4}$/.test(it.str.trim()));
  for (const it of numbers) {
    const key = Math.round((it.x + it.width) / 4);
    const near = [key - 1, key, key + 1].find((k) => groups.has(k));
    if (near !== undefined) groups.get(near)!.push(it);
    else groups.set(key, [it]);
  }
  const drop = new Set<PdfItem>();
  const edges: number[] = [];
  for (const g of groups.values()) {
    if (g.length < 8) continue;
    const byY = [...g].sort((a, b) => b.y - a.y);
    let up = 0;
    for (let i = 1; i < byY.length; i++) if (Number(byY[i].str) > Number(byY[i - 1].str)) up++;
    if (up < 0.8 * (byY.length - 1)) continue;
    for (const it of g) drop.add(it);
    edges.push(g[0].x + g[0].width);
  }
  // pages with few lines (figures, tables) keep the column the other pages show
  for (const it of numbers) if (knownEdges.some((e) => Math.abs(it.x + it.width - e) <= 3)) drop.add(it);
  return { kept: items.filter((it) => !drop.has(it)), dropped: drop.size, edges };
}

/** Right edges of the line-number columns found on any page of the document. */
export function lineNumberEdges(pages: PdfPage[]): number[] {
  const edges = pages.flatMap((p) => dropLineNumbers(p.items.filter((it) => it.str.trim())).edges);
  return edges.filter((e, i) => edges.findIndex((f) => Math.abs(f - e) <= 3) === i);
}

/**
 * Long items (12+ characters) in the header or footer band repeated on 3 pages or more:
 * stamps such as bioRxiv's licence line, dropped even where they share a row with text.
 */
export function dropRunningItems(pages: PdfPage[], dropped: Record<DropReason, number>): PdfPage[] {
  const inBand = (it: PdfItem, p: PdfPage) => it.y > p.height * (1 - HEADER_BAND) || it.y < p.height * HEADER_BAND;
  const pagesOf = new Map<string, number>();
  for (const p of pages) {
    const keys = new Set(p.items.filter((it) => it.str.trim().length >= 12 && inBand(it, p)).map((it) => headerKey(it.str)));
    for (const k of keys) pagesOf.set(k, (pagesOf.get(k) ?? 0) + 1);
  }
  const minPages = Math.min(3, Math.max(2, pages.length));
  return pages.map((p) => ({
    ...p,
    items: p.items.filter((it) => {
      const repeated = it.str.trim().length >= 12 && inBand(it, p) && (pagesOf.get(headerKey(it.str)) ?? 0) >= minPages;
      if (repeated) dropped['running-header']++;
      return !repeated;
    }),
  }));
}

/**
 * A second text layer drawn over the first (some publishers' PDFs carry two copies of the
 * body text, slightly offset): an item of 5+ characters whose box mostly lies on an earlier
 * item's box is dropped, so the two copies never interleave.
 */
export function dropOverlaidItems(items: PdfItem[]): { kept: PdfItem[]; dropped: number } {
  const box = (it: PdfItem) => ({ x0: it.x, x1: it.x + it.width, y0: bottom(it), y1: top(it) });
  const kept: PdfItem[] = [];
  const long = items.map((it, i) => ({ it, i, b: box(it) })).filter((e) => e.it.str.trim().length >= 5).sort((a, b) => a.b.y0 - b.b.y0);
  const drop = new Set<PdfItem>();
  for (let a = 0; a < long.length; a++) {
    for (let b = a + 1; b < long.length && long[b].b.y0 < long[a].b.y1; b++) {
      const [p, q] = long[a].i < long[b].i ? [long[a], long[b]] : [long[b], long[a]];
      if (drop.has(p.it) || drop.has(q.it)) continue;
      const w = Math.min(p.b.x1, q.b.x1) - Math.max(p.b.x0, q.b.x0);
      const h = Math.min(p.b.y1, q.b.y1) - Math.max(p.b.y0, q.b.y0);
      const smaller = Math.min((p.b.x1 - p.b.x0) * (p.b.y1 - p.b.y0), (q.b.x1 - q.b.x0) * (q.b.y1 - q.b.y0));
      if (w > 0 && h > 0 && w * h > 0.5 * smaller) drop.add(q.it);
    }
  }
  for (const it of items) if (!drop.has(it)) kept.push(it);
  return { kept, dropped: drop.size };
}

/** Rows: items sharing a baseline (superscripts and subscripts included), top to bottom. */
export function groupRows(items: PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { anchor: PdfItem; items: PdfItem[] }[] = [];
  for (const it of sorted) {
    let best: (typeof rows)[number] | undefined;
    let bestOverlap = 0.5;
    for (let r = rows.length - 1; r >= 0 && r >= rows.length - 4; r--) {
      const a = rows[r].anchor;
      const overlap = (Math.min(top(a), top(it)) - Math.max(bottom(a), bottom(it))) / Math.min(top(a) - bottom(a), top(it) - bottom(it));
      if (overlap > bestOverlap) { bestOverlap = overlap; best = rows[r]; }
    }
    if (best) {
      best.items.push(it);
      if (it.size > best.anchor.size) best.anchor = it;
    } else rows.push({ anchor: it, items: [it] });
  }
  return rows.map((r) => r.items.sort((a, b) => a.x - b.x));
}

/**
 * The x of each gutter between columns (none for a single column): a vertical strip that at
 * most as many rows cross (full-width title, abstract and figures) as stop short of it, with
 * column text on both sides.
 */
export function findGutters(rows: PdfItem[][], width: number): number[] {
  // rows of a few characters (figure labels, axis ticks) do not decide the columns
  const textRows = rows.filter((r) => r.reduce((n, it) => n + it.str.length, 0) >= 15);
  if (textRows.length < 10) return [];
  const step = 2;
  const need = Math.max(5, 0.15 * textRows.length);
  const gutters: number[] = [];
  // a run of acceptable strips; its gutter is the middle of its least-crossed stretch
  let run: { x: number; crossing: number }[] = [];
  const close = () => {
    if (run.length * step >= 6) {
      const least = Math.min(...run.map((b) => b.crossing));
      let from = -1;
      let bestFrom = 0;
      let bestLength = 0;
      run.forEach((b, i) => {
        if (b.crossing === least) { if (from < 0) from = i; if (i - from + 1 > bestLength) { bestLength = i - from + 1; bestFrom = from; } }
        else from = -1;
      });
      gutters.push(run[bestFrom].x + (bestLength * step) / 2);
    }
    run = [];
  };
  for (let x = width * 0.2; x <= width * 0.8; x += step) {
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const r of textRows) {
      if (r.some((it) => it.x < x + step && it.x + it.width > x)) { crossing++; continue; }
      if (r.some((it) => it.x + it.width <= x)) left++;
      if (r.some((it) => it.x >= x + step)) right++;
    }
    if (left >= need && right >= need && crossing <= textRows.length - crossing) run.push({ x, crossing });
    else close();
  }
  close();
  return gutters;
}

const LIST_MARKER = /^(\[?\d{1,3}[.)\]]?|[•·▪–-]|[a-z][.)])$/;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** what a raised run of digits may hold: citation numbers ("36", "12,13", "5–7") and exponents ("2", "-1") */
const RAISED_NUMBER = /^[\d,–−-]+$/;

/** A raised, smaller item rising from `base` (its line's body text). */
export const isRaised = (it: PdfItem, base: PdfItem) => it.size <= 0.8 * base.size && it.y - base.y >= 0.2 * base.size;

/**
 * Raised numbers in superscript digits, as a reader sees them: a citation number set flush against
 * a word ("IARS1" + "36") would otherwise read as another name ("IARS136"); "cm²" and "10⁵" stay right too.
 */
const superscript = (s: string) => s.replace(/[\d−-]/g, (c) => (c === '-' || c === '−' ? '⁻' : SUPERSCRIPT_DIGITS[Number(c)]));

/** Joins a row's items into text, with spaces at gaps and cells at wide gaps. */
export function lineOf(items: PdfItem[], page: number, column: number, band: number): PdfLine {
  let text = '';
  const cells: string[] = [];
  let cell = '';
  const weight = new Map<string, number>();
  const sizes = new Map<number, number>();
  // the last item of body text, which a run of raised items ("36", ",", "37") rises from
  let base = items[0];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    let str = it.str;
    if (i > 0) {
      const prev = items[i - 1];
      const gap = it.x - (prev.x + prev.width);
      const em = Math.max(prev.size, it.size);
      // a wide gap after a list marker ("12.", "•") is a hanging indent, not a cell
      if (gap > CELL_GAP * em && !LIST_MARKER.test(cell.trim())) { cells.push(cell.trim()); cell = ''; }
      if (gap > SPACE_GAP * em && !/\s$/.test(text) && !/^\s/.test(it.str)) { text += ' '; cell += ' '; }
      if (isRaised(it, base) && RAISED_NUMBER.test(str)) str = superscript(str);
      else base = it;
    }
    text += str;
    cell += str;
    const n = it.str.trim().length;
    weight.set(it.font, (weight.get(it.font) ?? 0) + n);
    const s = Math.round(it.size * 2) / 2;
    sizes.set(s, (sizes.get(s) ?? 0) + n);
  }
  cells.push(cell.trim());
  const last = items[items.length - 1];
  return {
    page, column, band,
    x: items[0].x,
    y: Math.min(...items.map((it) => it.y)),
    right: last.x + last.width,
    size: argmax(sizes) ?? items[0].size,
    font: argmax(weight) ?? items[0].font,
    items,
    text: text.replace(/\s+/g, ' ').trim(),
    cells: cells.filter(Boolean),
  };
}

function argmax<K>(m: Map<K, number>): K | undefined {
  let best: K | undefined;
  let n = -1;
  for (const [k, v] of m) if (v > n) { n = v; best = k; }
  return best;
}

/** One page's lines in reading order: bands of full-width rows, in a band left column then right. */
export function pageLines(page: PdfPage, pageNumber: number, lineNumberColumns: number[] = []): { lines: PdfLine[]; dropped: Record<DropReason, number> } {
  const dropped: Record<DropReason, number> = { 'line-number': 0, 'running-header': 0, 'page-number': 0, margin: 0, overlaid: 0 };
  const visible = page.items.filter((it) => it.str.trim() && it.size > 0);
  const overlaid = dropOverlaidItems(visible);
  dropped.overlaid = overlaid.dropped;
  const ln = dropLineNumbers(overlaid.kept, lineNumberColumns);
  dropped['line-number'] = ln.dropped;
  const items = ln.kept.filter((it) => {
    const inMargin = it.x + it.width < page.width * SIDE_MARGIN || it.x > page.width * (1 - SIDE_MARGIN);
    if (inMargin) dropped.margin++;
    return !inMargin;
  });
  const rows = groupRows(items);
  const gutters = findGutters(rows, page.width);
  const lines: PdfLine[] = [];
  let band = 0;
  let columns: PdfLine[][] = gutters.map(() => []).concat([[]]);
  const flush = () => { for (const c of columns) lines.push(...c); columns = columns.map(() => []); };
  for (const row of rows) {
    const spanning = row.some((it) => gutters.some((g) => it.x < g && it.x + it.width > g));
    if (spanning || !gutters.length) {
      if (columns.some((c) => c.length)) { flush(); band++; }
      lines.push(lineOf(row, pageNumber, 0, band));
      continue;
    }
    const columnOf = (it: PdfItem) => gutters.filter((g) => it.x >= g).length;
    for (let c = 0; c < columns.length; c++) {
      const part = row.filter((it) => columnOf(it) === c);
      if (part.length) columns[c].push(lineOf(part, pageNumber, c + 1, band));
    }
  }
  flush();
  return { lines, dropped };
}

const PAGE_NUMBER = /^(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|\/)\s*\d{1,4})?$/i;
const headerKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Drops running headers and footers (the same text, digits aside, in the top or bottom band
 * of at least 3 pages, or of every page of a short document) and bare page numbers there.
 */
export function dropRunningLines(pages: PdfLine[][], heights: number[], dropped: Record<DropReason, number>): PdfLine[][] {
  const inBand = (l: PdfLine) => l.y > heights[l.page - 1] * (1 - HEADER_BAND) || l.y < heights[l.page - 1] * HEADER_BAND;
  const pagesOf = new Map<string, Set<number>>();
  for (const lines of pages)
    for (const l of lines) {
      if (!inBand(l)) continue;
      const k = headerKey(l.text);
      if (!pagesOf.has(k)) pagesOf.set(k, new Set());
      pagesOf.get(k)!.add(l.page);
    }
  const minPages = Math.min(3, Math.max(2, pages.length));
  return pages.map((lines) =>
    lines.filter((l) => {
      if (!inBand(l)) return true;
      if (PAGE_NUMBER.test(l.text)) { dropped['page-number']++; return false; }
      if ((pagesOf.get(headerKey(l.text))?.size ?? 0) >= minPages) { dropped['running-header']++; return false; }
      return true;
    }),
  );
}
