/**
 * What processes documents in one thread: the lexicon and the classifier, loaded on first use
 * (a run whose items all come from the cache loads neither), once per thread.
 */
import type { ModelInfo } from '../model/schemas.js';
import type { DictionaryInfo, Lexicon } from '../tag/dictionary.js';
import type { LoadedClassifier } from '../relate/classifier/load.js';
import type { ProcessOptions } from '../pipeline.js';
import type { SharedLexiconParts } from '../tag/lexicon-share.js';
import type { EngineSpec } from './work-item.js';

export interface Engine {
  lexicon: Lexicon;
  options: ProcessOptions;
  /** what the manifest lists: dictionary files and models with checksums */
  context: RunContext;
}

export interface RunContext { dictionaries: DictionaryInfo[]; models: ModelInfo[] }

/** `shared`: the lexicon the pool's thread loaded once, handed over without copying its automaton. */
export async function loadEngine(spec: EngineSpec, shared?: SharedLexiconParts): Promise<Engine> {
  const { defaultClassifier, loadClassifier } = await import('../relate/classifier/load.js');
  const lexicon = shared ? (await import('../tag/lexicon-share.js')).lexiconFromShared(shared) : await loadLexicon(spec);
  const classifier: LoadedClassifier | null = spec.model === undefined ? defaultClassifier() : spec.model === null ? null : loadClassifier(spec.model);
  return fromObjects(lexicon, classifier, spec.entities);
}

export async function loadLexicon(spec: EngineSpec): Promise<Lexicon> {
  const { buildLexicon, defaultLexicon } = await import('../tag/dictionary.js');
  return spec.dictionaries ? buildLexicon(spec.dictionaries) : defaultLexicon();
}

/** An engine from objects the caller built (the library API: tests, bench). */
export function fromObjects(lexicon: Lexicon, classifier: LoadedClassifier | null, entities: EngineSpec['entities']): Engine {
  return { lexicon, options: { classifier, entities }, context: { dictionaries: lexicon.files, models: classifier ? [classifier.info] : [] } };
}

/** A lazily loaded engine: `get()` loads on the first call. */
export function lazyEngine(load: () => Promise<Engine>): { get: () => Promise<Engine>; loaded: () => Engine | undefined } {
  let engine: Engine | undefined;
  let pending: Promise<Engine> | undefined;
  return {
    get: () => (pending ??= load().then((e) => (engine = e))),
    loaded: () => engine,
  };
}
