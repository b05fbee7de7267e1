/** segment: normalized text → sentences with their section and scope. */
import { splitParagraphs } from './sections.js';
import { splitSentences } from './sentences.js';

export interface Sentence {
  index: number;
  /** offsets into the normalized text */
  start: number;
  end: number;
  section: string;
  /** why the sentence is out of scope (references, affiliations, headings), or null */
  skip: string | null;
}

export function segmentText(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of splitParagraphs(text)) {
    const spans = p.heading ? [{ start: p.start, end: p.end }] : splitSentences(text, p.start, p.end);
    for (const s of spans) sentences.push({ index: sentences.length, start: s.start, end: s.end, section: p.section, skip: p.skip });
  }
  return sentences;
}
