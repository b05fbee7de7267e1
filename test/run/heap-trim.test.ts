import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heapTrim } from '../../src/run/heap-trim.js';

const MB = 2 ** 20;

describe('heapTrim', () => {
  it('collects after the first item, then only once the heap has grown past the headroom', () => {
    let heap = 100 * MB;
    const trim = heapTrim(10, () => heap);
    expect(trim.afterItem()).toBe(true); // the baseline: 100 MB
    heap += 9 * MB;
    expect(trim.afterItem()).toBe(false);
    heap += 2 * MB;
    expect(trim.afterItem()).toBe(true); // 11 MB past the baseline; the new baseline is 111 MB
    heap += 9 * MB;
    expect(trim.afterItem()).toBe(false);
    expect(trim.collections()).toBe(2);
  });

  it('really frees old-generation garbage', () => {
    const trim = heapTrim(16);
    trim.afterItem();
    const before = v8.getHeapStatistics().used_heap_size;
    // an item's results: kept until the item ends, so they leave the young generation, then dropped
    let rows: Array<{ id: string; n: number[] }> | undefined = Array.from({ length: 200_000 }, (_, i) => ({ id: `row-${i}`, n: [i, i + 1, i + 2] }));
    expect(rows.length).toBe(200_000);
    rows = undefined;
    const grown = v8.getHeapStatistics().used_heap_size;
    expect(grown - before).toBeGreaterThan(16 * MB);
    expect(trim.afterItem()).toBe(true);
    expect(v8.getHeapStatistics().used_heap_size - before).toBeLessThan(8 * MB);
  });
});
