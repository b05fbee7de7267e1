/**
 * A hash table from a key of four int32 (a feature family and up to three word ids, -1 where
 * unused) to an int32. The classifier looks a pair's features up here instead of in Maps keyed
 * by strings: no string is hashed or compared on the hot path. Open addressing, linear probing,
 * at most half full; `family` is never negative, so -1 in that slot marks an empty one.
 */
export const ABSENT = -0x80000000;

export class KeyTable {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    const n = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.mask = n - 1;
    this.keys = new Int32Array(n * 4).fill(-1);
    this.values = new Int32Array(n);
  }

  /** the value of the key, or ABSENT */
  get(f: number, a: number, b: number, c: number): number {
    const keys = this.keys, mask = this.mask;
    for (let i = hash(f, a, b, c) & mask; ; i = (i + 1) & mask) {
      const at = i << 2, k = keys[at];
      if (k === -1) return ABSENT;
      if (k === f && keys[at + 1] === a && keys[at + 2] === b && keys[at + 3] === c) return this.values[i];
    }
  }

  set(f: number, a: number, b: number, c: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const keys = this.keys, mask = this.mask;
    for (let i = hash(f, a, b, c) & mask; ; i = (i + 1) & mask) {
      const at = i << 2, k = keys[at];
      if (k === -1) { keys[at] = f; keys[at + 1] = a; keys[at + 2] = b; keys[at + 3] = c; this.values[i] = value; this.size++; return; }
      if (k === f && keys[at + 1] === a && keys[at + 2] === b && keys[at + 3] === c) { this.values[i] = value; return; }
    }
  }

  clear(): void {
    this.keys.fill(-1);
    this.size = 0;
  }

  private grow(): void {
    const { keys, values } = this;
    const n = (this.mask + 1) * 2;
    this.keys = new Int32Array(n * 4).fill(-1);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < values.length; i++) if (keys[i << 2] !== -1) this.set(keys[i << 2], keys[(i << 2) + 1], keys[(i << 2) + 2], keys[(i << 2) + 3], values[i]);
  }
}

/** murmur3-style mixing of the four parts */
function hash(f: number, a: number, b: number, c: number): number {
  let h = Math.imul(f ^ 0x2545f491, 0x9e3779b1);
  h = Math.imul(h ^ a ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ b ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ c ^ (h >>> 16), 0x27d4eb2f);
  return h ^ (h >>> 15);
}
