/**
 * Sentences of a structured document (PubMed XML, BioC, JATS): the outline from ingest gives
 * the blocks, their sections and headings, so nothing is guessed from line shapes. Blocks are
 * in original offsets; the OffsetMap tells which normalized characters fall in each block.
 * Out-of-scope sections (references, acknowledgements, ...) are skipped by the same list
 * Markdown headings go through (sectionSkip).
 */
import type { OutlineBlock } from '../ingest/layout.js';
import type { OffsetMap } from '../normalize/offset-map.js';
import { sectionSkip } from './sections.js';
import type { Sentence } from './segment.js';
import { splitSentences } from './sentences.js';
import { capSentences } from './sentence-cap.js';

export function segmentOutline(text: string, map: OffsetMap, outline: OutlineBlock[]): Sentence[] {
  const sentences: Sentence[] = [];
  const originalStart = (i: number) => map.toOriginal(i, i + 1).start;
  let i = 0;
  for (const block of outline) {
    while (i < text.length && originalStart(i) < block.start) i++;
    const from = i;
    while (i < text.length && originalStart(i) < block.end) i++;
    if (i <= from) continue;
    const spans = block.heading ? [trimmed(text, from, i)] : splitSentences(text, from, i);
    const skip = sectionSkip(block.section);
    for (const s of spans) if (s.end > s.start) sentences.push({ index: sentences.length, start: s.start, end: s.end, section: block.section, skip });
  }
  return capSentences(text, sentences);
}

/** a heading is one sentence, whatever punctuation it holds */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
