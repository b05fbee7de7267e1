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

/**
 * `shared`: the lexicon the pool's thread loaded once, handed over without copying its automaton;
 * a promise when that thread is still loading it (a worker reads its models meanwhile).
 */
export async function loadEngine(spec: EngineSpec, shared?: SharedLexiconParts | Promise<SharedLexiconParts>): Promise<Engine> {
  const { defaultClassifier, loadClassifier } = await import('../relate/classifier/load.js');
  const classifier: LoadedClassifier | null = spec.model === undefined ? defaultClassifier() : spec.model === null ? null : loadClassifier(spec.model);
  const { lexiconFromShared, speciesTables } = await import('../tag/lexicon-share.js');
  if (shared instanceof Promise) {
    // what the first document needs besides the lexicon, read while the lexicon is on its way
    await preloadGeneModel();
    speciesTables(spec.dictionaries ?? (await import('../tag/dictionary.js')).DICTIONARY_DIR);
  }
  const lexicon = shared ? lexiconFromShared(await shared) : await loadLexicon(spec);
  return fromObjects(lexicon, classifier, spec.entities);
}

/** The learned gene tagger's model, read while waiting for the lexicon; a failure is left to the first document to report, as without this. */
async function preloadGeneModel(): Promise<void> {
  const { learnedGenesOn } = await import('../tag/learned/switch.js');
  if (!learnedGenesOn()) return;
  try { (await import('../tag/learned/gene-tagger.js')).defaultGeneModel(); } catch { /* reported where it is used */ }
}

export async function loadLexicon(spec: EngineSpec): Promise<Lexicon> {
  const { buildLexicon, defaultLexicon } = await import('../tag/dictionary.js');
  return spec.dictionaries ? buildLexicon(spec.dictionaries) : defaultLexicon();
}

/** The lexicon a run's main thread shares with its workers: without the species tables, which each worker reads itself. */
export async function loadSharedLexicon(spec: EngineSpec): Promise<SharedLexiconParts> {
  const { buildLexicon, DICTIONARY_DIR } = await import('../tag/dictionary.js');
  const { shareLexicon } = await import('../tag/lexicon-share.js');
  if (spec.dictionaries) return shareLexicon(buildLexicon(spec.dictionaries, { species: false }), spec.dictionaries);
  // the default folder's, once per process (as defaultLexicon)
  return (defaultShared ??= shareLexicon(buildLexicon(DICTIONARY_DIR, { species: false }), DICTIONARY_DIR));
}
let defaultShared: SharedLexiconParts | undefined;

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
