/**
 * Class scores of a candidate pair straight from its features, without building the list of
 * names: each feature (a family and word ids, as features.ts emits them) is resolved to the
 * model's weight row once and remembered in an integer-keyed table, duplicates are skipped by a
 * stamp per row, and the weights are added in the order pairFeatures lists the names, so the
 * scores are bit-identical to `model.scores(pairFeatures(...))`
 * (test/relate/classifier/pair-scorer.test.ts). Looking names up in Maps keyed by strings for
 * every pair was the largest part of the relate stage.
 * Bounded: past MAX_REMEMBERED keys the table starts again.
 */
import type { Arg, SentenceView } from '../sentence-view.js';
import { buildName, generation } from './feature-names.js';
import { emitPairFeatures, sentenceCache, type FeatureSink, type RuleVote } from './features.js';
import { ABSENT, KeyTable } from './key-table.js';
import type { LinearModel } from './linear-model.js';

const MAX_REMEMBERED = 400_000;

export class PairScorer implements FeatureSink {
  /** (family, word ids) → the model's row, -1 when the model has no weight for the name */
  private readonly rows = new KeyTable(1 << 16);
  private generation = -1;
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
    // the sentence's words first: a new vocabulary generation starts there, if it does, and then the keys are stale
    sentenceCache(view);
    if (this.generation !== generation()) { this.rows.clear(); this.generation = generation(); }
    this.s = new Float64Array(this.k);
    emitPairFeatures(view, a, b, votes, this);
    return this.s;
  }

  add(family: number, a: number, b: number, c: number): void {
    let row = this.rows.get(family, a, b, c);
    if (row === ABSENT) {
      row = this.model.row(buildName(family, a, b, c));
      if (this.rows.size >= MAX_REMEMBERED) this.rows.clear();
      this.rows.set(family, a, b, c, row);
    }
    if (row < 0 || this.stamp[row] === this.pair) return;
    this.stamp[row] = this.pair;
    const s = this.s, dense = this.dense, k = this.k, at = row * k;
    for (let j = 0; j < k; j++) s[j] += dense[at + j];
  }
}
