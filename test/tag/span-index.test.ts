import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OverlapIndex, spanInside, spanOverlap } from '../../src/tag/span-index.js';

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

  it('lists the spans overlapping a question as a scan does, with additions in or out of order and a filter', () => {
    const op = fc.oneof(fc.record({ add: span }), fc.record({ ask: span }));
    fc.assert(fc.property(fc.array(span, { maxLength: 30 }), fc.array(op, { maxLength: 40 }), fc.boolean(), (spans, ops, sortAdds) => {
      const index = new OverlapIndex(spans);
      const all = [...spans];
      const dropped = new Set(spans.filter((_, i) => i % 5 === 0));
      const keep = (x: { start: number; end: number }) => !dropped.has(x);
      let lastAdd = -Infinity;
      for (const o of ops) {
        if ('add' in o) {
          const x = sortAdds ? { start: Math.max(o.add.start, lastAdd), end: Math.max(o.add.start, lastAdd) + (o.add.end - o.add.start) } : o.add;
          lastAdd = x.start;
          index.add(x); all.push(x);
        } else {
          const want = all.filter((x) => x.start < o.ask.end && o.ask.start < x.end && keep(x));
          const got = index.overlapping(o.ask.start, o.ask.end, keep);
          expect(new Set(got)).toEqual(new Set(want));
          expect(got.length).toBe(want.length);
        }
      }
    }), { numRuns: 500, seed: 2026 });
  });
});
