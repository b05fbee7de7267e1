/** The artifact ingest produces: a document's original text, exactly as every offset sees it. */
import type { Encoding, Position } from '../model/schemas.js';

export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'pubtator';

export interface SourceDocument {
  /** document id, unique within a run: path-derived for files (document-ids.ts), the PMID for PubTator documents */
  id: string;
  /** input path as given (relative to the working directory when possible) */
  source: string;
  format: SourceFormat;
  /** how the file's bytes were decoded into `text` (encoding.ts); absent for documents built in memory (evaluation, bench) */
  encoding?: Encoding;
  /** the original text; all offsets written anywhere point into this string */
  text: string;
  /** sha256 of the input file bytes */
  sha256: string;
}

/** A problem with one input file (or one document of it): data, rendered by the CLI and recorded in the manifest. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    readonly reason: string,
    readonly where: { doc?: string; position?: Position } = {},
  ) {
    super(`${file}${where.position ? `:${where.position.line}${where.position.column ? `:${where.position.column}` : ''}` : ''}: ${reason}`);
  }
}
