/**
 * A hash table from a feature key (a family and up to three word ids, -1 where unused) to an
 * int32. The classifier looks a pair's features up here instead of in Maps keyed by strings: no
 * string is hashed or compared on the hot path. The family and the first word share one int32,
 * so a slot (key and value) is 16 bytes and a lookup touches one cache line: the table is larger
 * than the processor's caches, and memory, not arithmetic, was the cost. Open addressing, linear
 * probing, at most half full; 0 in a slot's first int marks it empty.
 */
export const ABSENT = -0x80000000;
/** families are below this, word ids below MAX_WORD_ID */
export const MAX_FAMILIES = 512;
export const MAX_WORD_ID = (1 << 22) - 2;

export class KeyTable {
  /** per slot: (family + 1) << 22 | (a + 1), b, c, value (the first int is never 0, the empty mark) */
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    const n = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.mask = n - 1;
    this.slots = new Int32Array(n * 4);
  }

  /** the value of the key, or ABSENT */
  get(f: number, a: number, b: number, c: number): number {
    const slots = this.slots, mask = this.mask, fa = ((f + 1) << 22) | (a + 1);
    for (let i = hash(fa, b, c) & mask; ; i = (i + 1) & mask) {
      const at = i << 2, k = slots[at];
      if (k === fa && slots[at + 1] === b && slots[at + 2] === c) return slots[at + 3];
      if (k === 0) return ABSENT;
    }
  }

  set(f: number, a: number, b: number, c: number, value: number): void {
    if (f < 0 || f >= MAX_FAMILIES || a < -1 || a > MAX_WORD_ID) throw new Error(`feature key out of range: family ${f}, word ${a}`);
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.put(((f + 1) << 22) | (a + 1), b, c, value);
  }

  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }

  private put(fa: number, b: number, c: number, value: number): void {
    const slots = this.slots, mask = this.mask;
    for (let i = hash(fa, b, c) & mask; ; i = (i + 1) & mask) {
      const at = i << 2, k = slots[at];
      if (k === 0) { slots[at] = fa; slots[at + 1] = b; slots[at + 2] = c; slots[at + 3] = value; this.size++; return; }
      if (k === fa && slots[at + 1] === b && slots[at + 2] === c) { slots[at + 3] = value; return; }
    }
  }

  private grow(): void {
    const old = this.slots;
    const n = (this.mask + 1) * 2;
    this.slots = new Int32Array(n * 4);
    this.mask = n - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at] !== 0) this.put(old[at], old[at + 1], old[at + 2], old[at + 3]);
  }
}

/** murmur3-style mixing of the three parts */
function hash(fa: number, b: number, c: number): number {
  let h = Math.imul(fa ^ 0x2545f491, 0x9e3779b1);
  h = Math.imul(h ^ b ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ c ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
