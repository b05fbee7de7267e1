import { describe, expect, it } from 'vitest';
import { fanInGroup } from '../../src/run/merge.js';
import { largestFirst, maySend } from '../../src/run/schedule.js';
import type { WorkItem } from '../../src/run/work-item.js';

const item = (index: number, bytes?: number): WorkItem => ({ key: `${index}`, index, file: `f${index}`, id: `f${index}`, followSymlinks: false, limits: {} as WorkItem['limits'], shard: `s${index}`, bytes });

describe('the pool hands out items', () => {
  it('largest first, in listing order among equal or unknown sizes', () => {
    const order = largestFirst([item(0, 10), item(1, 500), item(2, 10), item(3), item(4, 500)]).map((i) => i.index);
    expect(order).toEqual([1, 4, 0, 2, 3]);
  });

  it('queues an item behind a busy worker only while more remain than there are workers', () => {
    expect(maySend(0, 2, 1, 2)).toBe(true); // an idle worker always gets one
    expect(maySend(1, 2, 3, 2)).toBe(true); // plenty left: keep the worker fed
    expect(maySend(1, 2, 2, 2)).toBe(false); // near the end: the next free worker takes it
    expect(maySend(2, 2, 10, 2)).toBe(false); // back-pressure
    expect(maySend(0, 2, 0, 2)).toBe(false); // nothing left
  });
});

describe('merge passes', () => {
  it('merge just enough sources to leave the fan-in', () => {
    expect(fanInGroup(73, 64)).toBe(10);
    expect(fanInGroup(64, 64)).toBe(0);
    expect(fanInGroup(200, 64)).toBe(64);
    expect(fanInGroup(5, 2)).toBe(2);
  });
});
