/** The artifact ingest produces: a document's original text, exactly as every offset sees it. */
import type { OutlineBlock } from './layout.js';

export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'pubtator' | 'pubmed-xml' | 'bioc-xml' | 'bioc-json' | 'jats';

/** Formats whose original text is not the input file itself: it is saved as <out>/texts/<id>.txt. */
export const SAVED_TEXT_FORMATS: ReadonlySet<SourceFormat> = new Set(['pdf', 'pubmed-xml', 'bioc-xml', 'bioc-json', 'jats']);

export interface SourceDocument {
  /** document id: file name without extension, or the PMID/PMCID for PubTator, PubMed XML, BioC and JATS documents */
  id: string;
  /** input path as given (relative to the working directory when possible) */
  source: string;
  format: SourceFormat;
  /** the original text; all offsets written anywhere point into this string */
  text: string;
  /** sha256 of the input file bytes */
  sha256: string;
  /** structured formats: PubMed and PMC ids */
  pmid?: string;
  pmcid?: string;
  /** structured formats: the blocks of the text and their sections (segment uses them instead of guessing headings) */
  outline?: OutlineBlock[];
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
