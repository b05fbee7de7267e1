/**
 * CPU time of one thread (Linux: /proc/self/task/<tid>/stat), so a document's time budget counts
 * the work its worker did, not the time a busy machine kept it waiting: the same paper passes or
 * fails its budget whatever else runs. Where /proc is absent both return undefined and the pool
 * counts wall time instead.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** USER_HZ, the unit of /proc's CPU times: 100 on Linux */
const TICKS_PER_SECOND = 100;

/** this thread's id (as /proc names it), or undefined */
export function currentThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds (user + system) thread `tid` of this process has used, or undefined */
export function threadCpuMs(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // the fields after the command name (which may hold spaces) in parentheses: state is first, utime 12th, stime 13th
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** Test hooks: keeps this thread busy for `ms` of its own CPU time (wall time where /proc is absent). */
export function burnCpu(ms: number): void {
  const tid = currentThreadId();
  const cpu = () => (tid === undefined ? undefined : threadCpuMs(tid)) ?? performance.now();
  const start = cpu();
  let sink = 0;
  while (cpu() - start < ms) for (let i = 0; i < 100_000; i++) sink += i & 1;
  if (sink < 0) throw new Error('unreachable');
}
