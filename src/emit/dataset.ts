/**
 * emit: validates every row against the zod data contract, sorts (document, offset) and
 * writes the dataset atomically. Nothing is written when validation fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DocumentRecord, Entity, Manifest, Statement, Triple } from '../model/schemas.js';
import type { SourceDocument } from '../ingest/document.js';
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

export interface FailedInput { file: string; code: string; reason: string }

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

function groupByDoc<T extends { doc: string }>(rows: T[]): Map<string, T[]> {
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

export async function writeDataset(out: string, results: DocumentResult[], failed: FailedInput[], lexicon: Lexicon, curation?: Manifest['curation']) {
  results.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const entities = validate(Entity, results.flatMap((r) => r.entities), 'entity').sort(byDocOffset);
  const triples = validate(Triple, results.flatMap((r) => r.triples), 'triple').sort(tripleOrder);
  const statements = validate(Statement, assembleStatements(triples), 'statement');
  const errors = [...failed].sort((a, b) => (a.file < b.file ? -1 : 1)).map((f) => ({ ...f, fatal: true }));
  const documents = validate(DocumentRecord, [
    ...results.map((r) => r.record),
    ...errors.map((e) => ({ id: path.basename(e.file), source: e.file, format: 'text', sha256: '0'.repeat(64), chars: 0, sentences: 0, status: 'error', error: `${e.code}: ${e.reason}` })),
  ], 'document').sort((a, b) => (a.source < b.source ? -1 : 1));
  const manifest = Manifest.parse({
    tool: { name: 'biotriples', version: TOOL_VERSION },
    dictionaries: lexicon.files,
    documents: { ok: results.length, error: failed.length },
    entities: countBy(entities, (e) => e.type),
    triples: countBy(triples, (t) => t.predicate),
    statements: statements.length,
    errors,
    ...(curation ? { curation } : {}),
  });
  const pdfTexts = results.filter((r) => r.doc.format === 'pdf');
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
    // PDFs: keep the extracted text, since every offset points into it
    ...pdfTexts.map((r) => writeFileAtomic(path.join(out, 'texts', `${r.record.id}.txt`), r.doc.text)),
  ]);
  // the manifest goes last: its presence marks a complete run
  await writeFileAtomic(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { documents: results.length, failed, entities: manifest.entities, triples: manifest.triples, statements: statements.length, out, curation };
}
