/**
 * DrugProt (BioCreative VII track 1) documents and the relation matcher. Dev/eval use only; the
 * official TSV release is read by `drugprot-tsv.ts`.
 *
 * The matcher compares our drug–gene triples, mapped to DrugProt classes by predicate and trigger
 * (`drugprotClass` in src/relate/predicates.ts), with the gold relations: same document,
 * overlapping chemical span, overlapping gene span, equal class; one-to-one. `coarseClass` folds
 * AGONIST* / ANTAGONIST into ACTIVATOR / INHIBITOR (apply it to both sides for the coarse view).
 */

export interface Span { start: number; end: number }

/** an entity annotation (the official release calls them T1, T2, ...) */
export interface BiocAnnotation {
  id: string;
  type: string; // CHEMICAL | GENE-Y | GENE-N
  identifier: string;
  /** locations in document coordinates (usually one) */
  spans: Span[];
  /** overall extent: first start, last end */
  start: number;
  end: number;
  text: string;
}

export interface DrugprotRelation {
  type: string;
  chemical: BiocAnnotation;
  gene: BiocAnnotation;
}

export interface DrugprotDocument {
  id: string;
  text: string;
  annotations: BiocAnnotation[];
  relations: DrugprotRelation[];
  /** relations whose nodes could not be resolved to one CHEMICAL and one GENE annotation */
  unresolved: number;
}

// ---------------------------------------------------------------------------------------------
// matching

/** DrugProt gold class → coarse class (agonists activate, antagonists inhibit) */
export function coarseClass(type: string): string {
  if (type === 'AGONIST-INHIBITOR' || type === 'ANTAGONIST') return 'INHIBITOR';
  if (type === 'AGONIST' || type === 'AGONIST-ACTIVATOR') return 'ACTIVATOR';
  return type;
}

export interface PredRelation {
  doc: string;
  cls: string;
  drug: Span & { text: string };
  gene: Span & { text: string };
  predicate: string;
  rule: string;
  trigger: string;
  sentence: string;
}

export interface GoldRelation {
  doc: string;
  cls: string;
  chemical: Span & { text: string; spans?: Span[] };
  gene: Span & { text: string; spans?: Span[] };
}

const overlaps = (a: Span & { spans?: Span[] }, b: Span): boolean =>
  (a.spans && a.spans.length > 1 ? a.spans : [a]).some((s) => s.start < b.end && b.start < s.end);

export const pairMatches = (p: PredRelation, g: GoldRelation): boolean =>
  p.doc === g.doc && overlaps(g.chemical, p.drug) && overlaps(g.gene, p.gene);

export interface Counts { tp: number; fp: number; fn: number }

export interface MatchResult {
  /** index of the matched gold relation per prediction, or -1 */
  predToGold: number[];
  /** index of the matched prediction per gold relation, or -1 */
  goldToPred: number[];
}

/**
 * One-to-one matching by class and overlapping arguments, greedy in input order (predictions
 * prefer the gold relation whose spans overlap most tightly, i.e. the first in text order).
 */
export function matchRelations(pred: PredRelation[], gold: GoldRelation[], classOf: (g: GoldRelation) => string = (g) => g.cls): MatchResult {
  const predToGold = pred.map(() => -1);
  const goldToPred = gold.map(() => -1);
  const byDoc = new Map<string, number[]>();
  gold.forEach((g, i) => { const l = byDoc.get(g.doc) ?? []; l.push(i); byDoc.set(g.doc, l); });
  pred.forEach((p, pi) => {
    for (const gi of byDoc.get(p.doc) ?? []) {
      if (goldToPred[gi] >= 0 || classOf(gold[gi]) !== p.cls || !pairMatches(p, gold[gi])) continue;
      predToGold[pi] = gi;
      goldToPred[gi] = pi;
      break;
    }
  });
  return { predToGold, goldToPred };
}

export function countsOf(m: MatchResult): Counts {
  const tp = m.predToGold.filter((g) => g >= 0).length;
  return { tp, fp: m.predToGold.length - tp, fn: m.goldToPred.filter((p) => p < 0).length };
}

/** per-class counts: predictions by their class, gold by classOf */
export function perClass(pred: PredRelation[], gold: GoldRelation[], m: MatchResult, classOf: (g: GoldRelation) => string = (g) => g.cls): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const get = (c: string) => { let x = out.get(c); if (!x) { x = { tp: 0, fp: 0, fn: 0 }; out.set(c, x); } return x; };
  pred.forEach((p, i) => { if (m.predToGold[i] >= 0) get(p.cls).tp++; else get(p.cls).fp++; });
  gold.forEach((g, i) => { if (m.goldToPred[i] < 0) get(classOf(g)).fn++; });
  return out;
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp / (c.tp + c.fp || 1), r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
}

export const toGold = (d: DrugprotDocument): GoldRelation[] =>
  d.relations.map((r) => ({
    doc: d.id,
    cls: r.type,
    chemical: { start: r.chemical.start, end: r.chemical.end, text: r.chemical.text, spans: r.chemical.spans },
    gene: { start: r.gene.start, end: r.gene.end, text: r.gene.text, spans: r.gene.spans },
  }));
