import type { GivenEntity } from '../tag/given-entities.js';

/** The artifact ingest produces: a document's original text, exactly as every offset sees it. */
export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'pubtator';

export interface SourceDocument {
  /** document id: file name without extension, or the PMID for PubTator documents */
  id: string;
  /** input path as given (relative to the working directory when possible) */
  source: string;
  format: SourceFormat;
  /** the original text; all offsets written anywhere point into this string */
  text: string;
  /** sha256 of the input file bytes */
  sha256: string;
  /** entity annotations the input carries (PubTator mention lines), in original coordinates */
  entities?: GivenEntity[];
}

/** A problem with one input file: data, rendered by the CLI and recorded in the manifest. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
