/**
 * The pipeline, top to bottom: ingest → normalize → segment → tag → relate → emit.
 * `processDocument` is pure (text in, rows out) so a worker can run it; `runPipeline` does
 * the I/O: it lists inputs, isolates failures per file and writes the dataset atomically.
 */
import PQueue from 'p-queue';
import path from 'node:path';
import type { DocumentRecord, Entity, Triple } from './model/schemas.js';
import { IngestError, SAVED_TEXT_FORMATS, type SourceDocument } from './ingest/document.js';
import { ingestFile, listInputs } from './ingest/ingest.js';
import { normalizeText } from './normalize/normalize.js';
import { segmentText } from './segment/segment.js';
import { segmentOutline } from './segment/outline.js';
import { defaultLexicon, type Lexicon } from './tag/dictionary.js';
import { tagEntities } from './tag/tag-entities.js';
import { relateDocument } from './relate/relate.js';
import { dedupeTriples, toEntity, toTriple } from './emit/to-records.js';
import { writeDataset, type DocumentResult, type FailedInput } from './emit/dataset.js';

export function processDocument(doc: SourceDocument, lexicon: Lexicon): DocumentResult {
  const normalized = normalizeText(doc.text);
  // structured formats bring their own blocks and sections; other text is segmented by its layout
  const sentences = doc.outline ? segmentOutline(normalized.text, normalized.map, doc.outline) : segmentText(normalized.text);
  const mentions = tagEntities(normalized.text, sentences, lexicon);
  const relations = relateDocument(normalized.text, sentences, mentions);
  const entities: Entity[] = mentions.map((m) => toEntity(doc.id, doc.text, normalized.map, m));
  const triples: Triple[] = dedupeTriples(relations.map((r) => toTriple(doc.id, doc.text, normalized.map, sentences, r)));
  const record: DocumentRecord = {
    id: doc.id, source: doc.source, format: doc.format, sha256: doc.sha256, chars: doc.text.length, sentences: sentences.length, status: 'ok',
    ...(doc.pmid && { pmid: doc.pmid }), ...(doc.pmcid && { pmcid: doc.pmcid }),
    ...(SAVED_TEXT_FORMATS.has(doc.format) && { textFile: `texts/${doc.id}.txt` }),
  };
  return { doc, record, entities, triples, repairs: normalized.repairs };
}

export interface PipelineOptions {
  input: string;
  out: string;
  concurrency?: number;
  lexicon?: Lexicon;
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
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineSummary> {
  const lexicon = options.lexicon ?? defaultLexicon();
  const files = await listInputs(options.input);
  const results: DocumentResult[] = [];
  const failed: FailedInput[] = [];
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  let done = 0;
  const display = (f: string) => (path.isAbsolute(f) ? path.relative(process.cwd(), f) || f : f);
  await Promise.all(
    files.map((file) =>
      queue.add(async () => {
        try {
          for (const doc of await ingestFile(display(file))) results.push(processDocument(doc, lexicon));
        } catch (e) {
          const err = e instanceof IngestError ? e : new IngestError(display(file), 'failed', (e as Error).message);
          failed.push({ file: err.file, code: err.code, reason: err.reason });
        }
        options.onProgress?.(++done, files.length, file);
      }),
    ),
  );
  const unique = keepFirstOfEachId(results, failed);
  return writeDataset(options.out, unique, failed, lexicon);
}

/**
 * Two inputs may hold the same document id (the same PMID in two PubMed files, an article as
 * BioC and as JATS). The one from the first source path is kept, whatever order the queue
 * finished in; each other one is added to `failed` as a problem naming both files.
 */
function keepFirstOfEachId(results: DocumentResult[], failed: FailedInput[]): DocumentResult[] {
  const sorted = [...results].sort((a, b) => (a.doc.source < b.doc.source ? -1 : a.doc.source > b.doc.source ? 1 : 0));
  const kept = new Map<string, DocumentResult>();
  for (const r of sorted) {
    const first = kept.get(r.doc.id);
    if (!first) kept.set(r.doc.id, r);
    else failed.push({ file: r.doc.source, code: 'duplicate-id', reason: `document ${r.doc.id} is also in ${first.doc.source}; that one is kept` });
  }
  return [...kept.values()];
}
