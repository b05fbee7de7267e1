import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanInside, spanOverlap } from '../../src/tag/span-index.js';

// The earlier implementations (a scan of every span per question), kept as the reference.
const overlapScan = (spans: { start: number; end: number }[], start: number, end: number) => spans.some((x) => x.start < end && start < x.end);
const insideScan = (spans: { start: number; end: number }[], start: number, end: number) => spans.some((x) => x.start >= start && x.end <= end);

const span = fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 12 })).map(([start, len]) => ({ start, end: start + len }));

describe('span index', () => {
  it('answers overlap and containment as a scan of every span does (empty spans and shared edges included)', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 30 }), fc.array(span, { minLength: 1, maxLength: 20 }), (spans, questions) => {
      const overlaps = spanOverlap(spans), inside = spanInside(spans);
      for (const q of questions) {
        expect(overlaps(q.start, q.end)).toBe(overlapScan(spans, q.start, q.end));
        expect(inside(q.start, q.end)).toBe(insideScan(spans, q.start, q.end));
      }
    }), { numRuns: 500, seed: 2026 });
  });

  it('examples', () => {
    const spans = [{ start: 0, end: 4 }, { start: 10, end: 20 }];
    expect(spanOverlap(spans)(4, 10)).toBe(false); // touching is no overlap
    expect(spanOverlap(spans)(12, 13)).toBe(true); // inside a long span that starts earlier
    expect(spanInside(spans)(9, 20)).toBe(true);
    expect(spanInside(spans)(11, 30)).toBe(false);
    expect(spanOverlap([])(0, 5)).toBe(false);
    expect(spanInside([])(0, 5)).toBe(false);
  });
});
