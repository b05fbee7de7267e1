/**
 * A lexicon handed to worker threads without copying its automaton: the compiled trie lives in
 * one SharedArrayBuffer, which every worker wraps with views of its own (no checksum, no
 * decoding); the stop list and file info are small and structured-cloned. The species tables
 * are cloned too, or, when the sending thread left them out (`speciesDir`), read by each worker
 * from the dictionary folder: decoding the clone of their 18k-entry ortholog map cost a worker
 * more than reading the file, and the sender its own read and the copy.
 */
import { type SharedAutomaton, TermAutomaton } from './automaton.js';
import type { DictionaryInfo, Lexicon } from './dictionary.js';
import { loadSpeciesData, type SpeciesData } from './species.js';

/** What a worker needs to rebuild a Lexicon in milliseconds; safe to pass to `postMessage`/`workerData`. */
export interface SharedLexiconParts {
  automaton: SharedAutomaton;
  stopKeys: Set<string>;
  files: DictionaryInfo[];
  cache?: Lexicon['cache'];
  species?: SpeciesData;
  /** the dictionary folder whose species tables the receiver reads (when `species` is not sent) */
  speciesDir?: string;
}

/** `speciesDir`: the folder the lexicon was built from, for a lexicon built without its species tables */
export function shareLexicon(lexicon: Lexicon, speciesDir?: string): SharedLexiconParts {
  const { automaton, stopKeys, files, cache, species } = lexicon;
  return { automaton: automaton.shared(), stopKeys, files, ...(cache ? { cache } : {}), ...(species ? { species } : speciesDir ? { speciesDir } : {}) };
}

export function lexiconFromShared(parts: SharedLexiconParts): Lexicon {
  const { automaton, stopKeys, files, cache } = parts;
  const species = parts.species ?? (parts.speciesDir ? speciesTables(parts.speciesDir) : undefined);
  return { automaton: TermAutomaton.fromShared(automaton), stopKeys, files, ...(cache ? { cache } : {}), ...(species ? { species } : {}) };
}

const tables = new Map<string, SpeciesData | undefined>();
/** The species tables of a dictionary folder, read once per thread (a worker reads them while the lexicon is on its way). */
export function speciesTables(dir: string): SpeciesData | undefined {
  if (!tables.has(dir)) tables.set(dir, loadSpeciesData(dir));
  return tables.get(dir);
}
