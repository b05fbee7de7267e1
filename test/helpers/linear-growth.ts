/**
 * Whether a text function's CPU time grows linearly with the text, robust to a busy machine:
 * time at n and FACTOR x n (medians of interleaved repetitions); a ratio past the bound is looked
 * at again at twice the sizes before it counts. A quadratic path's ratio only grows with the size
 * (toward 16 for FACTOR 4), one slow repetition or fixed costs do not come back larger.
 */
export const FACTOR = 4;
export const BOUND = FACTOR * 2.5;
/** below this many CPU milliseconds at size n, jitter dominates: the ratio is taken against it */
export const FLOOR_MS = 40;

export interface Growth { n: number; small: number; large: number; ratio: number }

export const sized = (u: string, n: number) => u.repeat(Math.ceil(n / u.length)).slice(0, n);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function cpuMs(run: (text: string) => unknown, text: string): number {
  const before = process.cpuUsage();
  run(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** CPU time at n and FACTOR x n, medians of interleaved repetitions */
export function growth(run: (text: string) => unknown, u: string, n: number, reps: number, floorMs = FLOOR_MS): Growth {
  const small: number[] = [], large: number[] = [];
  const a = sized(u, n), b = sized(u, n * FACTOR);
  cpuMs(run, a); // warm the code paths this unit takes
  for (let r = 0; r < reps; r++) { small.push(cpuMs(run, a)); large.push(cpuMs(run, b)); }
  const s = median(small), l = median(large);
  return { n, small: s, large: l, ratio: l / Math.max(s, floorMs) };
}

export interface Verdict { linear: boolean; growths: Growth[]; message: string }

export interface GrowthOptions { reps: number; retryReps?: number; floorMs?: number }

/** linear unless the ratio passes BOUND at n and again at 2n (3 repetitions there) */
export function linearGrowth(run: (text: string) => unknown, u: string, n: number, { reps, retryReps = 3, floorMs = FLOOR_MS }: GrowthOptions): Verdict {
  const first = growth(run, u, n, reps, floorMs);
  const growths = first.ratio < BOUND ? [first] : [first, growth(run, u, 2 * n, retryReps, floorMs)];
  const message = `${JSON.stringify(u)}: ${growths.map((g) => `${g.small.toFixed(0)} ms at ${g.n} chars, ${g.large.toFixed(0)} ms at ${g.n * FACTOR} (ratio ${g.ratio.toFixed(1)})`).join('; then ')}`;
  return { linear: growths.at(-1)!.ratio < BOUND, growths, message };
}
