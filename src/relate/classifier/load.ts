/**
 * Loads the committed relation model (`models/relation-drugprot.json`, written by `npm run train`).
 * Extraction reads only this file: never ../shared, never the network.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelInfo } from '../../model/schemas.js';
import { RelationClassifier, type RelationModelFile } from './relation-model.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_MODEL = 'models/relation-drugprot.json';

export interface LoadedClassifier extends RelationClassifier { info: ModelInfo }

export function loadClassifier(file: string): LoadedClassifier {
  const bytes = readFileSync(file);
  let parsed: RelationModelFile;
  try { parsed = JSON.parse(bytes.toString('utf8')) as RelationModelFile; } catch (e) { throw new Error(`${file}: not a model file (${(e as Error).message})`); }
  const classifier = new RelationClassifier(parsed) as LoadedClassifier;
  const rel = path.relative(ROOT, path.resolve(file));
  classifier.info = { name: parsed.name, file: rel.startsWith('..') ? file : rel, sha256: createHash('sha256').update(bytes).digest('hex') };
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
