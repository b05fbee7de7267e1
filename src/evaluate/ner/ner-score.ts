/**
 * Mention-level NER scoring against a PubTator corpus: exact-span and overlap P/R/F1, and exact
 * span + identifier where the corpus gives ids. Pure: documents and predictions in, counts out.
 *
 * - exact: a prediction counts when a gold mention has the same start and end.
 * - overlap: precision counts predictions that overlap some gold mention, recall counts gold
 *   mentions that some prediction overlaps (the usual "any overlap" view).
 * - ids: exact span, and one of the prediction's ids (its norm and cross-references) is one of the
 *   gold ids; gold mentions without an id, and predictions at their spans, are left out.
 */
import type { Counts } from '../score.ts';
import type { BioredDocument, BioredMention } from '../corpora/biored.ts';

export interface PredMention { start: number; end: number; text: string; norm: string; type: string; ids: string[] }

export interface NerCounts { exact: Counts; overlap: Counts; ids: Counts; gold: number; pred: number }

export interface NerError { kind: 'FP' | 'FN'; doc: string; start: number; end: number; text: string; note: string }

export const emptyCounts = (): NerCounts => ({ exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 }, ids: { tp: 0, fp: 0, fn: 0 }, gold: 0, pred: 0 });

/** CURIE form of a corpus id: `MESH:D005710`, `D005710` → `MeSH:D005710`; CHEBI / NCBI ids kept */
export function normalizeId(id: string): string {
  const m = /^(?:mesh:)?([CD]\d{6,9})$/i.exec(id.trim());
  return m ? `MeSH:${m[1].toUpperCase()}` : id.trim();
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const at = (x: { start: number; end: number }) => `${x.start}:${x.end}`;

export function scoreDocument(c: NerCounts, doc: BioredDocument, gold: BioredMention[], pred: PredMention[], errors?: NerError[]): void {
  c.gold += gold.length;
  c.pred += pred.length;
  const goldAt = new Map(gold.map((g) => [at(g), g]));
  const predAt = new Map(pred.map((p) => [at(p), p]));
  for (const p of pred) {
    const g = goldAt.get(at(p));
    if (g) c.exact.tp++;
    else {
      c.exact.fp++;
      const o = gold.find((x) => overlaps(x, p));
      errors?.push({ kind: 'FP', doc: doc.pmid, start: p.start, end: p.end, text: p.text, note: o ? `boundary:${o.text}` : 'spurious' });
    }
    if (gold.some((x) => overlaps(x, p))) c.overlap.tp++; else c.overlap.fp++;
    if (g && g.ids.length) {
      const goldIds = new Set(g.ids.map(normalizeId));
      if (p.ids.some((id) => goldIds.has(id))) c.ids.tp++; else c.ids.fp++;
    } else if (!g) c.ids.fp++;
  }
  for (const g of gold) {
    const p = predAt.get(at(g));
    if (!p) {
      c.exact.fn++;
      const o = pred.find((x) => overlaps(x, g));
      errors?.push({ kind: 'FN', doc: doc.pmid, start: g.start, end: g.end, text: g.text, note: o ? `boundary:${o.text}` : 'missed' });
    }
    if (!pred.some((x) => overlaps(x, g))) c.overlap.fn++;
    if (g.ids.length) {
      const goldIds = new Set(g.ids.map(normalizeId));
      if (!(p && p.ids.some((id) => goldIds.has(id)))) c.ids.fn++;
    }
  }
}

/** overlap recall counts gold mentions, so its tp differs from precision's: keep both in the counts */
export function overlapFigures(c: NerCounts): { precision: number; recall: number; f1: number } {
  const precision = c.pred ? c.overlap.tp / c.pred : 0;
  const recall = c.gold ? (c.gold - c.overlap.fn) / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
