import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { mixedInput, tmp } from './inputs.js';

describe('workers start before the lexicon is loaded', () => {
  it('a lexicon that cannot load still fails the run with its reason, and the workers are stopped', async () => {
    const missing = path.join(tmp(), 'no-dictionaries');
    await expect(runPipeline({ input: mixedInput(), out: tmp(), dictionaries: missing, workers: 2, ledger: undefined })).rejects.toThrow(/dictionar/);
  }, 60_000);
});
