/**
 * Loaded into a benchmarked process with `--import`: at exit, the main thread writes the whole
 * process's CPU time (all threads), peak RSS and uptime to $BENCH_PROBE_OUT, as the OS counts them.
 * Plain JavaScript: worker threads inherit the --import and may not have the TypeScript loader.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.BENCH_PROBE_OUT;
if (out && isMainThread)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ userUs: usage.userCPUTime, systemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS, uptimeMs: performance.now() }));
  });
