/**
 * emit: validates every row against the zod data contract, sorts (document, offset) and
 * writes the dataset atomically. Nothing is written when validation fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type Diagnostic, DocumentRecord, Entity, Manifest, Statement, Triple, type ModelInfo } from '../model/schemas.js';
import { SAVED_TEXT_FORMATS, type SourceDocument } from '../ingest/document.js';
import { assembleStatements } from '../relate/statements.js';
import type { Lexicon } from '../tag/dictionary.js';
import { toJsonl, writeFileAtomic } from './atomic-write.js';
import { toPubtator } from './pubtator.js';

export interface DocumentResult {
  doc: SourceDocument;
  record: DocumentRecord;
  entities: Entity[];
  triples: Triple[];
  repairs: Record<string, number>;
}

/** A diagnostic of a failed input before it is marked fatal: file, document id and position where known. */
export type FailedInput = Omit<Diagnostic, 'fatal'>;

const cmp = (a: string | number | undefined, b: string | number | undefined) => (a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1);

/** A total order on failures, so their listing never depends on which finished first. */
export const sortFailures = (failed: FailedInput[]): FailedInput[] =>
  [...failed].sort((a, b) => cmp(a.file, b.file) || cmp(a.position?.line, b.position?.line) || cmp(a.doc, b.doc) || cmp(a.code, b.code) || cmp(a.reason, b.reason));

/** Where a document's original text is kept when the input file's bytes read as UTF-8 are not that text (PDFs, other encodings). */
/** PDFs, structured formats and files not in UTF-8: the text every offset points into is saved */
export function savesText(doc: SourceDocument): boolean {
  const decoded = doc.format !== 'pubtator' && doc.encoding !== undefined && doc.encoding !== 'utf-8';
  return SAVED_TEXT_FORMATS.has(doc.format) || decoded;
}

export function savedTextPath(out: string, doc: SourceDocument): string | undefined {
  if (!savesText(doc)) return undefined;
  const dir = path.resolve(out, 'texts');
  const file = path.resolve(dir, `${doc.id}.txt`);
  if (!file.startsWith(dir + path.sep)) throw new Error(`document id ${JSON.stringify(doc.id)} does not name a file inside ${dir}`);
  return file;
}

const TOOL_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const byDocOffset = <T extends { doc: string; start: number; end: number }>(a: T, b: T) =>
  (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end);

function tripleOrder(a: Triple, b: Triple): number {
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  return a.evidence.start - b.evidence.start || a.subject.start - b.subject.start || a.object.start - b.object.start || (a.predicate < b.predicate ? -1 : a.predicate > b.predicate ? 1 : 0);
}

function validate<T>(schema: z.ZodType<T>, rows: unknown[], what: string): T[] {
  return rows.map((r, i) => {
    const parsed = schema.safeParse(r);
    if (!parsed.success) throw new Error(`invalid ${what} row ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

/** rows by document, in one pass */
export function groupByDoc<T extends { doc: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.doc);
    if (list) list.push(r);
    else out.set(r.doc, [r]);
  }
  return out;
}

const countBy = <T>(rows: T[], key: (r: T) => string) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
};

export async function writeDataset(out: string, results: DocumentResult[], failed: FailedInput[], lexicon: Lexicon, curation?: Manifest['curation'], models: ModelInfo[] = []) {
  results.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const entities = validate(Entity, results.flatMap((r) => r.entities), 'entity').sort(byDocOffset);
  const triples = validate(Triple, results.flatMap((r) => r.triples), 'triple').sort(tripleOrder);
  const statements = validate(Statement, assembleStatements(triples), 'statement');
  const errors = sortFailures(failed).map((f) => ({ ...f, fatal: true }));
  const documents = validate(DocumentRecord, [
    ...results.map((r) => r.record),
    ...errors.map((e) => ({ id: e.doc ?? e.file, source: e.file, format: 'text', sha256: '0'.repeat(64), chars: 0, sentences: 0, status: 'error', error: `${e.code}: ${e.reason}` })),
  ], 'document').sort((a, b) => cmp(a.source, b.source) || cmp(a.id, b.id));
  const manifest = Manifest.parse({
    tool: { name: 'biotriples', version: TOOL_VERSION },
    dictionaries: lexicon.files,
    models,
    documents: { ok: results.length, error: failed.length },
    entities: countBy(entities, (e) => e.type),
    triples: countBy(triples, (t) => t.predicate),
    statements: statements.length,
    errors,
    ...(curation ? { curation } : {}),
  });
  const savedTexts = results.flatMap((r) => { const file = savedTextPath(out, r.doc); return file ? [{ file, text: r.doc.text }] : []; });
  // one pass each, not one scan per document (PubTator inputs hold thousands of documents)
  const entitiesByDoc = groupByDoc(entities);
  const statementsByDoc = groupByDoc(statements);
  await Promise.all([
    writeFileAtomic(path.join(out, 'entities.jsonl'), toJsonl(entities)),
    writeFileAtomic(path.join(out, 'triples.jsonl'), toJsonl(triples)),
    writeFileAtomic(path.join(out, 'statements.jsonl'), toJsonl(statements)),
    writeFileAtomic(path.join(out, 'documents.jsonl'), toJsonl(documents)),
    writeFileAtomic(path.join(out, 'annotations.pubtator'), toPubtator(results.map((r) => ({
      id: r.record.id, text: r.doc.text,
      entities: entitiesByDoc.get(r.record.id) ?? [],
      statements: statementsByDoc.get(r.record.id) ?? [],
    })))),
  ]);
  // PDFs and structured formats: keep the text every offset points into. In batches: a PubMed
  // baseline file holds ~30,000 records, more files than a process may hold open at once.
  for (let i = 0; i < savedTexts.length; i += 64)
    await Promise.all(savedTexts.slice(i, i + 64).map((t) => writeFileAtomic(t.file, t.text)));
  // the manifest goes last: its presence marks a complete run
  await writeFileAtomic(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { documents: results.length, failed, entities: manifest.entities, triples: manifest.triples, statements: statements.length, out, curation };
}
