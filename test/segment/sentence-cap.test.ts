import { describe, expect, it } from 'vitest';
import { capSentences, MAX_SENTENCE_CHARS, pieces } from '../../src/segment/sentence-cap.js';
import { segmentText } from '../../src/segment/segment.js';

describe('sentence-length cap', () => {
  it('cuts a long sentence at the last white space before the cap; pieces are trimmed and within the cap', () => {
    const text = 'aaa bbb ccc ddd';
    expect(pieces(text, 0, text.length, 8).map(([s, e]) => text.slice(s, e))).toEqual(['aaa bbb', 'ccc ddd']);
    expect(pieces(text, 0, text.length, 5).map(([s, e]) => text.slice(s, e))).toEqual(['aaa', 'bbb', 'ccc', 'ddd']);
  });

  it('cuts at the cap itself when a piece holds no white space, never inside a surrogate pair', () => {
    const text = 'x'.repeat(9) + '😀' + 'y'.repeat(5);
    const cut = pieces(text, 0, text.length, 10);
    expect(cut.map(([s, e]) => text.slice(s, e))).toEqual(['x'.repeat(9), '😀' + 'y'.repeat(5)]);
    expect(cut.map(([s, e]) => e - s).every((n) => n <= 10)).toBe(true);
  });

  it('leaves sentences under the cap as they are and renumbers the pieces', () => {
    const text = `Short one. ${'HER2 '.repeat(2000)}end. Last one.`;
    const sentences = segmentText(text);
    expect(sentences.map((s) => s.index)).toEqual(sentences.map((_, i) => i));
    expect(sentences.every((s) => s.end - s.start <= MAX_SENTENCE_CHARS)).toBe(true);
    expect(text.slice(sentences[0].start, sentences[0].end)).toBe('Short one.');
    expect(text.slice(sentences.at(-1)!.start, sentences.at(-1)!.end)).toBe('Last one.');
    // every character that is not white space is in exactly one sentence
    const covered = sentences.reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s/g, '').length, 0);
    expect(covered).toBe(text.replace(/\s/g, '').length);
  });

  it('returns the same array when nothing is too long', () => {
    const sentences = segmentText('Lapatinib inhibits HER2. Neratinib inhibits EGFR.');
    expect(capSentences('', sentences)).toBe(sentences);
  });
});
