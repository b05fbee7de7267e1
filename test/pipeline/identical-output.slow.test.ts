/**
 * Slow (BIOTRIPLES_SLOW=1, needs ../shared): the pipeline's output on the shared eval corpora is
 * byte-identical to the committed fingerprints, so speed work (tokenizer, automaton, workers,
 * merge) provably changes nothing. Regenerate only for an intended change of output:
 * `npx tsx scripts/output-fingerprint.ts --write`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_RUNS, FIXTURE, SHARED, fingerprint } from '../../scripts/output-fingerprint.js';

const RUN = !!process.env.BIOTRIPLES_SLOW && existsSync(SHARED);
const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Record<string, string>>;

describe.runIf(RUN)('output on the shared eval corpora is what the fingerprints say', () => {
  it('every run has a fingerprint', () => expect(Object.keys(expected).sort()).toEqual(Object.keys(FINGERPRINT_RUNS).sort()));
  for (const name of Object.keys(FINGERPRINT_RUNS))
    it(name, async () => expect(await fingerprint(name)).toEqual(expected[name]), 300_000);
});
