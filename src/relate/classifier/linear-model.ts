/**
 * A multinomial logistic regression over sparse binary features: the relation classifier's
 * inference side. Scoring a candidate is one Map lookup per feature and a few additions, as
 * cheap as a dictionary lookup. Probabilities are softmax(scores / temperature), the temperature
 * fitted on held-out data so that a confidence of 0.8 means 8 in 10 are right.
 */

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

export class LinearModel {
  readonly classes: string[];
  readonly temperature: number;
  private readonly weights: Map<string, number[]>;
  /** feature → row number, and each row's weights (for PairScorer, which resolves a name once) */
  private readonly rows = new Map<string, number>();
  private readonly rowWeights: number[][] = [];

  constructor(readonly file: LinearModelFile) {
    if (file.format !== 'biotriples-linear-v1') throw new Error(`unknown model format ${String(file.format)}`);
    this.classes = file.classes;
    this.temperature = file.temperature;
    this.weights = new Map(Object.entries(file.weights));
    for (const [f, w] of this.weights) { this.rows.set(f, this.rowWeights.length); this.rowWeights.push(w); }
  }

  get rowCount(): number { return this.rowWeights.length; }
  /** the row of a feature, or -1 when the model has no weight for it */
  row(feature: string): number { return this.rows.get(feature) ?? -1; }
  /** a row's weights: [class index, weight, ...] */
  weightsAt(row: number): number[] { return this.rowWeights[row]; }

  /** raw class scores (sums of weights) */
  scores(features: string[]): Float64Array {
    const s = new Float64Array(this.classes.length);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let i = 0; i < w.length; i += 2) s[w[i]] += w[i + 1];
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
      const w = this.weights.get(f);
      if (!w) continue;
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
