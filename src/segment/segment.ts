/** segment: normalized text → sentences with their section and scope. */
import type { LayoutBlock } from '../ingest/document.js';
import { layoutParagraphs } from './layout-sections.js';
import { splitParagraphs } from './sections.js';
import { splitSentences } from './sentences.js';
import { capSentences } from './sentence-cap.js';

export interface Sentence {
  index: number;
  /** offsets into the normalized text */
  start: number;
  end: number;
  section: string;
  /** why the sentence is out of scope (references, affiliations, headings), or null */
  skip: string | null;
}

/**
 * Sentences of the normalized text. With layout blocks (PDF input, normalized offsets) the
 * paragraphs and sections come from the page layout; otherwise from blank lines and headings.
 */
export function segmentText(text: string, layout?: LayoutBlock[]): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = layout ? layoutParagraphs(text, layout) : splitParagraphs(text);
  for (const p of paragraphs) {
    // headings, table rows and figure labels are one unit each, never split or glued into sentences
    const whole = p.heading || p.table || p.skip === 'figure text';
    const spans = whole ? [{ start: p.start, end: p.end }] : splitSentences(text, p.start, p.end);
    for (const s of spans) sentences.push({ index: sentences.length, start: s.start, end: s.end, section: p.section, skip: p.skip });
  }
  return capSentences(text, sentences);
}
