import { describe, expect, it } from 'vitest';
import { burnCpu, currentThreadId, threadCpuMs } from '../../src/run/thread-cpu.js';

describe.runIf(process.platform === 'linux')('CPU time of one thread (/proc)', () => {
  it('counts this thread\'s work, and not the time it waits', async () => {
    const tid = currentThreadId()!;
    expect(tid).toBeGreaterThan(0);
    const before = threadCpuMs(tid)!;
    burnCpu(300);
    const worked = threadCpuMs(tid)! - before;
    expect(worked).toBeGreaterThanOrEqual(290);
    await new Promise((r) => setTimeout(r, 300));
    expect(threadCpuMs(tid)! - before - worked).toBeLessThan(100);
  });
  it('is undefined for a thread that does not exist', () => expect(threadCpuMs(4_194_999)).toBeUndefined());
});
