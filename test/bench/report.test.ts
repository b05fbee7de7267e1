import { describe, expect, it } from 'vitest';
import { renderBench, type Bench } from '../../src/bench/report.js';

const bench: Bench = {
  when: '2026-11-30T00:00:00.000Z',
  machine: { cpus: 2, cpu: 'test cpu', memoryGb: 24, node: 'v20', loadAverageAtStart: 1, loadAverageAtEnd: 1 },
  text: { origin: '2 abstracts', base: { mb: 3, documents: 2000, files: 10 } },
  extractOptions: { workers: false, stats: false, cache: false, noCache: false },
  wholeProcess: { workers: 'as it is', runs: 3, mb: 3, wallS: 6, cpuS: 4, startupS: 2, mbPerCpuS: 0.75, mbPerCpuSAfterStartup: 1.5, mbPerWallS: 0.5, mbPerWallSAfterStartup: 0.75, peakRssMb: 600 },
  stages: [{ stage: 'normalize', cpuS: 0.1, wallS: 0.1, mbPerS: 30 }],
  startup: { available: true, ms: 2000, cpuS: 2.5, method: 'from outside' },
  memory: [{ mb: 20, documents: 12000, peakRssMb: 900, wallS: 30, exitCode: 0, written: 12000 }, { mb: 200, documents: 120000, peakRssMb: 0, wallS: 60, exitCode: 134, failed: 'extract failed (exit 134): heap out of memory' }],
  rssRatio: { available: false, reason: 'a memory run failed' },
  scaling: { available: false, reason: 'extract has no --workers' },
  scalingLarge: {
    available: true, mb: 12, files: 73, runs: 3, oneWorkerWallS: 20, twoWorkersWallS: 12.5, ratio: 1.6,
    one: { wallS: 20, cpuS: 24, mainS: 1.5, workersS: [19], otherS: 3.5, coresBusy: 1.2 },
    two: { wallS: 12.5, cpuS: 25, mainS: 1.5, workersS: [10, 9.8], otherS: 3.7, coresBusy: 2 },
    ceiling: { processPairWallS: 16, processPairRatio: 1.25, spinAloneS: 2, spinPairS: 2.5, spinRatio: 1.6 },
  },
  rerun: { available: false, reason: 'extract has no --cache (result cache)' },
  peers: { terms: 5, results: [{ name: 'token + Map (hand-written)', buildMs: 1, cpuS: 0.3, wallS: 0.3, mbPerS: 10, matches: 42 }], note: 'in-process' },
  ratioToFastestPeer: { peer: 'token + Map (hand-written)', perCpuS: 0.075, perWallS: 0.05 },
};

describe('bench report', () => {
  it('prints every item, and why a figure is missing', () => {
    const text = renderBench(bench);
    for (const item of ['1-2.', '3.', '4.', '5.', '6.', '7.', '8.']) expect(text).toContain(`\n${item} `);
    expect(text).toContain('not available (extract has no --workers)');
    expect(text).toContain('failed: extract failed (exit 134)');
    expect(text).toContain('900 MB peak RSS, 30.0 s, exit 0, 12000 documents written');
    expect(text).toMatch(/token \+ Map \(hand-written\)\s+10\.00 MB per CPU-second, 42 matches/);
    expect(text).toMatch(/0\.075x per CPU-second/);
    expect(text).toMatch(/wall time 1 \/ 2 workers on 12 MB \(73 files\)\s+20\.00 s \/ 12\.50 s = 1\.60x/);
    expect(text).toMatch(/CPU s, 2 workers\s+25\.00 in all: main thread 1\.50, workers 10\.00 \+ 9\.80, other threads 3\.70; 2\.00 cores busy/);
    // the machine's own ceiling beside the pool's ratio: 1.6 / 1.25 = 128 %
    expect(text).toMatch(/ceiling: 2 one-worker processes on halves\s+20\.00 s \/ 16\.00 s = 1\.25x; 2 workers reach 128 % of it/);
    expect(text).toMatch(/ceiling: an integer loop, alone \/ twice at once\s+2\.00 s \/ 2\.50 s for twice the work = 1\.60x/);
    expect(text).not.toContain('seed corpus');
    expect(text).not.toContain('automaton');
  });
  it('prints the pipeline\'s own dictionary scan beside the peers when measured', () => {
    const ownScan = { name: 'this pipeline\'s automaton (all dictionaries)', buildMs: 0, cpuS: 0.1, wallS: 0.1, mbPerS: 30, matches: 90, ratioToFastestPeer: 3 };
    expect(renderBench({ ...bench, ownScan })).toMatch(/this pipeline's automaton \(all dictionaries\)\s+30\.00 MB per CPU-second, 90 matches: 3\.00x the fastest peer/);
  });
  it('prints the seed corpus\'s start-up and peak RSS when measured', () => {
    const text = renderBench({ ...bench, seed: { available: true, papers: 5, runs: 3, startupMs: 812, peakRssMb: 430, wallS: 6.5 } });
    expect(text).toMatch(/seed corpus \(default workers\): start-up, peak RSS\s+812 ms, 430 MB \(5 papers, 6\.5 s; median of 3 runs\)/);
  });
});
