/**
 * Wall and CPU seconds of a piece of in-process work. CPU time (this process, all threads) is what
 * the bench compares: on a shared machine wall time mostly measures the other tenants.
 */
export interface Elapsed { wallS: number; cpuS: number }

export function clock(run: () => void): Elapsed {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { wallS: (performance.now() - wall) / 1000, cpuS: (used.user + used.system) / 1e6 };
}
