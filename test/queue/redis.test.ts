import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/check-options.js';
import { checkRunId, connect, jobId, keys } from '../../src/queue/redis.js';
import { checkWorker, WrongWorker } from '../../src/queue/run-item.js';
import type { RunSettings } from '../../src/queue/plan.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';

describe('queue names and options', () => {
  it('refuses a --queue that is not a redis:// URL, before connecting', () => {
    for (const bad of ['localhost:6379', 'http://127.0.0.1:6379', 'redis//x']) expect(() => connect(bad)).toThrow(OptionError);
  });

  it('refuses run ids that could break a key or a job id', () => {
    for (const bad of ['', 'a:b', 'a.b', 'a b', 'x'.repeat(65)]) expect(() => checkRunId(bad)).toThrow(OptionError);
    expect(checkRunId('pubmed-2026_01')).toBe('pubmed-2026_01');
  });

  it('keeps a run\'s keys under its id, apart from the queue\'s own', () => {
    expect(keys.result('r1', 'abc')).toBe('biotriples:run:r1:result:abc');
    expect(keys.plan('r1')).not.toBe(keys.plan('r2'));
    expect(jobId('r1', 'abc')).toBe('r1.abc');
  });
});

describe('a worker checks it is set up as the run was planned', () => {
  const settings: RunSettings = {
    entities: 'tagger', model: { name: 'm', file: 'models/m.json', sha256: 'a'.repeat(64) },
    dictionaries: [{ file: 'genes.tsv', rows: 10, sha256: 'b'.repeat(64) }], limits: DEFAULT_LIMITS, toolVersion: '1.0.0', code: 'd'.repeat(64),
  };
  it('accepts the same dictionaries, model, version and code, and refuses any other', () => {
    expect(() => checkWorker(settings, structuredClone(settings))).not.toThrow();
    expect(() => checkWorker(settings, { ...settings, dictionaries: [{ ...settings.dictionaries[0], sha256: 'c'.repeat(64) }] })).toThrow(/other dictionaries/);
    expect(() => checkWorker(settings, { ...settings, model: null })).toThrow(/model none/);
    expect(() => checkWorker(settings, { ...settings, toolVersion: '1.0.1' })).toThrow(WrongWorker);
    expect(() => checkWorker(settings, { ...settings, code: 'e'.repeat(64) })).toThrow(/other code/);
  });
});
