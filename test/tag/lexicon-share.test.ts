import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/tag/dictionary.js';
import { lexiconFromShared, shareLexicon, speciesTables } from '../../src/tag/lexicon-share.js';
import { tagEntities } from '../../src/tag/tag-entities.js';
import { segmentText } from '../../src/segment/segment.js';

const TEXT = 'HER2-positive breast cancer treated with trastuzumab and the PI3K/AKT pathway; CAT levels rose, her2 and p95HER2 fell in mouse Erbb2 tumours.';
const tag = (lexicon: ReturnType<typeof buildLexicon>) => tagEntities(TEXT, segmentText(TEXT), lexicon);

describe('lexicon shared with worker threads', () => {
  const lexicon = buildLexicon('test/fixtures/dictionaries', { cache: false });
  it('rebuilds the same lexicon from structured-cloned parts, over the same shared memory', () => {
    const parts = shareLexicon(lexicon);
    expect(parts.automaton.buffer).toBeInstanceOf(SharedArrayBuffer);
    const copy = lexiconFromShared(structuredClone(parts));
    expect(tag(copy)).toEqual(tag(lexicon));
    expect(tag(copy).length).toBeGreaterThan(2);
    expect([copy.automaton.terms, copy.automaton.size, copy.stopKeys, copy.files]).toEqual([lexicon.automaton.terms, lexicon.automaton.size, lexicon.stopKeys, lexicon.files]);
    // the same bytes, not a copy: a write through one buffer is seen through the clone's
    const mine = new Uint8Array(parts.automaton.buffer, parts.automaton.byteOffset, 8);
    const cloned = structuredClone(parts.automaton);
    const theirs = new Uint8Array(cloned.buffer, cloned.byteOffset, 8);
    const before = mine[7];
    mine[7] ^= 1;
    expect(theirs[7]).toBe(mine[7]);
    mine[7] = before;
  });

  it('a worker thread scans with the shared automaton', async () => {
    const parts = shareLexicon(lexicon);
    const worker = new Worker(`
      const { workerData, parentPort } = require('node:worker_threads');
      const { buffer, byteOffset, byteLength } = workerData;
      const bytes = new Uint8Array(buffer, byteOffset, byteLength);
      parentPort.postMessage({ shared: buffer instanceof SharedArrayBuffer, magic: Buffer.from(bytes.subarray(0, 4)).toString('latin1') });
    `, { eval: true, workerData: parts.automaton });
    const reply = await new Promise((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
    await worker.terminate();
    expect(reply).toEqual({ shared: true, magic: 'BTLX' });
  });

  it('a lexicon built without its species tables gets them from the folder on the receiving side, as a full build has them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'species-dir-'));
    try {
      cpSync('test/fixtures/dictionaries', dir, { recursive: true });
      for (const f of ['species.tsv', 'orthologs.tsv']) cpSync(path.join('dictionaries', f), path.join(dir, f));
      const full = buildLexicon(dir, { cache: false });
      const bare = buildLexicon(dir, { cache: false, species: false });
      expect(full.species?.orthologs.size).toBeGreaterThan(1000);
      expect(bare.species).toBeUndefined();
      const parts = structuredClone(shareLexicon(bare, dir));
      expect(parts.species).toBeUndefined();
      const copy = lexiconFromShared(parts);
      expect(copy.species).toEqual(full.species);
      expect(tag(copy)).toEqual(tag(full));
      expect(tag(copy).some((m) => m.species)).toBe(true);
      // read once per thread
      expect(speciesTables(dir)).toBe(copy.species);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
