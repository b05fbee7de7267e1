/** How the extract command reports a run: one line per diagnostic, and an exit status (README, SECURITY.md). */
import type { FailedInput } from '../emit/dataset.js';
import type { PipelineSummary } from '../pipeline.js';

export const EXIT = {
  /** every input succeeded */
  ok: 0,
  /** no input succeeded: nothing written, the previous output left as it was (or an unexpected failure) */
  failed: 1,
  /** some inputs failed, the others were written */
  partial: 2,
  /** bad option, unusable --out, missing or empty --input: nothing read or written */
  usage: 64,
} as const;

export const exitStatus = (s: Pick<PipelineSummary, 'written' | 'failed'>): number =>
  !s.written ? EXIT.failed : s.failed.length ? EXIT.partial : EXIT.ok;

/** One diagnostic as one line (control characters in names escaped): error: file[:line[:column]]: reason [code, document id]. */
export function renderDiagnostic(d: FailedInput): string {
  const where = d.position ? `:${d.position.line}${d.position.column ? `:${d.position.column}` : ''}` : '';
  const quoted = (s: string) => s.replace(/[\x00-\x1f\x7f]/g, (c) => JSON.stringify(c).slice(1, -1));
  return `error: ${quoted(d.file)}${where}: ${quoted(d.reason)} [${d.code}${d.doc !== undefined ? `, document ${quoted(d.doc)}` : ''}]`;
}
