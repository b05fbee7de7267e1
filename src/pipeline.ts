/**
 * The pipeline, top to bottom: ingest → normalize → segment → tag → relate → (curate) → emit.
 * `processDocument` is pure (text in, rows out) so a worker can run it; `runPipeline`
 * (src/run/) does the I/O: work items, worker pool, result shards and cache, the streaming
 * merge with curation, and the switch of the output folder in one step.
 */
import type { DocumentRecord, Entity, Triple } from './model/schemas.js';
import type { SourceDocument } from './ingest/document.js';
import type { InputLimits } from './ingest/limits.js';
import { normalizeText, type NormalizedText } from './normalize/normalize.js';
import { segmentText, type Sentence } from './segment/segment.js';
import { segmentOutline } from './segment/outline.js';
import { givenMentions, mergeMentions, type EntitySource } from './tag/given-entities.js';
import type { Mention } from './tag/mention.js';
import type { LoadedClassifier } from './relate/classifier/load.js';
import type { RelationClassifier } from './relate/classifier/relation-model.js';
import { layoutInNormalized } from './segment/layout-sections.js';
import type { Lexicon } from './tag/dictionary.js';
import { tagEntities } from './tag/tag-entities.js';
import { tagDrugClasses } from './tag/drug-classes.js';
import { findNestedChemicals } from './tag/nested-chemicals.js';
import { findGenesInPathways } from './tag/nested-genes.js';
import { relateDocument } from './relate/relate.js';
import { assignTripleIds, dedupeTriples, toEntity, toTriple } from './emit/to-records.js';
import { savesText, type DocumentResult, type FailedInput } from './emit/dataset.js';
import type { CurationSummary } from './curate/apply.js';
import type { RunStats } from './run/run-pipeline.js';
import type { WorkItem } from './run/work-item.js';

export interface ProcessOptions {
  /** the learned relation classifier (null or absent: rules only; runPipeline loads the committed one when absent) */
  classifier?: RelationClassifier | null;
  /** whose entity mentions relations are found between: the tagger's, the input's own, or both */
  entities?: EntitySource;
}

export function processDocument(doc: SourceDocument, lexicon: Lexicon, options: ProcessOptions = {}): DocumentResult {
  const normalized = normalizeText(doc.text);
  // structured formats bring their own blocks and sections, PDFs their page layout; other text is segmented by its headings
  const sentences = doc.outline ? segmentOutline(normalized.text, normalized.map, doc.outline) : segmentText(normalized.text, doc.layout && layoutInNormalized(doc.layout, normalized.map));
  const mentions = chooseMentions(doc, normalized, sentences, lexicon, options.entities ?? 'tagger');
  // drug classes as agents ("HER2 inhibitors"), nested over the genes they name; the tagger's own finding
  const classes = options.entities === 'given' ? [] : tagDrugClasses(normalized.text, sentences, mentions, lexicon);
  const relations = relateDocument(normalized.text, sentences, mentions, options.classifier ?? undefined, classes);
  // chemicals inside gene and class names ("dopamine" in "dopamine D2 receptor"), nested like the classes
  const nested = options.entities === 'given' ? [] : findNestedChemicals(normalized.text, sentences, [...mentions, ...classes], lexicon);
  // genes inside pathway names ("PI3K" in "PI3K/Akt pathway"), nested like the chemicals
  const nestedGenes = options.entities === 'given' ? [] : findGenesInPathways(normalized.text, sentences, mentions, lexicon);
  const entities: Entity[] = [...mentions, ...classes, ...nested, ...nestedGenes].map((m) => toEntity(doc.id, doc.text, normalized.map, sentences, m));
  const triples: Triple[] = assignTripleIds(dedupeTriples(relations.map((r) => toTriple(doc.id, doc.text, normalized.map, sentences, r))));
  const record: DocumentRecord = {
    id: doc.id, source: doc.source, format: doc.format, sha256: doc.sha256, chars: doc.text.length, sentences: sentences.length, encoding: doc.encoding, status: 'ok',
    ...(doc.pmid && { pmid: doc.pmid }), ...(doc.pmcid && { pmcid: doc.pmcid }),
    ...(savesText(doc) && { textFile: `texts/${doc.id}.txt` }),
  };
  return { doc, record, entities, triples, repairs: normalized.repairs };
}

function chooseMentions(doc: SourceDocument, normalized: NormalizedText, sentences: Sentence[], lexicon: Lexicon, source: EntitySource): Mention[] {
  if (source === 'tagger' || !doc.entities) return tagEntities(normalized.text, sentences, lexicon);
  const given = givenMentions(normalized.map, sentences, doc.entities).mentions;
  return source === 'given' ? given : mergeMentions(given, tagEntities(normalized.text, sentences, lexicon));
}

export interface PipelineOptions extends Omit<ProcessOptions, 'classifier'> {
  /** the relation classifier with its file info (default: the committed model; null: rules only) */
  classifier?: LoadedClassifier | null;
  input: string;
  out: string;
  /** files read at once when documents are processed in this thread (workers: 0) */
  concurrency?: number;
  /** a lexicon object to use (shared with the workers without copying); default: the dictionaries' */
  lexicon?: Lexicon;
  /** dictionary folder the workers load (default: dictionaries/ of the repo) */
  dictionaries?: string;
  /** worker threads (default 0 here: this thread; the CLI defaults to the number of cores) */
  workers?: number;
  /** result cache folder (the CLI's default: .cache/results), or false/absent for none */
  cache?: string | false;
  /** the cache is swept down to this many bytes after the run */
  cacheMaxBytes?: number;
  /** per-document budget of CPU time in a worker (default 60 s), plus 10 s per million characters of the document */
  docTimeoutMs?: number;
  /** added to docTimeoutMs per million characters of a document (default 10 s) */
  docTimeoutPerMillionCharsMs?: number;
  /** per-worker heap limit in MB (default 4096) */
  docMemoryMb?: number;
  /** shards merged at once (default 64: bounded open files; more shards are merged in passes) */
  mergeFanIn?: number;
  /** test-only: slow or memory-hungry items by file name (see WorkItem.testHook) */
  testHooks?: Record<string, NonNullable<WorkItem['testHook']>>;
  /** read symbolic links found in the input folder (default: each is a per-file error) */
  followSymlinks?: boolean;
  /** input limits (default: DEFAULT_LIMITS, listed in SECURITY.md) */
  limits?: Partial<InputLimits>;
  /** curation ledger whose verdicts apply to the triples (absent file: none) */
  ledger?: string;
  /** called after each input file, for progress display */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface PipelineSummary {
  documents: number;
  failed: FailedInput[];
  entities: Record<string, number>;
  triples: Record<string, number>;
  statements: number;
  out: string;
  /** false when no document succeeded: nothing was written and the previous output is left as is */
  written: boolean;
  curation?: CurationSummary;
  stats?: RunStats;
}

export { runPipeline } from './run/run-pipeline.js';
