import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { buildLexicon } from '../../src/tag/dictionary.js';
import { DATASET_FILES, filesOf, mixedInput, tmp } from './inputs.js';

const dictionaries = 'test/fixtures/dictionaries';

describe('worker pool', () => {
  const input = mixedInput();
  const runs: Record<string, string> = {};
  beforeAll(async () => {
    // reference: this thread, the lexicon object as the library API passes it
    runs.inline = tmp();
    await runPipeline({ input, out: runs.inline, lexicon: buildLexicon(dictionaries), ledger: undefined });
    for (const n of [1, 2, 3]) {
      runs[n] = tmp();
      await runPipeline({ input, out: runs[n], dictionaries, workers: n, ledger: undefined });
    }
  }, 240_000);

  it('writes a complete dataset with a duplicated id and broken files recorded', () => {
    for (const f of DATASET_FILES) expect(existsSync(path.join(runs[1], f)), f).toBe(true);
    const manifest = JSON.parse(filesOf(runs[1])['manifest.json']);
    expect(manifest.documents.ok).toBeGreaterThan(10);
    expect(manifest.errors.map((e: { code: string }) => e.code)).toContain('duplicate-id');
  });

  it('gives byte-identical datasets (texts/ included) for 1, 2 and 3 workers and in this thread', () => {
    const reference = filesOf(runs.inline);
    expect(Object.keys(reference)).toEqual(expect.arrayContaining([...DATASET_FILES, expect.stringMatching(/^texts\//)]));
    for (const n of ['1', '2', '3']) expect(filesOf(runs[n]), `${n} workers`).toEqual(reference);
  });

  it('merges in bounded fan-in passes with the same bytes', async () => {
    const out = tmp();
    await runPipeline({ input, out, lexicon: buildLexicon(dictionaries), ledger: undefined, mergeFanIn: 2 });
    expect(filesOf(out)).toEqual(filesOf(runs.inline));
  }, 60_000);
});

describe('per-item budget', () => {
  const input = tmp('biotriples-budget-');
  writeFileSync(path.join(input, 'good.txt'), 'Lapatinib inhibits HER2 in breast cancer cells.\n');
  writeFileSync(path.join(input, 'slow.txt'), 'Trastuzumab targets HER2.\n');
  writeFileSync(path.join(input, 'huge.txt'), 'Gefitinib inhibits EGFR.\n');
  const clean = tmp();
  beforeAll(() => runPipeline({ input: path.join(input, 'good.txt'), out: clean, dictionaries, workers: 1, ledger: undefined }), 60_000);
  const expectGoodAsClean = (out: string) => {
    const [a, b] = [filesOf(clean), filesOf(out)];
    const good = (rows: string) => rows.split('\n').filter((l) => l.includes('"doc":"good"')).join('\n');
    for (const f of ['entities.jsonl', 'triples.jsonl', 'statements.jsonl']) expect(good(b[f]), f).toBe(good(a[f]));
    expect(a['triples.jsonl']).toContain('"doc":"good"');
    expect(b['annotations.pubtator']).toContain(a['annotations.pubtator'].trim());
  };

  it('a file past the time budget is stopped and recorded as timeout; the others are as in a clean run', async () => {
    const out = tmp();
    const summary = await runPipeline({ input, out, dictionaries, workers: 2, ledger: undefined, docTimeoutMs: 4000, testHooks: { 'slow.txt': { busyMs: 600_000 } } });
    expect(summary.failed.map((f) => [path.basename(f.file), f.code])).toEqual([['slow.txt', 'timeout']]);
    expect(summary.failed[0].reason).toMatch(/more than 4 s of CPU/);
    expect(summary.documents).toBe(2);
    expectGoodAsClean(out);
  }, 120_000);

  it('the time budget grows with the document\'s length: a long document may take longer than a short one', async () => {
    // 1 s plus 2 s per thousand characters (short: 1.05 s, long: 3.9 s); each document of both files works 2 s of CPU
    const dir = tmp('biotriples-budget-size-');
    writeFileSync(path.join(dir, 'short.txt'), 'Trastuzumab targets HER2.\n');
    writeFileSync(path.join(dir, 'long.txt'), 'Lapatinib inhibits HER2 in breast cancer cells. '.repeat(30));
    const out = tmp();
    const sleep = { documentBusyMs: 2000 };
    const summary = await runPipeline({ input: dir, out, dictionaries, workers: 2, ledger: undefined, docTimeoutMs: 1000, docTimeoutPerMillionCharsMs: 2_000_000, testHooks: { 'short.txt': sleep, 'long.txt': sleep } });
    expect(summary.failed.map((f) => [path.basename(f.file), f.code])).toEqual([['short.txt', 'timeout']]);
    expect(summary.failed[0].reason).toMatch(/more than 1\.1 s of CPU \(--doc-timeout, plus 2000 s per million characters\)/);
    expect(summary.documents).toBe(1);
  }, 120_000);

  it('the budget is CPU time: a worker that waits without working is stopped at ten times its budget', async () => {
    const out = tmp();
    const began = performance.now();
    const summary = await runPipeline({ input, out, dictionaries, workers: 2, ledger: undefined, docTimeoutMs: 500, testHooks: { 'slow.txt': { idleMs: 600_000 } } });
    expect(summary.failed.map((f) => [path.basename(f.file), f.code])).toEqual([['slow.txt', 'timeout']]);
    expect(summary.failed[0].reason).toMatch(/waited more than \d+ s without working \(10 × its 0\.5 s of CPU/);
    // the two good files took their 0.5 s budgets' worth of wall time, or more, without being stopped
    expect(performance.now() - began).toBeGreaterThan(5000);
    expect(summary.documents).toBe(2);
    expectGoodAsClean(out);
  }, 120_000);

  it('a file past the worker heap limit is recorded as out-of-memory; the worker is replaced and the others go on', async () => {
    const out = tmp();
    const summary = await runPipeline({ input, out, dictionaries, workers: 1, ledger: undefined, docMemoryMb: 256, testHooks: { 'huge.txt': { exhaustMemory: true } } });
    expect(summary.failed.map((f) => [path.basename(f.file), f.code])).toEqual([['huge.txt', 'out-of-memory']]);
    expect(summary.documents).toBe(2);
    expectGoodAsClean(out);
  }, 120_000);
});
