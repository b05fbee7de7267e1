import { appendFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineOptions } from '../../src/pipeline.js';
import type { RunStats } from '../../src/run/run-pipeline.js';
import { filesOf, mixedInput, tmp } from './inputs.js';

const dictionaries = 'test/fixtures/dictionaries';

describe('result cache (incremental runs)', () => {
  const input = mixedInput();
  const cache = tmp('biotriples-cache-');
  const run = async (extra: Partial<PipelineOptions> = {}) => {
    const out = tmp();
    const summary = await runPipeline({ input, out, dictionaries, workers: 0, ledger: undefined, cache, ...extra });
    return { out, stats: summary.stats as RunStats, files: filesOf(out) };
  };
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => { first = await run(); }, 120_000);

  it('an unchanged re-run takes every item from the cache, loads no lexicon and writes the same bytes', async () => {
    expect(first.stats.cachedItems).toBe(0);
    expect(first.stats.lexiconLoaded).toBe(true);
    const again = await run();
    expect(again.stats.cachedItems).toBe(again.stats.items);
    expect(again.stats.lexiconLoaded).toBe(false);
    expect(again.files).toEqual(first.files);
  }, 60_000);

  it('an unchanged re-run into the same folder leaves it untouched; an edited output file is merged again', async () => {
    const out = tmp();
    const same = (extra: Partial<PipelineOptions> = {}) => runPipeline({ input, out, dictionaries, workers: 0, ledger: undefined, cache, ...extra });
    const firstSummary = await same();
    const triples = path.join(out, 'triples.jsonl');
    const before = statSync(triples, { bigint: true });
    const again = await same();
    expect(again.written).toBe(true);
    expect({ ...again, stats: undefined }).toEqual({ ...firstSummary, stats: undefined });
    const after = statSync(triples, { bigint: true });
    expect([after.ino, after.mtimeNs, after.ctimeNs]).toEqual([before.ino, before.mtimeNs, before.ctimeNs]);
    expect(filesOf(out)).toEqual(first.files);
    // a hand edit of the output (same size even) is noticed: the dataset is written again
    const text = readFileSync(triples, 'utf8');
    writeFileSync(triples, text.replace('"', "'"));
    await same();
    expect(filesOf(out)).toEqual(first.files);
    expect(statSync(triples, { bigint: true }).ino).not.toBe(before.ino);
  }, 60_000);

  it('a ledger change applies at merge time: no item is reprocessed, the result equals a clean run with that ledger', async () => {
    const triple = JSON.parse(first.files['triples.jsonl'].split('\n')[0]);
    const ledger = path.join(tmp('biotriples-ledger-'), 'ledger.jsonl');
    writeFileSync(ledger, JSON.stringify({ triple: triple.id, verdict: 'reject', reason: 'test', curator: 'test', timestamp: '2026-11-30T00:00:00Z' }) + '\n');
    const curated = await run({ ledger });
    expect(curated.stats.cachedItems).toBe(curated.stats.items);
    expect(curated.files['triples.jsonl']).not.toContain(triple.id);
    expect(curated.files).toEqual((await run({ ledger, cache: false })).files);
  }, 60_000);

  it('changing one paper reprocesses only it; the dataset equals a clean run', async () => {
    const paper = path.join(input, 'corpus', readdirSync(path.join(input, 'corpus'))[0]);
    appendFileSync(paper, '\nLapatinib inhibits HER2 kinase activity in these cells.\n');
    const changed = await run();
    expect(changed.stats.cachedItems).toBe(changed.stats.items - 1);
    expect(changed.files).toEqual((await run({ cache: false })).files);
    expect(changed.files['documents.jsonl']).not.toEqual(first.files['documents.jsonl']);
  }, 60_000);

  it('the learned gene tagger off is another entry (it changes the mentions), and on again finds the first', async () => {
    const before = process.env.BIOTRIPLES_LEARNED_GENES;
    process.env.BIOTRIPLES_LEARNED_GENES = '0';
    try {
      const off = await run();
      expect(off.stats.cachedItems).toBe(0);
    } finally {
      if (before === undefined) delete process.env.BIOTRIPLES_LEARNED_GENES; else process.env.BIOTRIPLES_LEARNED_GENES = before;
    }
    const on = await run();
    expect(on.stats.cachedItems).toBe(on.stats.items);
  }, 60_000);

  it('different dictionaries or options are different entries', async () => {
    const given = await run({ entities: 'given' });
    expect(given.stats.cachedItems).toBe(0);
    expect(readdirSync(cache).filter((f) => f.endsWith('.jsonl')).length).toBeGreaterThan(given.stats.items);
  }, 60_000);
});

describe('default locations named without importing the stages', () => {
  it('match the dictionary folder and model file the stages load', async () => {
    const { DICTIONARIES, DEFAULT_MODEL_FILE } = await import('../../src/run/result-cache.js');
    const { DICTIONARY_DIR } = await import('../../src/tag/dictionary.js');
    const { ROOT, DEFAULT_MODEL } = await import('../../src/relate/classifier/load.js');
    expect(DICTIONARIES).toBe(DICTIONARY_DIR);
    expect(DEFAULT_MODEL_FILE).toBe(path.join(ROOT, DEFAULT_MODEL));
  });
});
