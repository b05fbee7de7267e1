import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A whole file read into a buffer of the caller's making (offset 0: typed-array views over it are
 * aligned; a SharedArrayBuffer can go to worker threads as it is).
 */
export function readWhole<T extends Uint8Array>(file: string, alloc: (size: number) => T): T {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = alloc(size);
    for (let at = 0; at < size;) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) throw new Error(`${file}: shorter than its size`);
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
