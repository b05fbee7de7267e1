/**
 * Loads the committed relation model (`models/relation-drugprot.json`, written by `npm run train`).
 * Extraction reads only this file: never ../shared, never the network.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelInfo } from '../../model/schemas.js';
import { cacheDir } from '../../tag/lexicon-cache.js';
import { readModelCache, writeModelCache } from './model-cache.js';
import { RelationClassifier, type RelationModelFile } from './relation-model.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_MODEL = 'models/relation-drugprot.json';

export interface LoadedClassifier extends RelationClassifier { info: ModelInfo }

/**
 * The model in `file`: from its compiled cache entry when one matches the file's checksum (no JSON
 * parse), else parsed from the JSON and cached for the next process (`cache`: false or a folder,
 * as for the lexicon; by default `.cache/` unless BIOTRIPLES_LEXICON_CACHE=0).
 */
export function loadClassifier(file: string, cache?: false | string): LoadedClassifier {
  const bytes = readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = cacheDir(cache);
  let parsed = dir ? readModelCache<RelationModelFile>(dir, sha256) : undefined;
  const cached = !!parsed;
  if (!parsed) {
    try { parsed = JSON.parse(bytes.toString('utf8')) as RelationModelFile; } catch (e) { throw new Error(`${file}: not a model file (${(e as Error).message})`); }
  }
  const classifier = new RelationClassifier(parsed) as LoadedClassifier;
  if (dir && !cached) writeModelCache(dir, sha256, parsed, classifier.model.flat);
  const rel = path.relative(ROOT, path.resolve(file));
  classifier.info = { name: parsed.name, file: rel.startsWith('..') ? file : rel, sha256 };
  return classifier;
}

let cached: LoadedClassifier | null | undefined;

/** the committed model, or null when the repository has none (rules only) */
export function defaultClassifier(): LoadedClassifier | null {
  if (cached === undefined) {
    const file = path.join(ROOT, DEFAULT_MODEL);
    cached = existsSync(file) ? loadClassifier(file) : null;
  }
  return cached;
}
