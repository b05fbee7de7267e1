/**
 * Questions about a set of spans in O(log n) each instead of a scan of every span (a scan per
 * match or per abbreviation is quadratic in a long document). Built once over the spans sorted
 * by start, with running extremes of their ends.
 */
type Span = { start: number; end: number };

/** index of the first start >= at in ascending starts */
function firstStart(starts: number[], at: number): number {
  let lo = 0, hi = starts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < at) lo = mid + 1; else hi = mid; }
  return lo;
}

/** does [start, end) overlap a span? Some span starting before `end` overlaps exactly when the largest end among them passes `start`. */
export function spanOverlap(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const maxEnd: number[] = [];
  for (const s of sorted) maxEnd.push(Math.max(s.end, maxEnd.at(-1) ?? -Infinity));
  return (start, end) => {
    const k = firstStart(starts, end);
    return k > 0 && maxEnd[k - 1] > start;
  };
}

/** does a span lie within [start, end]? Some span starting at or after `start` does exactly when the smallest end among them is at most `end`. */
export function spanInside(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const minEnd: number[] = new Array(sorted.length);
  for (let i = sorted.length - 1; i >= 0; i--) minEnd[i] = Math.min(sorted[i].end, minEnd[i + 1] ?? Infinity);
  return (start, end) => {
    const k = firstStart(starts, start);
    return k < sorted.length && minEnd[k] <= end;
  };
}
