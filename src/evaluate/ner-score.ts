/**
 * Span and identifier scoring of predicted mentions against NER gold (eval:ner). A prediction
 * exactly on a gold span of a *neutral* type (a corpus type outside the row, e.g. GNormPlus
 * FamilyName in a Gene row) is neither right nor wrong: it is left out, as a row about specific
 * genes says nothing about family mentions.
 */
import type { NerDocument, NerMention } from './corpora/ner.ts';

export interface Prf { tp: number; fp: number; fn: number }
export const prf = (): Prf => ({ tp: 0, fp: 0, fn: 0 });
export const precision = (s: Prf) => s.tp / (s.tp + s.fp || 1);
export const recall = (s: Prf) => s.tp / (s.tp + s.fn || 1);
export const f1 = (s: Prf) => (2 * precision(s) * recall(s)) / (precision(s) + recall(s) || 1);

/** CURIE form of a corpus id: `MESH:D005710`, `D005710` → `MeSH:D005710`; CHEBI / NCBI ids kept */
export function normalizeId(id: string): string {
  const m = /^(?:mesh:)?([CD]\d{6,9})$/i.exec(id.trim());
  return m ? `MeSH:${m[1].toUpperCase()}` : id.trim();
}

export interface Predicted { start: number; end: number; text: string; id?: string }

export interface NerScore { exact: Prf; overlap: Prf; id: Prf; errors: string[][] }

interface Span { start: number; end: number }
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const spansOf = (g: NerMention): Span[] => [g, ...(g.alternatives ?? [])];

/**
 * Scores one document into `s`. `idMatch` decides whether a prediction's id fits a gold mention's
 * ids (absent: no id score). Errors are rows: kind, doc, start, end, text, id, note.
 */
export function scoreDocument(s: NerScore, doc: NerDocument, gold: NerMention[], neutral: NerMention[], pred: Predicted[], idMatch?: (p: Predicted, g: NerMention) => boolean): void {
  const err = (kind: string, x: Span & { text: string }, id: string, note: string) =>
    s.errors.push([kind, doc.id, String(x.start), String(x.end), x.text, id, note]);
  for (const p of pred) {
    const g = gold.find((x) => spansOf(x).some((sp) => same(sp, p)));
    const isNeutral = !g && neutral.some((x) => same(x, p));
    if (g) s.exact.tp++;
    else if (!isNeutral) {
      s.exact.fp++;
      const o = gold.find((x) => overlaps(x, p));
      err('FP', p, p.id ?? '', o ? `boundary:${o.text}` : 'spurious');
    }
    if (gold.some((x) => spansOf(x).some((sp) => overlaps(sp, p)))) s.overlap.tp++;
    else if (!neutral.some((x) => overlaps(x, p))) s.overlap.fp++;
    if (idMatch && !isNeutral) {
      if (g && idMatch(p, g)) s.id.tp++;
      else { s.id.fp++; if (g) err('id-FP', p, p.id ?? '', `gold ${g.ids.join(',') || 'none'}`); }
    }
  }
  for (const g of gold) {
    const hit = pred.find((p) => spansOf(g).some((sp) => same(sp, p)));
    if (!hit) {
      s.exact.fn++;
      const o = pred.find((p) => overlaps(g, p));
      err('FN', g, g.ids.join(','), o ? `boundary:${o.text}` : 'missed');
    }
    if (!pred.some((p) => spansOf(g).some((sp) => overlaps(sp, p)))) s.overlap.fn++;
    if (idMatch && !(hit && idMatch(hit, g))) s.id.fn++;
  }
}

/** Document-level sets of normalized forms (MutationFinder: no spans in the gold). */
export function scoreSets(s: NerScore, doc: NerDocument, gold: string[], pred: string[]): void {
  const g = new Set(gold), p = new Set(pred);
  for (const x of p) if (g.has(x)) s.id.tp++; else { s.id.fp++; s.errors.push(['id-FP', doc.id, '', '', x, x, 'not in gold']); }
  for (const x of g) if (!p.has(x)) { s.id.fn++; s.errors.push(['id-FN', doc.id, '', '', x, x, 'missed']); }
}
