/**
 * Averaged perceptron over hashed features with greedy left-to-right BIO decoding (the
 * previous label is a feature). Deterministic: fixed hash, fixed document order, no randomness.
 * Weights are stored quantized (int8 with one scale), so the committed model stays small.
 */
export const LABELS = ['O', 'B', 'I'] as const;
export type Label = (typeof LABELS)[number];
export const HASH_BITS = 18;
const SIZE = 1 << HASH_BITS;

/** FNV-1a, 32 bit */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) & (SIZE - 1);
}

const PREV_HASH = LABELS.map((l) => hash(`prev=${l}`));
const withPrev = (feats: number[], prev: Label): number[] => [...feats, hash(`prev=${prev}`), ...feats.slice(1, 3).map((f) => (f * 31 + LABELS.indexOf(prev) + 1) & (SIZE - 1))];

/** the three label scores of decodeFlat's last sum (module scratch: no array per token) */
const SUM = new Float64Array(3);

/** decodeFlat's sum for one token over float weights, in withPrev's order; returns the O score */
function sumFloat(w: Float32Array, feats: Int32Array, at: number, k: number, a: number, b: number, c: number): number {
  let s0 = 0, s1 = 0, s2 = 0;
  for (let j = at; j < at + k; j++) { const f = feats[j] * 3; s0 += w[f]; s1 += w[f + 1]; s2 += w[f + 2]; }
  let f = a * 3; s0 += w[f]; s1 += w[f + 1]; s2 += w[f + 2];
  f = b * 3; s0 += w[f]; s1 += w[f + 1]; s2 += w[f + 2];
  f = c * 3; s0 += w[f]; s1 += w[f + 1]; s2 += w[f + 2];
  SUM[0] = s0; SUM[1] = s1; SUM[2] = s2;
  return s0;
}

/** sumFloat over int8 weights and the float each stands for: the same floats added in the same order */
function sumQuantized(q: Int8Array, v: Float32Array, feats: Int32Array, at: number, k: number, a: number, b: number, c: number): number {
  let s0 = 0, s1 = 0, s2 = 0;
  for (let j = at; j < at + k; j++) { const f = feats[j] * 3; s0 += v[q[f] + 128]; s1 += v[q[f + 1] + 128]; s2 += v[q[f + 2] + 128]; }
  let f = a * 3; s0 += v[q[f] + 128]; s1 += v[q[f + 1] + 128]; s2 += v[q[f + 2] + 128];
  f = b * 3; s0 += v[q[f] + 128]; s1 += v[q[f + 1] + 128]; s2 += v[q[f + 2] + 128];
  f = c * 3; s0 += v[q[f] + 128]; s1 += v[q[f + 1] + 128]; s2 += v[q[f + 2] + 128];
  SUM[0] = s0; SUM[1] = s1; SUM[2] = s2;
  return s0;
}

export class Perceptron {
  /**
   * `quantized`: the int8 weights the model was read from, and the float each of the 256 values
   * stands for (the same float32 as in `weights`): a quarter of the memory for the decoder to read,
   * so more of it stays in the CPU's caches. Only for weights that are never changed afterwards.
   */
  constructor(readonly weights: Float32Array = new Float32Array(SIZE * 3), readonly quantized?: { weights: Int8Array; values: Float32Array }) {}

  score(feats: number[]): number[] {
    const s = [0, 0, 0];
    for (const f of feats) for (let l = 0; l < 3; l++) s[l] += this.weights[f * 3 + l];
    return s;
  }

  /** greedy decoding; an I after O is read as B */
  decode(seq: number[][]): Label[] {
    return this.decodeWithMargins(seq).labels;
  }

  /** greedy decoding with each token's margin: how far the outside label's score lies below the chosen one's (O tokens: 0) */
  decodeWithMargins(seq: number[][]): { labels: Label[]; margins: number[] } {
    const labels: Label[] = [], margins: number[] = [];
    for (const feats of seq) {
      const prev = labels.length ? labels[labels.length - 1] : 'O';
      const s = this.score(withPrev(feats, prev));
      let best = 0;
      for (let l = 1; l < 3; l++) if (s[l] > s[best]) best = l;
      let label = LABELS[best];
      if (label === 'I' && prev === 'O') label = 'B';
      labels.push(label);
      margins.push(s[best] - s[0]);
    }
    return { labels, margins };
  }

  /**
   * decodeWithMargins over features held flat (`k` per token, token i's at [i * k, (i + 1) * k)), as
   * feature-hashes.ts gives them: the same labels and margins, bit for bit (the weights are added
   * in withPrev's order), without an array per token.
   */
  decodeFlat(feats: Int32Array, k: number): { labels: Label[]; margins: number[] } {
    const n = feats.length / k;
    const labels: Label[] = new Array(n), margins: number[] = new Array(n);
    const q = this.quantized;
    let prev = 0;
    for (let t = 0; t < n; t++) {
      const at = t * k;
      // the previous label, and the word and shape features conjoined with it (withPrev)
      const a = PREV_HASH[prev], b = (feats[at + 1] * 31 + prev + 1) & (SIZE - 1), c = (feats[at + 2] * 31 + prev + 1) & (SIZE - 1);
      const s = q ? sumQuantized(q.weights, q.values, feats, at, k, a, b, c) : sumFloat(this.weights, feats, at, k, a, b, c);
      let best = 0, top = SUM[0];
      if (SUM[1] > top) { best = 1; top = SUM[1]; }
      if (SUM[2] > top) { best = 2; top = SUM[2]; }
      if (best === 2 && prev === 0) best = 1;
      labels[t] = LABELS[best];
      margins[t] = top - s;
      prev = best;
    }
    return { labels, margins };
  }

  /** int8 weights and one scale, base64 */
  serialize(): { scale: number; weights: string } {
    let max = 0;
    for (const w of this.weights) max = Math.max(max, Math.abs(w));
    const scale = max / 127 || 1;
    const q = new Int8Array(this.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(this.weights[i] / scale);
    return { scale, weights: Buffer.from(q.buffer).toString('base64') };
  }

  static deserialize(m: { scale: number; weights: string }): Perceptron {
    const q = new Int8Array(Buffer.from(m.weights, 'base64').buffer.slice(0));
    const w = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) w[i] = q[i] * m.scale;
    const values = new Float32Array(256);
    for (let v = -128; v < 128; v++) values[v + 128] = v * m.scale;
    return new Perceptron(w, { weights: q, values });
  }
}

/** Trains on sequences of hashed features with gold labels; averaged weights. */
export function train(data: { feats: number[][]; gold: Label[] }[], epochs: number): Perceptron {
  const w = new Float32Array(SIZE * 3), total = new Float64Array(SIZE * 3), stamp = new Float64Array(SIZE * 3);
  let t = 0;
  const update = (f: number, l: number, v: number) => {
    const k = f * 3 + l;
    total[k] += (t - stamp[k]) * w[k];
    stamp[k] = t;
    w[k] += v;
  };
  const model = new Perceptron(w);
  for (let e = 0; e < epochs; e++) {
    for (const { feats, gold } of data) {
      let prev: Label = 'O';
      for (let i = 0; i < feats.length; i++) {
        t++;
        const f = withPrev(feats[i], prev);
        const s = model.score(f);
        let best = 0;
        for (let l = 1; l < 3; l++) if (s[l] > s[best]) best = l;
        const g = LABELS.indexOf(gold[i]);
        if (best !== g) for (const x of f) { update(x, g, 1); update(x, best, -1); }
        prev = gold[i]; // teacher forcing: the gold previous label
      }
    }
  }
  const avg = new Float32Array(SIZE * 3);
  for (let k = 0; k < avg.length; k++) avg[k] = (total[k] + (t - stamp[k]) * w[k]) / t;
  return new Perceptron(avg);
}
