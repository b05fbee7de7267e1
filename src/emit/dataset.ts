/**
 * emit: the rows of one document and the helpers the run's merge (src/run/merge.ts) writes the
 * dataset with: zod validation against the data contract, the order of failures, where saved
 * texts go.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic, DocumentRecord, Entity, Triple } from '../model/schemas.js';
import { SAVED_TEXT_FORMATS, type SourceDocument } from '../ingest/document.js';

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

/** PDFs, structured formats and files not in UTF-8: the text every offset points into is saved */
export function savesText(doc: SourceDocument): boolean {
  const decoded = doc.format !== 'pubtator' && doc.encoding !== undefined && doc.encoding !== 'utf-8';
  return SAVED_TEXT_FORMATS.has(doc.format) || decoded;
}

export function savedTextPath(out: string, doc: SourceDocument): string | undefined {
  return savesText(doc) ? textFilePath(out, doc.id) : undefined;
}

/** `<out>/texts/<id>.txt`; an id that would leave texts/ is refused */
export function textFilePath(out: string, id: string): string {
  const dir = path.resolve(out, 'texts');
  const file = path.resolve(dir, `${id}.txt`);
  if (!file.startsWith(dir + path.sep)) throw new Error(`document id ${JSON.stringify(id)} does not name a file inside ${dir}`);
  return file;
}

/** zod-validated rows; throws naming the first bad row and why */
export function validate<T>(schema: z.ZodType<T>, rows: unknown[], what: string): T[] {
  return rows.map((r, i) => {
    const parsed = schema.safeParse(r);
    if (!parsed.success) throw new Error(`invalid ${what} row ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}

/**
 * Rows checked like `validate`, returned as they are rather than as zod's copies: for rows built
 * with the schema's keys in its order (emit/to-records.ts, relate/statements.ts), which serialize
 * byte for byte as the copies would. A copy's hidden class is built key by key, present keys only,
 * so the stages after it (render, PubTator) met several and V8 compiled them again and again.
 */
export function checked<T>(schema: z.ZodType<T>, rows: T[], what: string): T[] {
  validate(schema, rows, what);
  return rows;
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
