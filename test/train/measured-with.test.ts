import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measuredWith, staleInputs } from '../../src/train/measured-with.js';

const manifest = JSON.parse(readFileSync('models/relation-drugprot.manifest.json', 'utf8'));

describe('the relation manifest records what its end-to-end figures were measured with', () => {
  it('matches the current dictionaries and gene tagger (else run `npm run train` and commit models/)', async () => {
    const stale = staleInputs(manifest.measuredWith, await measuredWith());
    expect(stale, `models/relation-drugprot.manifest.json was measured with other ${stale.join(' and ')}: run npm run train`).toEqual([]);
  });

  it('names each input that changed', () => {
    const now = { dictionaries: 'a', geneTagger: 'b' };
    expect(staleInputs(now, now)).toEqual([]);
    expect(staleInputs({ dictionaries: 'a', geneTagger: 'old' }, now)).toEqual(['geneTagger']);
    expect(staleInputs({ dictionaries: 'old', geneTagger: null }, now)).toEqual(['dictionaries', 'geneTagger']);
    expect(staleInputs(undefined, now)).toEqual(['dictionaries', 'geneTagger']);
  });
});
