import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, defaultClassifier } from '../../../src/relate/classifier/load.js';
import { PREDICATE_BY_ID } from '../../../src/relate/predicates.js';

describe('the committed relation model', () => {
  const manifest = JSON.parse(readFileSync('models/relation-drugprot.manifest.json', 'utf8'));
  it('loads, and its manifest names it by checksum', () => {
    const c = defaultClassifier();
    expect(c).not.toBeNull();
    expect(c!.info.sha256).toBe(createHash('sha256').update(readFileSync(DEFAULT_MODEL)).digest('hex'));
    expect(manifest.sha256).toBe(c!.info.sha256);
    expect(manifest.training.files.length).toBeGreaterThan(0);
    expect(manifest.evaluation.givenEntities.f1).toBeGreaterThan(0);
  });
  it('is small (a few MB) and maps every class to a predicate whose DrugProt class is that class', () => {
    expect(statSync(DEFAULT_MODEL).size).toBeLessThan(8e6);
    const c = defaultClassifier()!;
    for (const cls of c.model.classes.slice(1)) expect(PREDICATE_BY_ID.get(c.file.predicates[cls])?.drugprot).toBe(cls);
    expect(c.model.classes[0]).toBe('none');
  });
});
