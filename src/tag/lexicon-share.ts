/**
 * A lexicon handed to worker threads without copying its automaton: the compiled trie lives in
 * one SharedArrayBuffer, which every worker wraps with views of its own (no checksum, no
 * decoding); the stop list, file info and species tables are small and structured-cloned.
 */
import { type SharedAutomaton, TermAutomaton } from './automaton.js';
import type { DictionaryInfo, Lexicon } from './dictionary.js';
import type { SpeciesData } from './species.js';

/** What a worker needs to rebuild a Lexicon in milliseconds; safe to pass to `postMessage`/`workerData`. */
export interface SharedLexiconParts {
  automaton: SharedAutomaton;
  stopKeys: Set<string>;
  files: DictionaryInfo[];
  cache?: Lexicon['cache'];
  species?: SpeciesData;
}

export function shareLexicon(lexicon: Lexicon): SharedLexiconParts {
  const { automaton, stopKeys, files, cache, species } = lexicon;
  return { automaton: automaton.shared(), stopKeys, files, ...(cache ? { cache } : {}), ...(species ? { species } : {}) };
}

export function lexiconFromShared(parts: SharedLexiconParts): Lexicon {
  const { automaton, stopKeys, files, cache, species } = parts;
  return { automaton: TermAutomaton.fromShared(automaton), stopKeys, files, ...(cache ? { cache } : {}), ...(species ? { species } : {}) };
}
