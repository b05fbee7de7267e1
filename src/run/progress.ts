/**
 * A worker's documents, in memory it shares with the pool: the worker counts each document as it
 * begins (with its length) and ends, and the pool reads the counts when it checks the budget. A
 * message per document woke this thread tens of thousands of times a run, taking CPU from the
 * workers; the budget now restarts when a check sees a new document, at most POLL_MS (pool.ts) late.
 */
export class Progress {
  constructor(readonly cells: Int32Array = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT))) {}
  /** worker: a document of `chars` characters begins */
  begin(chars: number): void { Atomics.store(this.cells, 1, chars); Atomics.add(this.cells, 0, 1); }
  /** worker: the document is done */
  end(): void { Atomics.add(this.cells, 2, 1); }
  get begun(): number { return Atomics.load(this.cells, 0); }
  get finished(): number { return Atomics.load(this.cells, 2); }
  get chars(): number { return Atomics.load(this.cells, 1); }
}
