/**
 * Reading-order lines → blocks a reader sees (title, headings, body paragraphs, figure and
 * table legends, figure-internal labels, table rows) and the extracted text they make.
 * Typography decides where pdf.js gives it: font size and font identity against the body.
 */
import type { LayoutBlock, LayoutKind } from './document.js';
import type { PdfLine } from './pdf-lines.js';

export interface Block {
  kind: LayoutKind;
  lines: PdfLine[];
}

/** Body typography: the font size and font holding most characters. */
export interface BodyStyle {
  size: number;
  font: string;
}

export function bodyStyle(lines: PdfLine[]): BodyStyle {
  const sizes = new Map<number, number>();
  const fonts = new Map<string, number>();
  for (const l of lines) {
    sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
    fonts.set(l.font, (fonts.get(l.font) ?? 0) + l.text.length);
  }
  const top = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1])[0][0];
  return { size: top(sizes), font: top(fonts) };
}

/** Section names a heading may carry on its own (numbering and case aside). */
export const SECTION_NAME = /^(abstract|summary|introduction|background|results?( and discussion)?|discussion|conclusions?|concluding remarks|(materials? and |experimental |online |star ?)?methods?( and materials?)?|materials|experimental (procedures|section)|method details|references( and notes)?|bibliography|literature cited|acknowledge?ments?|funding|supplementary (material|information|data)|supporting information|author contributions?|competing interests?|conflicts? of interest|declaration of interests|data availability( statement)?|keywords?|highlights|in brief|graphical abstract|significance|star\W*methods|resource availability|key resources table|method details|experimental model and .{0,40}details|quantification and statistical analysis)\b/i;
const CAPTION = /^(supplementary |extended data |supplemental )?(fig(ure)?s?\.?|table|scheme)\s*S?\d{1,3}[A-Za-z]?\s*(\.|:|\||\s[-–—]|$|\s(?=[A-Z(]))/i;
const NUMBERED = /^(\d{1,2}(\.\d{1,2}){0,3}\.?|[IVX]{1,4}\.|[A-H]\.)\s+\S/;

const stripNumber = (t: string) => t.replace(/^(\d{1,2}(\.\d{1,2}){0,3}\.?|[IVX]{1,4}\.)\s+/, '');

/** A line that stands as a heading: short, no sentence end, and set apart by size or font or named. */
export function isHeadingLine(line: PdfLine, body: BodyStyle): boolean {
  const t = line.text;
  if (t.length > 120 || t.length < 3 || /[,;]$/.test(t) || line.cells.length > 1) return false;
  if (t.split(/\s+/).length > 16 || !/[A-Za-z]{3}/.test(t)) return false;
  if (CAPTION.test(t)) return false;
  const named = SECTION_NAME.test(stripNumber(t)) && stripNumber(t).length <= 45;
  const bigger = line.size >= body.size + 1;
  const otherFont = line.font !== body.font;
  if (named && (bigger || otherFont || t === t.toUpperCase() || !/[.:]$/.test(t))) return true;
  if (/[.:]$/.test(t) && !bigger) return false;
  // a short line in capitals in another font: "RESOURCE AVAILABILITY"
  if (otherFont && t.length <= 60 && /[A-Z]{4}/.test(t) && t === t.toUpperCase()) return true;
  return (bigger && t.length <= 100) || (otherFont && NUMBERED.test(t) && line.size >= body.size - 0.5);
}

/** The title: the largest text in the top half of the first page, larger than the body, two words at least. */
function titleLines(lines: PdfLine[], body: BodyStyle, pageHeight: number): Set<PdfLine> {
  const first = lines.filter((l) => l.page === 1 && l.y > pageHeight * 0.4 && /[A-Za-z]{3}.*\s.*[A-Za-z]{3}/.test(l.text));
  if (!first.length) return new Set();
  const size = Math.max(...first.map((l) => l.size));
  if (size < body.size + 2) return boldTitle(lines, body);
  const title = first.filter((l) => l.size >= size - 0.5);
  return new Set(title.length <= 4 ? title : []);
}

/** a numbered or named heading starts a block of its own, never continues the one above */
const startsHeading = (t: string) => NUMBERED.test(t) || SECTION_NAME.test(stripNumber(t));

/** The usual distance between baselines of body lines on a page (double-spaced manuscripts: twice the font size; their reference lists: single). */
function bodyLeading(lines: PdfLine[], body: BodyStyle): number {
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.page !== b.page || a.column !== b.column || a.size !== body.size || b.size !== body.size) continue;
    const gap = Math.round(a.y - b.y);
    if (gap > 0 && gap < body.size * 3) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  return [...gaps].sort((x, y) => y[1] - x[1])[0]?.[0] ?? body.size * 1.2;
}

/** A title in body size set in another font (bold): the first lines of page 1, three words at least. */
function boldTitle(lines: PdfLine[], body: BodyStyle): Set<PdfLine> {
  const first = lines[0];
  if (!first || first.page !== 1 || first.font === body.font || first.size < body.size - 0.5 || first.text.split(/\s+/).length < 3 || SECTION_NAME.test(first.text)) return new Set();
  const title = [first];
  for (const l of lines.slice(1, 4)) if (l.font === first.font && l.size === first.size) title.push(l); else break;
  return new Set(title);
}

/** a reference list entry in small type ("(2018) ... Nat. Methods, 15, 505–511.") is no legend */
const CITATION = /\((19|20)\d{2}[a-z]?\)|\bet al\.|\b\d{1,4}, \d{1,6}[–-]\d{1,6}\b|\b(19|20)\d{2}[;,]\s?\d/;

const shortLine = (l: PdfLine, columnWidth: number) => l.right - l.x < columnWidth * 0.45;

/**
 * Groups lines into blocks. A block breaks at a change of column or page, a vertical gap
 * wider than the line spacing, a change of size, or a heading line.
 */
export function groupBlocks(lines: PdfLine[], body: BodyStyle, pageWidths: number[], pageHeight: number): Block[] {
  const blocks: Block[] = [];
  const title = titleLines(lines, body, pageHeight);
  const leading = new Map<number, number>();
  for (const l of lines) if (!leading.has(l.page)) leading.set(l.page, bodyLeading(lines.filter((m) => m.page === l.page), body));
  let cur: Block | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = i > 0 ? lines[i - 1] : undefined;
    const heading = title.has(l) ? 'title' : isHeadingLine(l, body) ? 'heading' : undefined;
    const caption = CAPTION.test(l.text);
    const sameFlow = prev && cur && prev.page === l.page && prev.column === l.column && prev.band === l.band;
    const gap = prev ? prev.y - l.y : 0;
    const spacing = Math.max(Math.max(l.size, prev?.size ?? 0) * 1.75, leading.get(l.page)! * 1.3);
    const sameStyle = prev && Math.abs(prev.size - l.size) < 0.8;
    const continues = sameFlow && gap > 0 && gap <= spacing && sameStyle && !caption &&
      (heading ? cur!.kind === heading && !startsHeading(l.text) && !startsHeading(prev!.text) : cur!.kind !== 'heading' && cur!.kind !== 'title');
    // a legend set smaller than the body runs on past a paragraph gap in its own size
    const legendRunsOn = cur?.kind === 'caption' && prev!.page === l.page && !heading && !caption && gap > 0 && gap <= spacing * 2.5 &&
      Math.abs(prev!.size - l.size) < 0.3 && l.size <= body.size - 0.5;
    if (continues || legendRunsOn) { cur!.lines.push(l); continue; }
    cur = { kind: heading ?? (caption ? 'caption' : 'body'), lines: [l] };
    blocks.push(cur);
  }
  for (const b of blocks) if (b.kind === 'body') b.kind = bodyKind(b, body, pageWidths[b.lines[0].page - 1]);
  // a legend continued in another column: small type, starting mid-sentence, on a page with a legend
  let legendPage = 0;
  for (const b of blocks) {
    if (b.kind === 'caption') legendPage = b.lines[0].page;
    else if (b.kind === 'body' && b.lines[0].page === legendPage && b.lines[0].size <= body.size - 1 && /^[a-z(]/.test(b.lines[0].text) && !CITATION.test(blockText(b))) b.kind = 'caption';
  }
  return blocks;
}

/** A body block that is really figure labels (short runs, axis ticks) or table rows. */
function bodyKind(b: Block, body: BodyStyle, pageWidth: number): LayoutKind {
  const columnWidth = b.lines[0].column === 0 ? pageWidth * 0.75 : pageWidth * 0.4;
  const celled = b.lines.filter((l) => l.cells.length > 1).length;
  if (celled >= 2 && celled >= b.lines.length * 0.5) return 'table';
  const chars = b.lines.reduce((n, l) => n + l.text.length, 0);
  const short = b.lines.filter((l) => shortLine(l, columnWidth)).length;
  const joined = b.lines.map((l) => l.text).join(' ');
  // running words, or a sentence of three words or more ("Lapatinib inhibits HER2.")
  const prose = /[a-z]{3,} [a-z]{2,} [a-z]{2,}/.test(joined) || (/[a-z]{3,} \S/.test(joined) && /[.!?]$/.test(joined) && joined.split(' ').length >= 3);
  if (celled >= 1 && !prose) return 'figure';
  if (short === b.lines.length && (!prose || b.lines[0].size < body.size - 1.5) && chars < 200) return 'figure';
  if (b.lines.length >= 3 && short >= b.lines.length * 0.8 && !prose) return 'figure';
  return 'body';
}

/** Text a block contributes: lines joined by newlines; table rows are cells joined by tabs. */
function blockText(b: Block): string {
  return b.lines.map((l) => (b.kind === 'table' ? l.cells.join('\t') : l.text)).join('\n');
}

const endsSentence = (t: string) => /[.!?:]["')\]]?$/.test(t.trim());

/** The next block carries on the sentence: it starts in lower case (or the first ends in a hyphen), in the same type size. */
function continuesInto(b: Block, next: Block): boolean {
  const last = b.lines[b.lines.length - 1];
  const first = next.lines[0];
  return Math.abs(last.size - first.size) < 0.5 && (/^[a-z(0-9,;]/.test(first.text) || /-$/.test(last.text));
}

/**
 * Floats (legends, figure labels, tables) that interrupt a paragraph running on into the
 * next column or page move after the paragraph's continuation, so its sentences stay whole.
 */
export function keepParagraphsWhole(blocks: Block[]): Block[] {
  const out = [...blocks];
  const float = (k: LayoutKind) => k === 'caption' || k === 'figure' || k === 'table';
  for (let i = 0; i < out.length; i++) {
    const b = out[i];
    if (b.kind !== 'body' || endsSentence(b.lines[b.lines.length - 1].text)) continue;
    let j = i + 1;
    while (j < out.length && float(out[j].kind)) j++;
    if (j === i + 1 || j >= out.length || out[j].kind !== 'body') continue;
    const next = out[j];
    if (!continuesInto(b, next)) continue;
    out.splice(i + 1, 0, ...out.splice(j, 1));
  }
  return out;
}

/** The extracted text and its blocks (offsets into that text). */
export function renderBlocks(blocks: Block[]): { text: string; layout: LayoutBlock[] } {
  let text = '';
  const layout: LayoutBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const prev = blocks[i - 1];
    // a paragraph continued from the previous column or page joins it as a wrapped line
    const joined = prev && prev.kind === 'body' && b.kind === 'body' && !endsSentence(prev.lines[prev.lines.length - 1].text) && continuesInto(prev, b);
    if (i > 0) text += joined ? '\n' : '\n\n';
    const body = blockText(b);
    if (b.kind === 'table') {
      // one block per row: rows are separate units, never glued into sentences
      let at = text.length;
      for (const row of body.split('\n')) { layout.push({ kind: 'table', start: at, end: at + row.length }); at += row.length + 1; }
    } else if (joined) layout[layout.length - 1].end = text.length + body.length;
    else layout.push({ kind: b.kind, start: text.length, end: text.length + body.length });
    text += body;
  }
  return { text, layout };
}
