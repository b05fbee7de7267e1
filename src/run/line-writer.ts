/**
 * A buffered, back-pressured file writer of text and raw bytes: the merge writes millions of lines
 * without holding them. `write` copies into 1 MB buffers that are reused once written, so the
 * caller may reuse what it passed, and the merge allocates no new memory per document.
 */
import { open, type FileHandle } from 'node:fs/promises';

const CHUNK = 1 << 20;

export class LineWriter {
  private readonly handle: Promise<FileHandle>;
  private current: Buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** filled buffers waiting for `flush` */
  private ready: Array<{ buf: Buffer; bytes: number }> = [];
  private spare: Buffer[] = [];
  /** the batch being written (flush) */
  private pending: Promise<void> = Promise.resolve();
  constructor(readonly file: string) {
    this.handle = open(file, 'w');
    // an error opening the file surfaces at the first flush or close, not as an unhandled rejection
    this.handle.catch(() => {});
  }
  /** Copies `s` into the buffers; true when one is full and the caller should `await flush()` (no promise per line). */
  write(s: string | Buffer): boolean {
    if (typeof s === 'string') {
      // most strings fit as they are; encode straight into the buffer
      if (s.length * 3 <= CHUNK - this.used) { this.used += this.current.write(s, this.used, 'utf8'); return this.full; }
      s = Buffer.from(s, 'utf8');
    }
    for (let at = 0; at < s.length; ) {
      if (this.used === CHUNK) this.rotate();
      const n = s.copy(this.current, this.used, at, Math.min(s.length, at + CHUNK - this.used));
      this.used += n;
      at += n;
    }
    return this.full;
  }
  get full(): boolean {
    return this.ready.length > 0 || this.used === CHUNK;
  }
  private rotate(): void {
    this.ready.push({ buf: this.current, bytes: this.used });
    this.current = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK);
    this.used = 0;
  }
  /**
   * Starts writing everything buffered, and waits for the batch started before it: the file system
   * copies one batch (on libuv's threads) while the caller fills the next, and never more than two
   * batches are held. Batches are written in order.
   */
  async flush(): Promise<void> {
    if (this.used) this.rotate();
    const batch = this.ready, before = this.pending;
    this.ready = [];
    this.pending = before.then(() => this.writeBatch(batch));
    // handled here so a failure is not reported as unhandled before the next flush or close awaits it
    this.pending.catch(() => {});
    // a failed write is thrown here, to the next flush or to close
    await before;
  }
  private async writeBatch(batch: Array<{ buf: Buffer; bytes: number }>): Promise<void> {
    const handle = await this.handle;
    for (const { buf, bytes } of batch) {
      for (let at = 0; at < bytes; ) at += (await handle.write(buf, at, bytes - at)).bytesWritten;
      this.spare.push(buf);
    }
  }
  /** Closes the file without writing what is buffered (after a failure). */
  async abort(): Promise<void> {
    this.ready = [];
    this.used = 0;
    await this.pending.catch(() => {});
    // a file that never opened has nothing to close
    await this.handle.then((h) => h.close()).catch(() => {});
  }
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.pending;
    } finally {
      await (await this.handle).close();
    }
  }
}
