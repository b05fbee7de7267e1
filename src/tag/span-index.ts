/**
 * Questions about a set of spans in O(log n) each instead of a scan of every span (a scan per
 * match or per abbreviation is quadratic in a long document). Built once over the spans sorted
 * by start, with running extremes of their ends.
 */
type Span = { start: number; end: number };

/**
 * Orders and keys written once at module level. An arrow inside a function is a new closure at
 * each call, and V8 drops a closure's optimized code once its closures are collected (a worker
 * runs a full collection between items), so such an arrow was compiled again every few items.
 */
export const byStart = (a: Span, b: Span) => a.start - b.start;
export const byStartThenEnd = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
export const startOf = (s: Span) => s.start;

/** index of the first number >= at in ascending numbers (how many are below it) */
export function firstStart(starts: number[], at: number): number {
  let lo = 0, hi = starts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < at) lo = mid + 1; else hi = mid; }
  return lo;
}

/** does [start, end) overlap a span? Some span starting before `end` overlaps exactly when the largest end among them passes `start`. */
export function spanOverlap(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort(byStart);
  const starts = sorted.map(startOf);
  const maxEnd: number[] = [];
  for (const s of sorted) maxEnd.push(Math.max(s.end, maxEnd.at(-1) ?? -Infinity));
  return (start, end) => {
    const k = firstStart(starts, end);
    return k > 0 && maxEnd[k - 1] > start;
  };
}

/** does a span lie within [start, end]? Some span starting at or after `start` does exactly when the smallest end among them is at most `end`. */
export function spanInside(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort(byStart);
  const starts = sorted.map(startOf);
  const minEnd: number[] = new Array(sorted.length);
  for (let i = sorted.length - 1; i >= 0; i--) minEnd[i] = Math.min(sorted[i].end, minEnd[i + 1] ?? Infinity);
  return (start, end) => {
    const k = firstStart(starts, start);
    return k < sorted.length && minEnd[k] <= end;
  };
}

/**
 * The spans overlapping [start, end), in O(log n + spans within the longest span's reach): spans
 * sorted by start, and only those starting after `start - longest` can reach `start`. Spans may be
 * added in ascending start order (checked: out of order, a query scans the additions).
 */
export class OverlapIndex<T extends Span> {
  private readonly base: T[];
  private readonly baseStarts: number[];
  private readonly baseLongest: number;
  private readonly added: T[] = [];
  private readonly addedStarts: number[] = [];
  private addedLongest = 0;
  private addedSorted = true;

  constructor(spans: readonly T[]) {
    this.base = [...spans].sort(byStart);
    this.baseStarts = this.base.map(startOf);
    this.baseLongest = this.base.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  }

  add(span: T): void {
    const last = this.added.at(-1);
    if (last && span.start < last.start) this.addedSorted = false;
    this.added.push(span);
    this.addedStarts.push(span.start);
    this.addedLongest = Math.max(this.addedLongest, span.end - span.start);
  }

  /** spans (base, then additions) overlapping [start, end) that `keep` accepts */
  overlapping(start: number, end: number, keep: (s: T) => boolean = () => true): T[] {
    const out: T[] = [];
    for (let k = firstStart(this.baseStarts, start - this.baseLongest + 1); k < this.base.length && this.base[k].start < end; k++) {
      const s = this.base[k];
      if (s.end > start && keep(s)) out.push(s);
    }
    for (let k = this.addedSorted ? firstStart(this.addedStarts, start - this.addedLongest + 1) : 0; k < this.added.length; k++) {
      const s = this.added[k];
      if (this.addedSorted && s.start >= end) break;
      if (s.start < end && s.end > start && keep(s)) out.push(s);
    }
    return out;
  }
}
