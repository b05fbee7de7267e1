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
  /** Writes out everything buffered. */
  async flush(): Promise<void> {
    if (this.used) this.rotate();
    const handle = await this.handle;
    for (const { buf, bytes } of this.ready) {
      for (let at = 0; at < bytes; ) at += (await handle.write(buf, at, bytes - at)).bytesWritten;
      this.spare.push(buf);
    }
    this.ready = [];
  }
  /** Closes the file without writing what is buffered (after a failure). */
  async abort(): Promise<void> {
    this.ready = [];
    this.used = 0;
    await (await this.handle).close().catch(() => {});
  }
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await (await this.handle).close();
    }
  }
}
