/**
 * A linear model's weights as a few typed arrays instead of 46k strings, arrays and Map entries:
 * the feature names in one string (one slice each, found through an open-addressing hash table of
 * row numbers), each row's (class, weight) pairs in flat class and value arrays. Built from the
 * model file's `weights` object, or wrapped around the arrays of the compiled cache file
 * (model-cache.ts) without building anything, which is what makes start-up cheap.
 * The values are the model file's doubles, in the file's order: scores are unchanged.
 */

/** FNV-1a over UTF-16 code units (the names are hashed from the string a caller holds, never encoded) */
function hashName(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface FlatParts {
  /** every feature name, concatenated in row order */
  names: string;
  /** row r's name is names.slice(nameStart[r], nameStart[r + 1]) */
  nameStart: Int32Array;
  /** open addressing, linear probing, power-of-two size, at least half empty: row + 1, 0 empty */
  table: Int32Array;
  /** row r's weights are cls/val[rowStart[r] .. rowStart[r + 1]) */
  rowStart: Int32Array;
  cls: Uint8Array;
  val: Float64Array;
}

export class FlatWeights {
  constructor(readonly parts: FlatParts) {}

  /** from the model file's `weights` (feature → [class, weight, class, weight, ...]), rows in the object's order */
  static fromRecord(weights: Record<string, number[]>): FlatWeights {
    const entries = Object.entries(weights);
    const n = entries.length;
    let total = 0;
    for (const [, w] of entries) {
      if (w.length % 2) throw new Error('model weights: a row is not (class, weight) pairs');
      total += w.length / 2;
    }
    const nameStart = new Int32Array(n + 1), rowStart = new Int32Array(n + 1);
    const cls = new Uint8Array(total), val = new Float64Array(total);
    const names: string[] = [];
    let at = 0, chars = 0;
    entries.forEach(([name, w], r) => {
      names.push(name);
      nameStart[r] = chars;
      chars += name.length;
      rowStart[r] = at;
      for (let i = 0; i < w.length; i += 2) {
        if (!Number.isInteger(w[i]) || w[i] < 0 || w[i] > 255) throw new Error(`model weights: class index ${w[i]} of "${name}" out of range`);
        cls[at] = w[i];
        val[at++] = w[i + 1];
      }
    });
    nameStart[n] = chars;
    rowStart[n] = at;
    const table = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(16, n * 2))));
    const mask = table.length - 1;
    // names are the object's keys, so distinct: each takes the first empty slot of its probe
    entries.forEach(([name], r) => {
      let i = hashName(name) & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = r + 1;
    });
    return new FlatWeights({ names: names.join(''), nameStart, table, rowStart, cls, val });
  }

  get rowCount(): number { return this.parts.nameStart.length - 1; }

  /** the row of a feature name, or -1 */
  row(name: string): number {
    const { names, nameStart, table } = this.parts;
    const mask = table.length - 1;
    for (let i = hashName(name) & mask; ; i = (i + 1) & mask) {
      const r = table[i] - 1;
      if (r < 0) return -1;
      const from = nameStart[r];
      if (nameStart[r + 1] - from === name.length && names.startsWith(name, from)) return r;
    }
  }

  name(row: number): string { return this.parts.names.slice(this.parts.nameStart[row], this.parts.nameStart[row + 1]); }

  /** a row's weights as the model file lists them: [class index, weight, ...] */
  weightsAt(row: number): number[] {
    const { rowStart, cls, val } = this.parts;
    const out: number[] = [];
    for (let k = rowStart[row]; k < rowStart[row + 1]; k++) out.push(cls[k], val[k]);
    return out;
  }

  /** the model file's `weights` object again (same keys in the same order, same numbers) */
  toRecord(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (let r = 0; r < this.rowCount; r++) out[this.name(r)] = this.weightsAt(r);
    return out;
  }
}
