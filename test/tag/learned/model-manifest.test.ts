/**
 * The gene tagger's features read the lexicon, so models/gene-tagger.json records the dictionary
 * files it was trained with. A dictionary change without `npm run train:genes` left the committed
 * model stale, and only the slow CI suite (which retrains) caught it: this fast check names the files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../../src/tag/dictionary.js';
import { MODEL_FILE } from '../../../src/tag/learned/switch.js';

describe('models/gene-tagger.json', () => {
  it('was trained with the dictionary files the lexicon reads now (else: npm run train:genes)', () => {
    const trained: { file: string; sha256: string }[] = JSON.parse(readFileSync(MODEL_FILE, 'utf8')).manifest.dictionaries;
    const current = defaultLexicon().files.map((f) => ({ file: f.file, sha256: f.sha256 }));
    const stale = current.filter((f) => !trained.some((t) => t.file === f.file && t.sha256 === f.sha256)).map((f) => f.file);
    expect(stale, `changed since training: ${stale.join(', ')}; run npm run train:genes`).toEqual([]);
    expect(trained.map((t) => t.file)).toEqual(current.map((f) => f.file));
  });
});
