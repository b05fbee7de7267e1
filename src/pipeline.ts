/**
 * The pipeline, top to bottom: ingest → normalize → segment → tag → relate → (curate) → emit.
 * `processDocument` is pure (text in, rows out) so a worker can run it; `runPipeline` does
 * the I/O: it lists inputs, isolates failures per file and writes the dataset atomically.
 */
import PQueue from 'p-queue';
import path from 'node:path';
import type { DocumentRecord, Entity, Triple } from './model/schemas.js';
import { IngestError, type SourceDocument } from './ingest/document.js';
import { ingestFile, listInputs } from './ingest/ingest.js';
import { normalizeText } from './normalize/normalize.js';
import { segmentText } from './segment/segment.js';
import { defaultLexicon, type Lexicon } from './tag/dictionary.js';
import { tagEntities } from './tag/tag-entities.js';
import { relateDocument } from './relate/relate.js';
import { assignTripleIds, dedupeTriples, toEntity, toTriple } from './emit/to-records.js';
import { writeDataset, type DocumentResult, type FailedInput } from './emit/dataset.js';
import { applyCuration, type CurationSummary } from './curate/apply.js';
import { currentVerdicts, readLedger } from './curate/ledger.js';

export function processDocument(doc: SourceDocument, lexicon: Lexicon): DocumentResult {
  const normalized = normalizeText(doc.text);
  const sentences = segmentText(normalized.text);
  const mentions = tagEntities(normalized.text, sentences, lexicon);
  const relations = relateDocument(normalized.text, sentences, mentions);
  const entities: Entity[] = mentions.map((m) => toEntity(doc.id, doc.text, normalized.map, m));
  const triples: Triple[] = assignTripleIds(dedupeTriples(relations.map((r) => toTriple(doc.id, doc.text, normalized.map, sentences, r))));
  const record: DocumentRecord = { id: doc.id, source: doc.source, format: doc.format, sha256: doc.sha256, chars: doc.text.length, sentences: sentences.length, status: 'ok' };
  return { doc, record, entities, triples, repairs: normalized.repairs };
}

export interface PipelineOptions {
  input: string;
  out: string;
  concurrency?: number;
  lexicon?: Lexicon;
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
  curation?: CurationSummary;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineSummary> {
  const ledger = options.ledger ? readLedger(options.ledger) : undefined;
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
  const curation = ledger ? curate(results, ledger.entries, { file: options.ledger!, sha256: ledger.sha256 }) : undefined;
  return writeDataset(options.out, results, failed, lexicon, curation);
}

/** curate: the ledger's verdicts in force applied to every document's triples. */
function curate(results: DocumentResult[], entries: Parameters<typeof currentVerdicts>[0], ledger: { file: string; sha256: string }): CurationSummary {
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
