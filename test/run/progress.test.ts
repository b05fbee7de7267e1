import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/run/progress.js';

describe('Progress', () => {
  it('counts documents begun and finished and the length of the last one, seen alike through a second view of the shared memory', () => {
    const worker = new Progress();
    const pool = new Progress(worker.cells);
    worker.begin(1200);
    expect([pool.begun, pool.finished, pool.chars]).toEqual([1, 0, 1200]);
    worker.end();
    worker.begin(30);
    expect([pool.begun, pool.finished, pool.chars]).toEqual([2, 1, 30]);
    expect(worker.cells.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
