/**
 * Scoring predictions against gold annotations. Pure functions: no I/O, deterministic output.
 *
 * Conventions (also listed in every summary under `conventions`):
 * - Only documents present in the gold are scored; prediction rows for other documents are
 *   ignored (and counted). A gold document without any prediction row scores all-FN.
 * - Entities, matched one-to-one per document (maximum bipartite matching, so each gold mention
 *   is counted at most once and duplicate predictions are false positives):
 *   - strict: same start, end and type, and the same norm; a gold norm of null matches any
 *     predicted norm (the annotator could not identify the concept, so only the span is judged);
 *   - spanOnly: same start, end and type (norm ignored);
 *   - lenient: overlapping spans and the same type (norm ignored).
 * - Triples (document level, the way BioRED/DocRED-style tasks score):
 *   - normBased: per document, the SET of (subject norm, predicate, object norm); duplicates
 *     collapse, evidence is ignored;
 *   - withEvidence: (subject norm, predicate, object norm, evidence sentence), matched one-to-one;
 *     a predicted evidence span matches a gold one when the two spans overlap.
 *   - binds, combined_with, associated_with (symmetric in src/relate/predicates.ts) are compared
 *     regardless of argument order.
 *   - gold (and predicted) triples with an argument whose norm is null/empty cannot be compared
 *     by norm: they are skipped in both views and counted under `triples.skipped`.
 *   - the main tables score non-negated triples only (negated on both sides are left out);
 *     negated triples are scored the same way, separately, under `triples.negated`.
 *   - hedged is not scored.
 * - precision = tp/(tp+fp), recall = tp/(tp+fn), f1 = harmonic mean; a ratio whose denominator
 *   is 0 is 0, except that with tp = fp = fn = 0 (nothing to find, nothing predicted) all three
 *   are 1. Micro sums the counts over classes; macro averages the per-class precision, recall
 *   and f1 over the classes present in the gold or the prediction.
 * - Figures in the summary are rounded to 4 decimals.
 */
import type { EntityType } from '../model/schemas.js';
import { PREDICATES, PREDICATE_BY_ID } from '../relate/predicates.js';
import type { GoldFile } from './gold.js';
import { NESTED_SOURCE } from '../tag/nested-chemicals.js';
import { IN_PATHWAY_SOURCE } from '../tag/nested-genes.js';

export const ENTITY_TYPES: EntityType[] = ['gene', 'mutation', 'drug', 'chemical', 'drug_class', 'pathway'];

// ---------------------------------------------------------------------------------------------
// inputs

export interface PredEntity {
  doc: string;
  type: EntityType;
  start: number;
  end: number;
  text: string;
  norm: string | null;
  /** how the tagger found it (absent for gold-derived predictions) */
  source?: string;
}

export interface PredArgument {
  text: string;
  start: number;
  end: number;
  type: EntityType;
  norm: string | null;
}

export interface PredTriple {
  doc: string;
  subject: PredArgument;
  predicate: string;
  object: PredArgument;
  evidence: { start: number; end: number; text?: string };
  negated: boolean;
  hedged: boolean;
}

export interface Prediction {
  entities: PredEntity[];
  triples: PredTriple[];
}

export interface ScoreOptions {
  /** original document texts by doc id, used only to show sentences in error rows */
  texts?: Record<string, string>;
  /** finds the sentence around a span, for error rows; default: a line/period-bounded window */
  sentenceOf?: (doc: string, start: number, end: number) => string;
}

// ---------------------------------------------------------------------------------------------
// outputs

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Metrics extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Table {
  micro: Metrics;
  macro: { precision: number; recall: number; f1: number };
  /** per entity type or per predicate, in vocabulary order */
  byClass: Record<string, Metrics>;
}

export type View =
  | 'entity-strict'
  | 'entity-span'
  | 'entity-lenient'
  | 'triple-norm'
  | 'triple-evidence'
  | 'triple-norm-negated'
  | 'triple-evidence-negated';

export interface Outcome {
  view: View;
  kind: 'TP' | 'FP' | 'FN';
  doc: string;
  /** entity type or predicate */
  cls: string;
  /** `text [norm]` for entities, `subject text (norm) |predicate| object text (norm)` for triples */
  item: string;
  start: number;
  end: number;
  /** the sentence (evidence) text */
  sentence: string;
  /** free text: what the other side had, when that helps (e.g. the gold norm at the same span) */
  note: string;
}

export interface DocFigures {
  entities: { strict: Metrics; spanOnly: Metrics; lenient: Metrics };
  triples: { normBased: Metrics; withEvidence: Metrics };
}

export interface Summary {
  documents: { scored: string[]; missingFromPredictions: string[]; ignoredPredictionDocs: string[] };
  conventions: string[];
  entities: { strict: Table; spanOnly: Table; lenient: Table };
  triples: {
    normBased: Table;
    withEvidence: Table;
    negated: { normBased: Table; withEvidence: Table };
    /** predUnannotatedType: predicted triples with an argument of a type the gold leaves unannotated (drug_class) */
    skipped: { goldNullNorm: number; goldNullNormNegated: number; predNullNorm: number; predUnannotatedType: number };
  };
  perDocument: Record<string, DocFigures>;
}

export interface ScoreResult {
  summary: Summary;
  outcomes: Outcome[];
}

/** entity types the gold guidelines leave unannotated ("Drug classes used as agents ... are not annotated"): not scored */
export const UNANNOTATED_TYPES: ReadonlySet<string> = new Set(['drug_class']);
/** a chemical nested inside a longer name ("dopamine" in "dopamine D2 receptor", source `in-name:`, src/tag/nested-chemicals.ts): the guidelines annotate the name as a whole */
export const isUnannotatedLayer = (e: PredEntity): boolean => UNANNOTATED_TYPES.has(e.type) || !!e.source?.startsWith(NESTED_SOURCE) || !!e.source?.startsWith(IN_PATHWAY_SOURCE);

export const CONVENTIONS = [
  'predicted entities of a type the gold guidelines leave unannotated (drug_class) are not scored, nor triples with such an argument',
  'chemicals nested inside a longer name (source in-name:, e.g. "dopamine" in "dopamine D2 receptor") are not scored: the guidelines annotate the whole name',
  'genes nested inside a pathway mention (source in-pathway:, e.g. "PI3K" in "PI3K/Akt pathway") are not scored: the guidelines annotate no gene inside a pathway',
  'only documents present in the gold are scored; predictions for other documents are ignored',
  'entities are matched one-to-one per document; duplicate predictions are false positives',
  'entity strict = same span, type and norm; a gold norm of null matches any predicted norm',
  'entity spanOnly = same span and type; entity lenient = overlapping span and same type (norm ignored)',
  'triples normBased = per-document set of (subject norm, predicate, object norm)',
  'triples withEvidence = (subject norm, predicate, object norm, evidence), evidence spans match when they overlap',
  'symmetric predicates (binds, combined_with, associated_with) ignore argument order',
  'triples with a null/empty argument norm are skipped (see triples.skipped)',
  'main triple tables score non-negated triples only; negated triples are scored under triples.negated',
  'macro = mean of per-class precision/recall/f1 over classes present in gold or prediction',
  'a ratio with a zero denominator is 0, except tp=fp=fn=0 gives 1',
];

// ---------------------------------------------------------------------------------------------
// metrics

const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function metrics(c: Counts): Metrics {
  const { tp, fp, fn } = c;
  if (tp + fp + fn === 0) return { tp, fp, fn, precision: 1, recall: 1, f1: 1 };
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision: round4(precision), recall: round4(recall), f1: round4(f1) };
}

function classOrder(classes: Iterable<string>, vocabulary: readonly string[]): string[] {
  const set = new Set(classes);
  const known = vocabulary.filter((c) => set.has(c));
  const extra = [...set].filter((c) => !vocabulary.includes(c)).sort();
  return [...known, ...extra];
}

/** Aggregates outcomes of one view into a table (per class, micro, macro). */
export function tabulate(outcomes: Outcome[], vocabulary: readonly string[]): Table {
  const counts = new Map<string, Counts>();
  for (const o of outcomes) {
    let c = counts.get(o.cls);
    if (!c) counts.set(o.cls, (c = { tp: 0, fp: 0, fn: 0 }));
    if (o.kind === 'TP') c.tp++;
    else if (o.kind === 'FP') c.fp++;
    else c.fn++;
  }
  const byClass: Record<string, Metrics> = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const cls of classOrder(counts.keys(), vocabulary)) {
    const c = counts.get(cls)!;
    byClass[cls] = metrics(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  const per = Object.values(byClass);
  const mean = (k: 'precision' | 'recall' | 'f1') => (per.length ? round4(per.reduce((s, m) => s + m[k], 0) / per.length) : 1);
  return { micro: metrics(total), macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') }, byClass };
}

// ---------------------------------------------------------------------------------------------
// one-to-one matching

/**
 * Maximum bipartite matching (augmenting paths). candidates[i] lists the right-hand indices
 * left item i may match, in order of preference. Returns for each left item its partner or -1.
 */
export function maxMatching(candidates: number[][], rightCount: number): number[] {
  const matchRight = new Array<number>(rightCount).fill(-1);
  const matchLeft = new Array<number>(candidates.length).fill(-1);
  const tryAssign = (i: number, seen: Uint8Array): boolean => {
    for (const j of candidates[i]) {
      if (seen[j]) continue;
      seen[j] = 1;
      if (matchRight[j] === -1 || tryAssign(matchRight[j], seen)) {
        matchRight[j] = i;
        matchLeft[i] = j;
        return true;
      }
    }
    return false;
  };
  // first pass: take the preferred free partner greedily (keeps the result intuitive), then augment
  for (let i = 0; i < candidates.length; i++) {
    const j = candidates[i].find((c) => matchRight[c] === -1);
    if (j !== undefined) {
      matchRight[j] = i;
      matchLeft[i] = j;
    }
  }
  for (let i = 0; i < candidates.length; i++) {
    if (matchLeft[i] === -1 && candidates[i].length) tryAssign(i, new Uint8Array(rightCount));
  }
  return matchLeft;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const overlapLength = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

// ---------------------------------------------------------------------------------------------
// entities

export type EntityMode = 'strict' | 'spanOnly' | 'lenient';

interface SpanItem {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  norm: string | null;
}

function entityMatches(mode: EntityMode, gold: SpanItem, pred: SpanItem): boolean {
  if (gold.type !== pred.type) return false;
  if (mode === 'lenient') return overlaps(gold, pred);
  if (gold.start !== pred.start || gold.end !== pred.end) return false;
  return mode === 'spanOnly' || gold.norm === null || gold.norm === pred.norm;
}

const bySpan = (a: SpanItem, b: SpanItem) =>
  a.start - b.start || a.end - b.end || a.type.localeCompare(b.type) || (a.norm ?? '').localeCompare(b.norm ?? '') || a.text.localeCompare(b.text);

export interface MatchPairs<G, P> {
  pairs: [G, P][];
  unmatchedGold: G[];
  unmatchedPred: P[];
}

/** One-to-one matching of the entity mentions of ONE document under a mode. */
export function matchEntities<G extends SpanItem, P extends SpanItem>(mode: EntityMode, gold: G[], pred: P[]): MatchPairs<G, P> {
  const g = [...gold].sort(bySpan);
  const p = [...pred].sort(bySpan);
  const candidates = p.map((pe) => {
    const c: number[] = [];
    for (let j = 0; j < g.length; j++) {
      if (g[j].start >= pe.end && mode === 'lenient') break;
      if (g[j].start > pe.start && mode !== 'lenient') break;
      if (entityMatches(mode, g[j], pe)) c.push(j);
    }
    // prefer the exact span, then the largest overlap, then the earliest gold mention
    return c.sort((a, b) => {
      const ea = g[a].start === pe.start && g[a].end === pe.end ? 1 : 0;
      const eb = g[b].start === pe.start && g[b].end === pe.end ? 1 : 0;
      return eb - ea || overlapLength(g[b], pe) - overlapLength(g[a], pe) || a - b;
    });
  });
  const partner = maxMatching(candidates, g.length);
  const used = new Set<number>();
  const pairs: [G, P][] = [];
  const unmatchedPred: P[] = [];
  partner.forEach((j, i) => {
    if (j === -1) unmatchedPred.push(p[i]);
    else {
      used.add(j);
      pairs.push([g[j], p[i]]);
    }
  });
  return { pairs, unmatchedGold: g.filter((_, j) => !used.has(j)), unmatchedPred };
}

// ---------------------------------------------------------------------------------------------
// triples

interface TripleInstance {
  doc: string;
  subjectNorm: string;
  predicate: string;
  objectNorm: string;
  key: string;
  /** `subject text (norm) |predicate| object text (norm)`, for error rows */
  display: string;
  negated: boolean;
  evidence: { start: number; end: number };
  sentence: string;
}

export function isSymmetric(predicate: string): boolean {
  return PREDICATE_BY_ID.get(predicate)?.symmetric ?? false;
}

/** The comparison key of a triple: symmetric predicates put the smaller norm first. */
export function tripleKey(subjectNorm: string, predicate: string, objectNorm: string): string {
  const [s, o] = isSymmetric(predicate) && objectNorm < subjectNorm ? [objectNorm, subjectNorm] : [subjectNorm, objectNorm];
  return `${s} |${predicate}| ${o}`;
}

function tripleOutcomes(
  view: 'triple-norm' | 'triple-evidence',
  negated: boolean,
  doc: string,
  gold: TripleInstance[],
  pred: TripleInstance[],
): Outcome[] {
  const outView: View = negated ? (`${view}-negated` as View) : view;
  const out: Outcome[] = [];
  const g = gold.filter((t) => t.negated === negated);
  const p = pred.filter((t) => t.negated === negated);
  const group = (list: TripleInstance[]) => {
    const m = new Map<string, TripleInstance[]>();
    for (const t of list) {
      const arr = m.get(t.key) ?? [];
      // one instance per evidence span
      if (!arr.some((x) => x.evidence.start === t.evidence.start && x.evidence.end === t.evidence.end)) arr.push(t);
      m.set(t.key, arr);
    }
    for (const arr of m.values()) arr.sort((a, b) => a.evidence.start - b.evidence.start || a.evidence.end - b.evidence.end);
    return m;
  };
  const gg = group(g);
  const pg = group(p);
  const keys = [...new Set([...gg.keys(), ...pg.keys()])].sort();
  const row = (kind: Outcome['kind'], t: TripleInstance, note = ''): Outcome => ({
    view: outView,
    kind,
    doc,
    cls: t.predicate,
    item: t.display,
    start: t.evidence.start,
    end: t.evidence.end,
    sentence: t.sentence,
    note,
  });
  for (const key of keys) {
    const gi = gg.get(key) ?? [];
    const pi = pg.get(key) ?? [];
    if (view === 'triple-norm') {
      if (gi.length && pi.length) out.push(row('TP', gi[0]));
      else if (gi.length) out.push(row('FN', gi[0], gi.length > 1 ? `stated in ${gi.length} sentences` : ''));
      else out.push(row('FP', pi[0], pi.length > 1 ? `predicted in ${pi.length} sentences` : ''));
      continue;
    }
    const candidates = pi.map((t) => gi.map((x, j) => (overlaps(x.evidence, t.evidence) ? j : -1)).filter((j) => j >= 0));
    const partner = maxMatching(candidates, gi.length);
    const used = new Set<number>();
    partner.forEach((j, i) => {
      if (j === -1) out.push(row('FP', pi[i], gi.length ? 'same triple in gold, other sentence' : ''));
      else {
        used.add(j);
        out.push(row('TP', gi[j]));
      }
    });
    gi.forEach((t, j) => {
      if (!used.has(j)) out.push(row('FN', t, pi.length ? 'same triple predicted, other sentence' : ''));
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// conversion (annotator files as predictions: agreement, tests)

/** A gold file as prediction rows (null norms stay null). */
export function goldToPrediction(gold: GoldFile): Prediction {
  const byId = new Map(gold.entities.map((e) => [e.id, e]));
  const entities: PredEntity[] = gold.entities.map((e) => ({ doc: gold.doc, type: e.type, start: e.start, end: e.end, text: e.text, norm: e.norm }));
  const triples: PredTriple[] = [];
  for (const t of gold.triples) {
    const s = byId.get(t.subject);
    const o = byId.get(t.object);
    if (!s || !o) continue;
    const arg = (e: typeof s): PredArgument => ({ text: e.text, start: e.start, end: e.end, type: e.type, norm: e.norm });
    triples.push({
      doc: gold.doc,
      subject: arg(s),
      predicate: t.predicate,
      object: arg(o),
      evidence: { start: t.evidence.start, end: t.evidence.end },
      negated: t.negated,
      hedged: t.hedged,
    });
  }
  return { entities, triples };
}

export function mergePredictions(parts: Prediction[]): Prediction {
  return { entities: parts.flatMap((p) => p.entities), triples: parts.flatMap((p) => p.triples) };
}

// ---------------------------------------------------------------------------------------------
// the whole scoring

/** A window of the text around a span: up to `max` chars each side, cut at sentence ends and blank lines. */
export function contextWindow(text: string, start: number, end: number, max = 300): string {
  let s = start;
  while (s > 0 && start - s < max) {
    const before = text.slice(Math.max(0, s - 6), s);
    if (/[.!?]\s$/.test(before) || /\n[ \t]*\n[ \t]*$/.test(before)) break;
    s--;
  }
  let e = end;
  while (e < text.length && e - end < max) {
    if (/[.!?]/.test(text[e - 1] ?? '') && /\s/.test(text[e])) break;
    if (/^[ \t]*\n[ \t]*\n/.test(text.slice(e, e + 6))) break;
    e++;
  }
  return text.slice(s, e).trim();
}

export function score(goldFiles: GoldFile[], prediction: Prediction, options: ScoreOptions = {}): ScoreResult {
  const texts = options.texts ?? {};
  const sentenceOf =
    options.sentenceOf ?? ((doc: string, start: number, end: number) => (texts[doc] !== undefined ? contextWindow(texts[doc], start, end) : ''));
  const docs = [...new Set(goldFiles.map((g) => g.doc))].sort();
  const goldByDoc = new Map<string, GoldFile>();
  for (const g of goldFiles) {
    const prev = goldByDoc.get(g.doc);
    // two gold files for one doc: union (gold:check reports it; scoring stays defined)
    goldByDoc.set(g.doc, prev ? { ...prev, entities: [...prev.entities, ...g.entities], triples: [...prev.triples, ...g.triples] } : g);
  }
  const docSet = new Set(docs);
  const predDocs = new Set([...prediction.entities.map((e) => e.doc), ...prediction.triples.map((t) => t.doc)]);
  const ignoredPredictionDocs = [...predDocs].filter((d) => !docSet.has(d)).sort();
  const missingFromPredictions = docs.filter((d) => !predDocs.has(d));

  const predEntitiesByDoc = new Map<string, PredEntity[]>();
  for (const e of prediction.entities) if (docSet.has(e.doc) && !isUnannotatedLayer(e)) (predEntitiesByDoc.get(e.doc) ?? predEntitiesByDoc.set(e.doc, []).get(e.doc)!).push(e);
  const predTriplesByDoc = new Map<string, PredTriple[]>();
  let predUnannotatedType = 0;
  for (const t of prediction.triples) {
    if (!docSet.has(t.doc)) continue;
    if (UNANNOTATED_TYPES.has(t.subject.type) || UNANNOTATED_TYPES.has(t.object.type)) { predUnannotatedType++; continue; }
    (predTriplesByDoc.get(t.doc) ?? predTriplesByDoc.set(t.doc, []).get(t.doc)!).push(t);
  }

  const outcomes: Outcome[] = [];
  const skipped = { goldNullNorm: 0, goldNullNormNegated: 0, predNullNorm: 0, predUnannotatedType };

  for (const doc of docs) {
    const gold = goldByDoc.get(doc)!;
    const text = texts[doc];
    const goldEntities = gold.entities;
    const predEntities = predEntitiesByDoc.get(doc) ?? [];

    // entities
    const modes: [EntityMode, View][] = [['strict', 'entity-strict'], ['spanOnly', 'entity-span'], ['lenient', 'entity-lenient']];
    for (const [mode, view] of modes) {
      const m = matchEntities(mode, goldEntities, predEntities);
      const entityRow = (kind: Outcome['kind'], e: SpanItem, note = ''): Outcome => ({
        view,
        kind,
        doc,
        cls: e.type,
        item: e.norm ? `${e.text} [${e.norm}]` : `${e.text} [null]`,
        start: e.start,
        end: e.end,
        sentence: sentenceOf(doc, e.start, e.end),
        note,
      });
      for (const [g] of m.pairs) outcomes.push(entityRow('TP', g));
      for (const p of m.unmatchedPred) {
        const near = goldEntities.filter((g) => overlaps(g, p)).sort(bySpan);
        const note = near.length ? `gold here: ${near.map((g) => `${g.type} "${g.text}" ${g.start}-${g.end} [${g.norm ?? 'null'}]`).join('; ')}` : '';
        outcomes.push(entityRow('FP', p, note));
      }
      for (const g of m.unmatchedGold) {
        const near = predEntities.filter((p) => overlaps(g, p)).sort(bySpan);
        const note = near.length ? `predicted here: ${near.map((p) => `${p.type} "${p.text}" ${p.start}-${p.end} [${p.norm ?? 'null'}]`).join('; ')}` : '';
        outcomes.push(entityRow('FN', g, note));
      }
    }

    // triples
    const byId = new Map(goldEntities.map((e) => [e.id, e]));
    const goldInstances: TripleInstance[] = [];
    for (const t of gold.triples) {
      const s = byId.get(t.subject);
      const o = byId.get(t.object);
      if (!s || !o || !s.norm || !o.norm) {
        if (t.negated) skipped.goldNullNormNegated++;
        else skipped.goldNullNorm++;
        continue;
      }
      goldInstances.push({
        doc,
        subjectNorm: s.norm,
        predicate: t.predicate,
        objectNorm: o.norm,
        key: tripleKey(s.norm, t.predicate, o.norm),
        display: `${s.text} (${s.norm}) |${t.predicate}| ${o.text} (${o.norm})`,
        negated: t.negated,
        evidence: { start: t.evidence.start, end: t.evidence.end },
        sentence: text !== undefined ? text.slice(t.evidence.start, t.evidence.end) : '',
      });
    }
    const predInstances: TripleInstance[] = [];
    for (const t of predTriplesByDoc.get(doc) ?? []) {
      if (!t.subject.norm || !t.object.norm) {
        skipped.predNullNorm++;
        continue;
      }
      predInstances.push({
        doc,
        subjectNorm: t.subject.norm,
        predicate: t.predicate,
        objectNorm: t.object.norm,
        key: tripleKey(t.subject.norm, t.predicate, t.object.norm),
        display: `${t.subject.text} (${t.subject.norm}) |${t.predicate}| ${t.object.text} (${t.object.norm})`,
        negated: t.negated,
        evidence: { start: t.evidence.start, end: t.evidence.end },
        sentence: t.evidence.text ?? (text !== undefined ? text.slice(t.evidence.start, t.evidence.end) : ''),
      });
    }
    for (const negated of [false, true]) {
      outcomes.push(...tripleOutcomes('triple-norm', negated, doc, goldInstances, predInstances));
      outcomes.push(...tripleOutcomes('triple-evidence', negated, doc, goldInstances, predInstances));
    }
  }

  const predicateIds = PREDICATES.map((p) => p.id);
  const of = (view: View, doc?: string) => outcomes.filter((o) => o.view === view && (doc === undefined || o.doc === doc));
  const perDocument: Record<string, DocFigures> = {};
  for (const doc of docs) {
    perDocument[doc] = {
      entities: {
        strict: tabulate(of('entity-strict', doc), ENTITY_TYPES).micro,
        spanOnly: tabulate(of('entity-span', doc), ENTITY_TYPES).micro,
        lenient: tabulate(of('entity-lenient', doc), ENTITY_TYPES).micro,
      },
      triples: {
        normBased: tabulate(of('triple-norm', doc), predicateIds).micro,
        withEvidence: tabulate(of('triple-evidence', doc), predicateIds).micro,
      },
    };
  }
  const summary: Summary = {
    documents: { scored: docs, missingFromPredictions, ignoredPredictionDocs },
    conventions: CONVENTIONS,
    entities: {
      strict: tabulate(of('entity-strict'), ENTITY_TYPES),
      spanOnly: tabulate(of('entity-span'), ENTITY_TYPES),
      lenient: tabulate(of('entity-lenient'), ENTITY_TYPES),
    },
    triples: {
      normBased: tabulate(of('triple-norm'), predicateIds),
      withEvidence: tabulate(of('triple-evidence'), predicateIds),
      negated: {
        normBased: tabulate(of('triple-norm-negated'), predicateIds),
        withEvidence: tabulate(of('triple-evidence-negated'), predicateIds),
      },
      skipped,
    },
    perDocument,
  };
  return { summary, outcomes };
}

// ---------------------------------------------------------------------------------------------
// quality floor

/** The figures the quality floor guards (corpus/gold/baseline.json `figures`). */
export interface FloorFigures {
  entityStrictMicroF1: number;
  entityLenientMicroF1: number;
  tripleNormMicroF1: number;
}

export interface Baseline {
  figures: FloorFigures;
  [extra: string]: unknown;
}

export interface FloorViolation {
  figure: keyof FloorFigures;
  baseline: number;
  actual: number;
  drop: number;
}

export function floorFigures(summary: Summary): FloorFigures {
  return {
    entityStrictMicroF1: summary.entities.strict.micro.f1,
    entityLenientMicroF1: summary.entities.lenient.micro.f1,
    tripleNormMicroF1: summary.triples.normBased.micro.f1,
  };
}

/** Every guarded figure more than `tolerance` below its baseline value (empty list: floor holds). */
export function checkFloor(summary: Summary, baseline: Baseline, tolerance = 0.02): FloorViolation[] {
  const actual = floorFigures(summary);
  const out: FloorViolation[] = [];
  for (const figure of Object.keys(actual) as (keyof FloorFigures)[]) {
    const base = baseline.figures[figure];
    if (typeof base !== 'number') continue;
    const drop = round4(base - actual[figure]);
    if (actual[figure] < base - tolerance - 1e-9) out.push({ figure, baseline: base, actual: actual[figure], drop });
  }
  return out;
}
