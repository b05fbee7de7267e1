/**
 * Where the learned gene tagger's model lives and whether it is on: all the run loop needs for
 * its result-cache key, in a module of its own, so the main thread of a run does not load the
 * tagger's modules (its workers do).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODEL_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models/gene-tagger.json');

/** BIOTRIPLES_LEARNED_GENES=0 turns the learned tagger off; on by default */
export function learnedGenesOn(): boolean {
  const v = process.env.BIOTRIPLES_LEARNED_GENES ?? '1';
  if (v !== '0' && v !== '1') throw new Error(`BIOTRIPLES_LEARNED_GENES must be 0 or 1 (got "${v}")`);
  return v === '1';
}
