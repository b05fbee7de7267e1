import { describe, expect, it } from 'vitest';
import { optionsInHelp } from '../../src/bench/extract-process.js';
import { median } from '../../src/bench/median.js';

describe('bench helpers', () => {
  it('finds the options extract offers in its --help', () => {
    const help = '  --workers <n>   threads\n  --stats <file>  figures\n  --cache <dir>   results\n  --no-cache      off\n';
    expect(optionsInHelp(help)).toEqual({ workers: true, stats: true, cache: true, noCache: true });
    expect(optionsInHelp('  --concurrency <n>\n  --quiet\n')).toEqual({ workers: false, stats: false, cache: false, noCache: false });
    // --no-cache alone does not mean --cache <dir> exists
    expect(optionsInHelp('  --no-cache\n').cache).toBe(false);
  });

  it('takes the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
