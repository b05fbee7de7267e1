/**
 * Class scores of a candidate pair straight from its features, without building the list of
 * names: each name (prefix and parts, as features.ts emits them) is resolved to the model's weight
 * row once and remembered, duplicates are skipped by a stamp per row, and the weights are added in
 * the order pairFeatures lists the names, so the scores are bit-identical to
 * `model.scores(pairFeatures(...))` (test/relate/classifier/pair-scorer.test.ts). Looking every
 * name up in the model's Map for every pair was the largest part of the relate stage.
 * Bounded: past MAX_REMEMBERED names, rows are looked up each time.
 */
import type { Arg, SentenceView } from '../sentence-view.js';
import { emitPairFeatures, type FeatureSink, type RuleVote } from './features.js';
import type { LinearModel } from './linear-model.js';

const MAX_REMEMBERED = 400_000;

type Level<T> = Map<string, T>;
function below<T>(m: Level<Level<T>>, k: string): Level<T> {
  let v = m.get(k);
  if (v === undefined) { v = new Map(); m.set(k, v); }
  return v;
}

export class PairScorer implements FeatureSink {
  private readonly one1: Level<Level<number>> = new Map();
  private readonly two2: Level<Level<Level<Level<number>>>> = new Map();
  private readonly three3: Level<Level<Level<Level<number>>>> = new Map();
  private remembered = 0;
  /** stamp[row] === pair: the row was added for this pair already */
  private readonly stamp: Int32Array;
  private pair = 0;
  private s = new Float64Array(0);
  /**
   * the weights dense, `classes` per row: adding the left-out weights as +0 changes no sum (a sum
   * that starts at +0 is never -0), and the additions run over contiguous memory
   */
  private readonly dense: Float64Array;
  private readonly k: number;

  constructor(private readonly model: LinearModel) {
    this.stamp = new Int32Array(model.rowCount);
    this.k = model.classes.length;
    this.dense = new Float64Array(model.rowCount * this.k);
    for (let row = 0; row < model.rowCount; row++) {
      const w = model.weightsAt(row);
      for (let i = 0; i < w.length; i += 2) {
        // the trainer lists each class once; a class listed twice would be added in another order
        if (w.indexOf(w[i]) < i && w.findIndex((x, j) => j % 2 === 0 && j < i && x === w[i]) >= 0) throw new Error(`model feature row ${row} lists class ${w[i]} twice`);
        this.dense[row * this.k + w[i]] = w[i + 1];
      }
    }
  }

  /** raw class scores of the pair (a before b), as model.scores(pairFeatures(view, a, b, votes)) */
  scores(view: SentenceView, a: Arg, b: Arg, votes: RuleVote[]): Float64Array {
    if (++this.pair === 0x7fffffff) { this.stamp.fill(0); this.pair = 1; }
    this.s = new Float64Array(this.model.classes.length);
    emitPairFeatures(view, a, b, votes, this);
    return this.s;
  }

  private remember(m: Level<number>, k: string, name: string): number {
    const row = this.model.row(name);
    if (this.remembered < MAX_REMEMBERED) { m.set(k, row); this.remembered++; }
    return row;
  }

  one(prefix: string, a: string): number {
    const m = below(this.one1, prefix);
    return m.get(a) ?? this.remember(m, a, prefix + a);
  }

  two(prefix: string, a: string, sep: string, b: string): number {
    const m = below(below(below(this.two2, prefix), sep), a);
    return m.get(b) ?? this.remember(m, b, prefix + a + sep + b);
  }

  three(prefix: string, a: string, b: string, c: string): number {
    const m = below(below(below(this.three3, prefix), a), b);
    return m.get(c) ?? this.remember(m, c, `${prefix}${a}_${b}_${c}`);
  }

  push(...items: (string | number)[]): void {
    for (const x of items) {
      const row = typeof x === 'number' ? x : this.model.row(x);
      if (row < 0 || this.stamp[row] === this.pair) continue;
      this.stamp[row] = this.pair;
      const s = this.s, dense = this.dense, k = this.k, at = row * k;
      for (let c = 0; c < k; c++) s[c] += dense[at + c];
    }
  }
}
