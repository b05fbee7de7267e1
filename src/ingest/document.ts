/** The artifact ingest produces: a document's original text, exactly as every offset sees it. */
import type { Encoding, Position } from '../model/schemas.js';
import type { GivenEntity } from '../tag/given-entities.js';
import type { OutlineBlock } from './layout.js';

export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'pubtator' | 'pubmed-xml' | 'bioc-xml' | 'bioc-json' | 'jats';

/** Formats whose original text is not the input file itself: it is saved as <out>/texts/<id>.txt. */
export const SAVED_TEXT_FORMATS: ReadonlySet<SourceFormat> = new Set(['pdf', 'pubmed-xml', 'bioc-xml', 'bioc-json', 'jats']);

export interface SourceDocument {
  /** document id, unique within a run: path-derived for files (document-ids.ts), the PMID/PMCID for PubTator, PubMed XML, BioC and JATS documents */
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
  /** entity annotations the input carries (PubTator mention lines), in original coordinates */
  entities?: GivenEntity[];
  /** structured formats: PubMed and PMC ids */
  pmid?: string;
  pmcid?: string;
  /** structured formats: the blocks of the text and their sections (segment uses them instead of guessing headings) */
  outline?: OutlineBlock[];
  /** PDF only: what each stretch of the text is on the page (offsets into `text`) */
  layout?: LayoutBlock[];
}

/** What a reader sees a stretch of a PDF's text as; figure labels and table rows are no prose. */
export type LayoutKind = 'title' | 'heading' | 'body' | 'caption' | 'figure' | 'table';

export interface LayoutBlock {
  kind: LayoutKind;
  start: number;
  end: number;
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
