/**
 * The pipeline, top to bottom: ingest → normalize → segment → tag → relate → (curate) → emit.
 * `processDocument` is pure (text in, rows out) so a worker can run it; `runPipeline` does
 * the I/O: it checks the options, lists inputs, gives each document a run-unique id, isolates
 * failures per file (per document in multi-document files) and writes the dataset atomically.
 */
import PQueue from 'p-queue';
import path from 'node:path';
import type { DocumentRecord, Entity, Triple } from './model/schemas.js';
import { IngestError, type SourceDocument } from './ingest/document.js';
import { assignDocumentIds } from './ingest/document-ids.js';
import { ingestFile, listInputs } from './ingest/ingest.js';
import { DEFAULT_LIMITS, type InputLimits } from './ingest/limits.js';
import { checkOutputFolder, OptionError } from './check-options.js';
import { normalizeText, type NormalizedText } from './normalize/normalize.js';
import { segmentText, type Sentence } from './segment/segment.js';
import { segmentOutline } from './segment/outline.js';
import { givenMentions, mergeMentions, type EntitySource } from './tag/given-entities.js';
import type { Mention } from './tag/mention.js';
import { defaultClassifier, type LoadedClassifier } from './relate/classifier/load.js';
import type { RelationClassifier } from './relate/classifier/relation-model.js';
import { layoutInNormalized } from './segment/layout-sections.js';
import { defaultLexicon, type Lexicon } from './tag/dictionary.js';
import { tagEntities } from './tag/tag-entities.js';
import { tagDrugClasses } from './tag/drug-classes.js';
import { relateDocument } from './relate/relate.js';
import { assignTripleIds, dedupeTriples, toEntity, toTriple } from './emit/to-records.js';
import { savesText, sortFailures, writeDataset, type DocumentResult, type FailedInput } from './emit/dataset.js';
import { applyCuration, type CurationSummary } from './curate/apply.js';
import { currentVerdicts, readLedger } from './curate/ledger.js';

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
  const relations = relateDocument(normalized.text, sentences, mentions, options.classifier ?? undefined);
  // drug classes as agents ("HER2 inhibitors"), nested over the genes they name; the tagger's own finding
  const classes = options.entities === 'given' ? [] : tagDrugClasses(normalized.text, sentences, mentions, lexicon);
  const entities: Entity[] = [...mentions, ...classes].map((m) => toEntity(doc.id, doc.text, normalized.map, sentences, m));
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
  concurrency?: number;
  lexicon?: Lexicon;
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
}

const asFailure = (e: IngestError): FailedInput => ({ file: e.file, ...(e.where.doc !== undefined && { doc: e.where.doc }), code: e.code, ...(e.where.position && { position: e.where.position }), reason: e.reason });

/** Options are checked (OptionError) before any paper is read; each input then succeeds or fails alone. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineSummary> {
  const display = (f: string) => (path.isAbsolute(f) ? path.relative(process.cwd(), f) || f : f);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const inputOptions = { followSymlinks: options.followSymlinks, limits };
  const listing = await listInputs(options.input, inputOptions).catch((e: unknown) => {
    throw e instanceof IngestError ? new OptionError('input-not-found', `--input "${options.input}": ${e.reason}`) : e;
  });
  const { files } = listing;
  if (!files.length && !listing.problems.length)
    throw new OptionError('input-empty', `--input "${options.input}" holds no papers: nothing to do (the previous output is left as is)`);
  // after the input is known to exist, so a mistyped --input creates no output folder
  await checkOutputFolder(options.out, options.input);
  const ledger = options.ledger ? readLedger(options.ledger) : undefined;
  const lexicon = options.lexicon ?? defaultLexicon();
  const classifier = options.classifier === undefined ? defaultClassifier() : options.classifier;
  const perDocument: ProcessOptions = { classifier, entities: options.entities };
  const ids = assignDocumentIds(files, listing.root);
  // results keep their place in the sorted listing, so which document keeps a shared PMID never depends on concurrency
  const results: Array<{ order: [number, number]; result: DocumentResult }> = [];
  const failed: FailedInput[] = listing.problems.map((e) => asFailure(new IngestError(display(e.file), e.code, e.reason, e.where)));
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  let done = 0;
  await Promise.all(
    files.map((file, index) =>
      queue.add(async () => {
        const id = ids.get(file)!;
        try {
          const ingested = await ingestFile(display(file), { ...inputOptions, followSymlinks: options.followSymlinks || listing.single, id });
          ingested.documents.forEach((doc, k) => results.push({ order: [index, k], result: processDocument(doc, lexicon, perDocument) }));
          failed.push(...ingested.problems.map(asFailure));
        } catch (e) {
          const err = e instanceof IngestError ? e : new IngestError(display(file), 'failed', (e as Error).message);
          failed.push({ ...asFailure(err), doc: id });
        }
        options.onProgress?.(++done, files.length, file);
      }),
    ),
  );
  results.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const kept: DocumentResult[] = [];
  const owner = new Map<string, string>();
  for (const { result } of results) {
    const first = owner.get(result.record.id);
    if (first === undefined) { owner.set(result.record.id, result.doc.source); kept.push(result); continue; }
    failed.push({ file: result.doc.source, doc: result.record.id, code: 'duplicate-id', reason: `document id ${result.record.id} is already taken by ${first} (read first): not used` });
  }
  const sorted = sortFailures(failed);
  if (!kept.length) return { documents: 0, failed: sorted, entities: {}, triples: {}, statements: 0, out: options.out, written: false };
  const curation = ledger ? curate(kept, ledger.entries, { file: options.ledger!, sha256: ledger.sha256 }) : undefined;
  return { ...(await writeDataset(options.out, kept, sorted, lexicon, curation, classifier ? [classifier.info] : [])), failed: sorted, written: true, curation };
}

/** curate: the ledger's verdicts in force applied to every document's triples. */
export function curate(results: DocumentResult[], entries: Parameters<typeof currentVerdicts>[0], ledger: { file: string; sha256: string }): CurationSummary {
  const { triples, summary } = applyCuration(results.flatMap((r) => r.triples), currentVerdicts(entries), ledger);
  const byDoc = new Map<string, Triple[]>();
  for (const t of triples) {
    const list = byDoc.get(t.doc);
    if (list) list.push(t);
    else byDoc.set(t.doc, [t]);
  }
  for (const r of results) r.triples = byDoc.get(r.record.id) ?? [];
  return summary;
}
