/**
 * Class scores of a candidate pair straight from its features, without building the list of
 * names: each feature (a family and word ids, as features.ts emits them) is resolved to the
 * model's weight row once and remembered in an integer-keyed table, duplicates are skipped by a
 * stamp per row, and the weights are added in the order pairFeatures lists the names, so the
 * scores are bit-identical to `model.scores(pairFeatures(...))`
 * (test/relate/classifier/pair-scorer.test.ts).
 * Memory, not arithmetic, is the cost (a pair's rarer features are cache misses), so the rows a
 * run uses are copied, in the order it first uses them, into one compact block (the common
 * features end up together), and held as the integers the trainer rounded them from when every
 * weight is an exact number of ten-thousandths (k / 10000 is then the very double the model file
 * holds: the sums do not change), 32 bytes a row instead of 88.
 * A feature that reads one side of the pair only (features.ts SLOT) is looked up once per mention
 * and sentence and its row replayed for the mention's other pairs (`recall`), in the same place of
 * the pair's features, so the sums keep their order.
 * Bounded: past MAX_REMEMBERED keys the table starts again.
 */
import type { Arg, SentenceView } from '../sentence-view.js';
import { buildName, generation } from './feature-names.js';
import { FeatureSink, SIDE_SLOTS, emitPairFeatures, sentenceCache, type RuleVote } from './features.js';
import { ABSENT, KeyTable } from './key-table.js';
import type { LinearModel } from './linear-model.js';

const MAX_REMEMBERED = 400_000;
/** a key of the pair's buffer that is resolved already (a side's feature kept for the sentence): its row follows */
const RESOLVED = -2;
/** a side's slot not resolved yet in this sentence */
const UNSET = -3;
/** the trainer rounds weights to 4 decimals (logistic-regression.ts) */
const SCALE = 1e4;

/** every weight is k / SCALE for an int16 k, bit for bit */
function decimal(model: LinearModel): boolean {
  const { val } = model.flat.parts;
  for (let i = 0; i < val.length; i++) {
    const k = Math.round(val[i] * SCALE);
    if (k < -32768 || k > 32767 || !Object.is(k / SCALE, val[i])) return false;
  }
  return true;
}

export class PairScorer extends FeatureSink {
  /** (family, word ids) → the row's compact index, -1 when the model has no weight for the name */
  private readonly rows = new KeyTable(1 << 16);
  private generation = -1;
  /** model row → compact index, -1 while unused */
  private readonly compactOf: Int32Array;
  private used = 0;
  /** the rows in use, `width` entries each (`classes` used): as integers (k / SCALE) or as doubles */
  private q: Int16Array | undefined;
  private w: Float64Array | undefined;
  private readonly width: number;
  /** stamp[compact index] === pair: the row was added for this pair already */
  private stamp: Int32Array;
  private pair = 0;
  /** the pair's rows to add, as offsets into q or w, in the order their features came */
  private pending = new Int32Array(256);
  private n = 0;
  /** the pair's feature keys (family and three word ids each) in the order they came */
  private keyBuffer = new Int32Array(1024);
  private keys = 0;
  /** per key of keyBuffer: the side slot its row is kept under once resolved, or -1 */
  private keySlot = new Int32Array(256);
  /** the slot the next `add` fills (recall said false), or -1 */
  private slot = -1;
  /**
   * What the one-side features of the sentence's args resolved to (compact index, -1 for no row,
   * UNSET), (arg index × SIDE_SLOTS + slot): a mention takes part in about two pairs, so about
   * half of these lookups and the word ids they read are not repeated.
   */
  private side = new Int32Array(16 * SIDE_SLOTS);
  private view: SentenceView | undefined;
  private readonly s: Float64Array;
  /** sum16's 16 sums before the model's classes are read out */
  private readonly acc = new Float64Array(16);
  private readonly k: number;

  constructor(private readonly model: LinearModel) {
    super();
    this.k = model.classes.length;
    this.s = new Float64Array(this.k);
    this.width = this.k <= 16 ? 16 : this.k;
    const { rowStart, cls } = model.flat.parts;
    for (let row = 0; row < model.rowCount; row++) {
      // the trainer lists each class once; a class listed twice would be added in another order
      for (let i = rowStart[row]; i < rowStart[row + 1]; i++) for (let j = rowStart[row]; j < i; j++) if (cls[j] === cls[i]) throw new Error(`model feature row ${row} lists class ${cls[i]} twice`);
    }
    this.compactOf = new Int32Array(model.rowCount).fill(-1);
    const initial = Math.min(model.rowCount, 1 << 12);
    if (decimal(model)) this.q = new Int16Array(initial * this.width);
    else this.w = new Float64Array(initial * this.width);
    this.stamp = new Int32Array(initial);
  }

  /**
   * raw class scores of the pair (a before b), as model.scores(pairFeatures(view, a, b, votes)), in
   * a buffer the next call reuses (a fresh array per pair cost more than the scoring around it)
   */
  scores(view: SentenceView, a: Arg, b: Arg, votes: RuleVote[]): Float64Array {
    if (++this.pair === 0x7fffffff) { this.stamp.fill(0); this.pair = 1; }
    // the sentence's words first: a new vocabulary generation starts there, if it does, and then the keys are stale
    sentenceCache(view);
    if (this.generation !== generation()) { this.rows.clear(); this.generation = generation(); }
    if (this.view !== view) this.newSentence(view);
    this.keys = 0;
    emitPairFeatures(view, a, b, votes, this);
    this.resolve();
    this.sum();
    return this.s;
  }

  /** a sentence's side slots start unresolved (its args are other mentions) */
  private newSentence(view: SentenceView): void {
    this.view = view;
    const need = view.args.length * SIDE_SLOTS;
    if (this.side.length < need) this.side = new Int32Array(need * 2);
    this.side.fill(UNSET, 0, need);
  }

  /** a feature of the pair, kept to be looked up with the others (resolve) */
  override add(family: number, a: number, b: number, c: number): void {
    if (this.keys === this.keyBuffer.length) {
      const grown = new Int32Array(this.keys * 2); grown.set(this.keyBuffer); this.keyBuffer = grown;
      const slots = new Int32Array(this.keys >> 1); slots.set(this.keySlot); this.keySlot = slots;
    }
    const k = this.keyBuffer, at = this.keys;
    k[at] = family; k[at + 1] = a; k[at + 2] = b; k[at + 3] = c;
    this.keySlot[at >> 2] = this.slot;
    this.slot = -1;
    this.keys += 4;
  }

  /** a side's feature: its row when this sentence resolved it already (kept in the pair's order), else the next add fills the slot */
  override recall(index: number, slot: number): boolean {
    const i = index * SIDE_SLOTS + slot, at = this.side[i];
    if (at === UNSET) { this.slot = i; return false; }
    this.add(RESOLVED, at, -1, -1);
    return true;
  }

  /**
   * The pair's features looked up in one loop after they are all known: the table is larger than
   * the processor's caches, and lookups that do not wait on each other overlap their cache misses
   * (looked up one by one between the features' own work, each waited alone). Each row counts
   * once, where its feature first came, as before.
   */
  private resolve(): void {
    const k = this.keyBuffer, rows = this.rows, pair = this.pair, width = this.width;
    let stamp = this.stamp;
    if (this.pending.length < this.keys >> 2) this.pending = new Int32Array(this.keys);
    const pending = this.pending;
    let n = 0;
    const keySlot = this.keySlot, side = this.side;
    for (let i = 0; i < this.keys; i += 4) {
      let at: number;
      if (k[i] === RESOLVED) at = k[i + 1];
      else {
        at = rows.get(k[i], k[i + 1], k[i + 2], k[i + 3]);
        // (the compact block and its stamps may grow there)
        if (at === ABSENT) { at = this.remember(k[i], k[i + 1], k[i + 2], k[i + 3]); stamp = this.stamp; }
        const slot = keySlot[i >> 2];
        if (slot >= 0) side[slot] = at;
      }
      if (at < 0 || stamp[at] === pair) continue;
      stamp[at] = pair;
      pending[n++] = at * width;
    }
    this.n = n;
  }

  /** a feature met for the first time: its model row, copied into the compact block, remembered */
  private remember(family: number, a: number, b: number, c: number): number {
    const at = this.compact(this.model.row(buildName(family, a, b, c)));
    if (this.rows.size >= MAX_REMEMBERED) this.rows.clear();
    this.rows.set(family, a, b, c, at);
    return at;
  }

  /**
   * The pair's rows added class by class, each class's sum in the order the features came (so
   * bit-identical to adding row by row): one local accumulator per class, the rows' loads
   * independent of each other, instead of a read-modify-write of the scores per feature.
   */
  private sum(): void {
    const s = this.s, k = this.k, n = this.n, pending = this.pending;
    if (this.width === 16) { this.sum16(); return; }
    if (this.q) {
      const q = this.q;
      for (let j = 0; j < k; j++) { let acc = 0; for (let i = 0; i < n; i++) acc += q[pending[i] + j] / SCALE; s[j] = acc; }
    } else {
      const w = this.w!;
      for (let j = 0; j < k; j++) { let acc = 0; for (let i = 0; i < n; i++) acc += w[pending[i] + j]; s[j] = acc; }
    }
  }

  /**
   * The same sums row by row, with one accumulator per class (16: a row's width; the columns past
   * the model's classes hold zeros and are not read out). Each class still adds its rows in the
   * features' order, so the sums are the same doubles; the classes' additions no longer wait on
   * each other (class by class, each addition waited for the one before it).
   */
  private sum16(): void {
    const n = this.n, pending = this.pending, out = this.acc;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
    if (this.q) {
      const q = this.q;
      for (let i = 0; i < n; i++) {
        const b = pending[i];
        a0 += q[b] / SCALE; a1 += q[b + 1] / SCALE; a2 += q[b + 2] / SCALE; a3 += q[b + 3] / SCALE;
        a4 += q[b + 4] / SCALE; a5 += q[b + 5] / SCALE; a6 += q[b + 6] / SCALE; a7 += q[b + 7] / SCALE;
        a8 += q[b + 8] / SCALE; a9 += q[b + 9] / SCALE; a10 += q[b + 10] / SCALE; a11 += q[b + 11] / SCALE;
        a12 += q[b + 12] / SCALE; a13 += q[b + 13] / SCALE; a14 += q[b + 14] / SCALE; a15 += q[b + 15] / SCALE;
      }
    } else {
      const w = this.w!;
      for (let i = 0; i < n; i++) {
        const b = pending[i];
        a0 += w[b]; a1 += w[b + 1]; a2 += w[b + 2]; a3 += w[b + 3]; a4 += w[b + 4]; a5 += w[b + 5]; a6 += w[b + 6]; a7 += w[b + 7];
        a8 += w[b + 8]; a9 += w[b + 9]; a10 += w[b + 10]; a11 += w[b + 11]; a12 += w[b + 12]; a13 += w[b + 13]; a14 += w[b + 14]; a15 += w[b + 15];
      }
    }
    out[0] = a0; out[1] = a1; out[2] = a2; out[3] = a3; out[4] = a4; out[5] = a5; out[6] = a6; out[7] = a7;
    out[8] = a8; out[9] = a9; out[10] = a10; out[11] = a11; out[12] = a12; out[13] = a13; out[14] = a14; out[15] = a15;
    const s = this.s;
    for (let j = 0; j < this.k; j++) s[j] = out[j];
  }

  /** the compact index of a model row (copied in when first used), or -1 for none */
  private compact(row: number): number {
    if (row < 0) return -1;
    if (this.compactOf[row] >= 0) return this.compactOf[row];
    const at = this.used++;
    if (at === this.stamp.length) this.grow();
    const weights = this.model.weightsAt(row), from = at * this.width;
    for (let i = 0; i < weights.length; i += 2) {
      if (this.q) this.q[from + weights[i]] = Math.round(weights[i + 1] * SCALE);
      else this.w![from + weights[i]] = weights[i + 1];
    }
    this.compactOf[row] = at;
    return at;
  }

  private grow(): void {
    const n = Math.min(this.model.rowCount, this.stamp.length * 2);
    const stamp = new Int32Array(n);
    stamp.set(this.stamp);
    this.stamp = stamp;
    if (this.q) { const q = new Int16Array(n * this.width); q.set(this.q); this.q = q; }
    else { const w = new Float64Array(n * this.width); w.set(this.w!); this.w = w; }
  }
}
