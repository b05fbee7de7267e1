import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlatWeights } from '../../../src/relate/classifier/flat-weights.js';
import { LinearModel, type LinearModelFile } from '../../../src/relate/classifier/linear-model.js';
import { DEFAULT_MODEL, ROOT, loadClassifier } from '../../../src/relate/classifier/load.js';
import { modelCacheFile, readModelCache, writeModelCache } from '../../../src/relate/classifier/model-cache.js';

const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(path.join(tmpdir(), 'model-cache-')); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const toy: LinearModelFile = {
  format: 'biotriples-linear-v1', name: 'toy', classes: ['none', 'A', 'B'], temperature: 1.5,
  weights: { 'b:inhibit': [1, 0.5, 2, -0.25], bias: [0, 0.125], 'w:αβ|x': [2, 1e-9], '12': [0, -3], 'b:inhibi': [1, 7] },
};
const SHA = 'a'.repeat(64);

describe('FlatWeights', () => {
  it('finds every name, and no name it does not hold (prefixes, extensions, absent)', () => {
    const flat = FlatWeights.fromRecord(toy.weights);
    for (const [name, w] of Object.entries(toy.weights)) expect(flat.weightsAt(flat.row(name))).toEqual(w);
    for (const absent of ['b:inhib', 'b:inhibitx', '', 'bias ', '1']) expect(flat.row(absent)).toBe(-1);
    expect(flat.toRecord()).toEqual(toy.weights);
    expect(Object.keys(flat.toRecord())).toEqual(Object.keys(toy.weights));
  });
  it('refuses a row that is not (class, weight) pairs', () => {
    expect(() => FlatWeights.fromRecord({ x: [1, 0.5, 2] })).toThrow(/pairs/);
  });
});

describe('the compiled model cache', () => {
  it('gives back the model file: same fields, same weights, same scores', () => {
    const dir = tempDir();
    const flat = FlatWeights.fromRecord(toy.weights);
    expect(writeModelCache(dir, SHA, toy, flat)).toBe(true);
    const back = readModelCache<LinearModelFile>(dir, SHA)!;
    expect(back).toBeDefined();
    expect({ ...back }).toEqual(toy);
    const features = ['b:inhibit', 'bias', 'w:αβ|x', 'unknown', 'bias'];
    expect([...new LinearModel(back).scores(features)]).toEqual([...new LinearModel(toy).scores(features)]);
  });
  it('is not read for another model checksum, nor when damaged', () => {
    const dir = tempDir();
    writeModelCache(dir, SHA, toy, FlatWeights.fromRecord(toy.weights));
    expect(readModelCache(dir, 'b'.repeat(64))).toBeUndefined();
    const file = modelCacheFile(dir, SHA);
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] ^= 1; // a weight's bit
    writeFileSync(file, bytes);
    expect(readModelCache(dir, SHA)).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, 50));
    expect(readModelCache(dir, SHA)).toBeUndefined();
  });
  it('the committed model loads from its cache entry as from its JSON: same checksum, rows and scores', () => {
    const dir = tempDir();
    const file = path.join(ROOT, DEFAULT_MODEL);
    const fromJson = loadClassifier(file, false);
    const first = loadClassifier(file, dir); // parses the JSON, writes the entry
    expect(readdirSync(dir).filter((f) => f.startsWith('relation-model-'))).toHaveLength(1);
    const cached = loadClassifier(file, dir);
    expect(cached.info).toEqual(fromJson.info);
    expect(first.info).toEqual(fromJson.info);
    const json = JSON.parse(readFileSync(file, 'utf8')) as LinearModelFile & Record<string, unknown>;
    for (const k of Object.keys(json)) if (k !== 'weights') expect((cached.file as unknown as Record<string, unknown>)[k]).toEqual(json[k]);
    const names = Object.keys(json.weights);
    expect(cached.model.rowCount).toBe(names.length);
    for (let r = 0; r < names.length; r += 97) {
      expect(cached.model.row(names[r])).toBe(r);
      expect(cached.model.weightsAt(r)).toEqual(json.weights[names[r]]);
    }
    const sample = names.filter((_, i) => i % 13 === 0);
    expect([...cached.model.scores(sample)]).toEqual([...fromJson.model.scores(sample)]);
  }, 30_000);
});
