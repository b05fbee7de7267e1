/**
 * Maps every position of a normalized text back to the original. Each normalized character
 * records the original range it came from, so any normalized span [s, e) maps to the original
 * span [startOf(s), endOf(e - 1)). Stages never do offset arithmetic of their own.
 */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

export class OffsetMap {
  private constructor(
    readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  static identity(text: string): OffsetMap {
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) { starts[i] = i; ends[i] = i + 1; }
    return new OffsetMap(text, starts, ends);
  }

  /** Original span of the normalized span [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number } {
    if (start < 0 || end > this.text.length || start >= end) throw new RangeError(`bad span [${start},${end}) for text of ${this.text.length}`);
    return { start: this.starts[start], end: this.ends[end - 1] };
  }

  /**
   * Normalized span covering the original span [start, end): the first normalized character that
   * comes from at or after `start`, to the last that comes from before `end`. Undefined when no
   * normalized character lies inside (the span was removed by a repair). For annotations given
   * in original coordinates (PubTator input, evaluation corpora).
   */
  fromOriginal(start: number, end: number): { start: number; end: number } | undefined {
    const n = this.text.length;
    let lo = 0, hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.ends[mid] <= start) lo = mid + 1; else hi = mid; }
    const s = lo;
    lo = s; hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.starts[mid] < end) lo = mid + 1; else hi = mid; }
    return lo > s ? { start: s, end: lo } : undefined;
  }

  /**
   * Applies non-overlapping edits (sorted or not) and returns the map of the edited text.
   * A same-length replacement maps character by character; otherwise every replacement
   * character maps to the whole replaced range.
   */
  apply(edits: Edit[]): OffsetMap {
    if (!edits.length) return this;
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    const length = this.text.length + sorted.reduce((n, e) => n + e.replacement.length - (e.end - e.start), 0);
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    const chunks: string[] = [];
    let at = 0;
    let w = 0;
    const copy = (from: number, to: number) => {
      chunks.push(this.text.slice(from, to));
      starts.set(this.starts.subarray(from, to), w);
      ends.set(this.ends.subarray(from, to), w);
      w += to - from;
    };
    for (const e of sorted) {
      if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
      copy(at, e.start);
      const oneToOne = e.replacement.length === e.end - e.start;
      for (let k = 0; k < e.replacement.length; k++, w++) {
        const from = oneToOne ? e.start + k : e.start;
        const to = oneToOne ? e.start + k + 1 : e.end;
        starts[w] = from < this.text.length ? this.starts[from] : this.ends[this.text.length - 1];
        ends[w] = to > from ? this.ends[to - 1] : this.starts[from];
      }
      chunks.push(e.replacement);
      at = e.end;
    }
    copy(at, this.text.length);
    return new OffsetMap(chunks.join(''), starts, ends);
  }
}
