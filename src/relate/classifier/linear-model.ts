/**
 * A multinomial logistic regression over sparse binary features: the relation classifier's
 * inference side. Scoring a candidate is one hash lookup per feature (flat-weights.ts) and a few additions, as
 * cheap as a dictionary lookup. Probabilities are softmax(scores / temperature), the temperature
 * fitted on held-out data so that a confidence of 0.8 means 8 in 10 are right.
 */
import { FlatWeights } from './flat-weights.js';

/** The model file's content (JSON, written by `npm run train`). */
export interface LinearModelFile {
  format: 'biotriples-linear-v1';
  name: string;
  /** the label set; `none` (no relation) is classes[0] */
  classes: string[];
  /** feature → [class index, weight, class index, weight, ...] (zero weights left out) */
  weights: Record<string, number[]>;
  temperature: number;
}

export interface Scored { probs: Float64Array; best: number }


export interface Contribution { feature: string; weight: number }

/** weights already flat for a file object (the compiled cache's), so the constructor need not build them */
const flatOf = new WeakMap<LinearModelFile, FlatWeights>();

/** Marks `file` as holding exactly `flat`'s weights (model-cache.ts: its `weights` is then built only if read). */
export function withFlatWeights<F extends LinearModelFile>(file: F, flat: FlatWeights): F {
  flatOf.set(file, flat);
  return file;
}

export class LinearModel {
  readonly classes: string[];
  readonly temperature: number;
  /** feature → row number, and each row's weights (PairScorer resolves a name once) */
  readonly flat: FlatWeights;

  constructor(readonly file: LinearModelFile) {
    if (file.format !== 'biotriples-linear-v1') throw new Error(`unknown model format ${String(file.format)}`);
    this.classes = file.classes;
    this.temperature = file.temperature;
    this.flat = flatOf.get(file) ?? FlatWeights.fromRecord(file.weights);
  }

  get rowCount(): number { return this.flat.rowCount; }
  /** the row of a feature, or -1 when the model has no weight for it */
  row(feature: string): number { return this.flat.row(feature); }
  /** a row's weights: [class index, weight, ...] */
  weightsAt(row: number): number[] { return this.flat.weightsAt(row); }

  /** raw class scores (sums of weights) */
  scores(features: string[]): Float64Array {
    const s = new Float64Array(this.classes.length);
    const { rowStart, cls, val } = this.flat.parts;
    for (const f of features) {
      const r = this.flat.row(f);
      if (r >= 0) for (let k = rowStart[r]; k < rowStart[r + 1]; k++) s[cls[k]] += val[k];
    }
    return s;
  }

  predict(features: string[]): Scored {
    return softmax(this.scores(features), this.temperature);
  }

  /** the features that pushed most toward class `c` against `none`, strongest first */
  explain(features: string[], c: number, top = 8): Contribution[] {
    const out: Contribution[] = [];
    for (const f of new Set(features)) {
      const r = this.flat.row(f);
      if (r < 0) continue;
      const w = this.flat.weightsAt(r);
      let toC = 0, toNone = 0;
      for (let i = 0; i < w.length; i += 2) { if (w[i] === c) toC = w[i + 1]; if (w[i] === 0) toNone = w[i + 1]; }
      const weight = c === 0 ? toNone : toC - toNone;
      if (weight !== 0) out.push({ feature: f, weight });
    }
    return out.sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight) || (x.feature < y.feature ? -1 : 1)).slice(0, top);
  }
}

export function softmax(scores: Float64Array, temperature = 1, into?: Float64Array): Scored {
  let max = -Infinity, best = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) { max = scores[i]; best = i; }
  const probs = into ?? new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) { probs[i] = Math.exp((scores[i] - max) / temperature); sum += probs[i]; }
  for (let i = 0; i < scores.length; i++) probs[i] /= sum;
  return { probs, best };
}
