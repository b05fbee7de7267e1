/**
 * Input limits: past any of them a file (or one document of it) becomes a recorded error with
 * a clear reason; the other inputs go on. SECURITY.md lists them; tests pass smaller values.
 */
export interface InputLimits {
  /** bytes of one input file (checked before reading it) */
  maxFileBytes: number;
  /** characters of one document's text (a PubTator file may hold many documents) */
  maxDocumentChars: number;
  /** folder levels below the input folder that are listed */
  maxDepth: number;
  /** pages of one PDF */
  maxPdfPages: number;
  /** bytes of a gzip input (.xml.gz) once decompressed */
  maxInflatedBytes: number;
  /** bytes of one PDF's non-image streams once decompressed */
  maxPdfInflatedBytes: number;
  /** streams in one PDF (each costs a decompression, here and in the parser) */
  maxPdfStreams: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 128 * MiB,
  maxDocumentChars: 10_000_000,
  maxDepth: 32,
  maxPdfPages: 1000,
  // a PubMed baseline file inflates to about 300 MB; V8 holds no string much longer than 512 MiB anyway
  maxInflatedBytes: 512 * MiB,
  maxPdfInflatedBytes: 256 * MiB,
  maxPdfStreams: 200_000,
};

/** why a document past maxDocumentChars is not processed */
export const tooLongReason = (chars: number, limits: Pick<InputLimits, 'maxDocumentChars'>): string => `text has ${chars} characters, more than the limit of ${limits.maxDocumentChars}: not processed`;

export const formatBytes = (n: number): string => (n >= MiB ? `${Math.round((n / MiB) * 10) / 10} MiB` : `${n} bytes`);
