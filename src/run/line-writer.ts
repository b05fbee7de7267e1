/** A buffered, back-pressured text file writer: the merge writes millions of lines without holding them. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK = 1 << 20;

export class LineWriter {
  private readonly stream: WriteStream;
  private parts: string[] = [];
  private size = 0;
  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' });
  }
  /** Buffers `s`; true when the buffer is full and the caller should `await flush()` (no promise per line). */
  write(s: string): boolean {
    this.parts.push(s);
    this.size += s.length;
    return this.size >= CHUNK;
  }
  get full(): boolean {
    return this.size >= CHUNK;
  }
  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }
}
