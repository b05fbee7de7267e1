import { describe, expect, it } from 'vitest';
import type { GoldFile } from '../../src/evaluate/gold.js';
import { renderErrorsTsv, renderSummary } from '../../src/evaluate/report.js';
import {
  type PredEntity,
  type PredTriple,
  type Prediction,
  checkFloor,
  contextWindow,
  floorFigures,
  goldToPrediction,
  matchEntities,
  maxMatching,
  metrics,
  score,
  tripleKey,
} from '../../src/evaluate/score.js';

// "Lapatinib inhibits HER2. Trastuzumab binds HER2 and EGFR."
//  0         10        20        30        40        50
const TEXT = 'Lapatinib inhibits HER2. Trastuzumab binds HER2 and EGFR.';
const S1 = { start: 0, end: 24 };
const S2 = { start: 25, end: 57 };

function gold(doc = 'd1'): GoldFile {
  return {
    doc,
    entities: [
      { id: 'T1', type: 'drug', start: 0, end: 9, text: 'Lapatinib', norm: 'DrugBank:DB01259' },
      { id: 'T2', type: 'gene', start: 19, end: 23, text: 'HER2', norm: 'NCBIGene:2064' },
      { id: 'T3', type: 'drug', start: 25, end: 36, text: 'Trastuzumab', norm: 'DrugBank:DB00072' },
      { id: 'T4', type: 'gene', start: 43, end: 47, text: 'HER2', norm: 'NCBIGene:2064' },
      { id: 'T5', type: 'gene', start: 52, end: 56, text: 'EGFR', norm: null },
    ],
    triples: [
      { id: 'R1', subject: 'T1', predicate: 'inhibits', object: 'T2', evidence: S1, negated: false, hedged: false },
      { id: 'R2', subject: 'T3', predicate: 'binds', object: 'T4', evidence: S2, negated: false, hedged: false },
      { id: 'R3', subject: 'T3', predicate: 'binds', object: 'T5', evidence: S2, negated: false, hedged: false },
    ],
    notes: [],
  };
}

const ent = (e: Partial<PredEntity> & Pick<PredEntity, 'start' | 'end'>, doc = 'd1'): PredEntity => ({
  doc,
  type: 'gene',
  text: TEXT.slice(e.start, e.end),
  norm: 'NCBIGene:2064',
  ...e,
});

const arg = (start: number, end: number, type: PredEntity['type'], norm: string | null) => ({ text: TEXT.slice(start, end), start, end, type, norm });
const LAPATINIB = arg(0, 9, 'drug', 'DrugBank:DB01259');
const HER2_1 = arg(19, 23, 'gene', 'NCBIGene:2064');
const TRASTUZUMAB = arg(25, 36, 'drug', 'DrugBank:DB00072');
const HER2_2 = arg(43, 47, 'gene', 'NCBIGene:2064');

const triple = (t: Partial<PredTriple> & Pick<PredTriple, 'subject' | 'predicate' | 'object'>, doc = 'd1'): PredTriple => ({
  doc,
  evidence: S1,
  negated: false,
  hedged: false,
  ...t,
});

const run = (pred: Prediction, golds: GoldFile[] = [gold()]) => score(golds, pred, { texts: { d1: TEXT, d2: TEXT } }).summary;

describe('metrics', () => {
  it('computes P/R/F1', () => expect(metrics({ tp: 1, fp: 1, fn: 3 })).toEqual({ tp: 1, fp: 1, fn: 3, precision: 0.5, recall: 0.25, f1: 0.3333 }));
  it('no predictions: P = R = F1 = 0', () => expect(metrics({ tp: 0, fp: 0, fn: 2 })).toMatchObject({ precision: 0, recall: 0, f1: 0 }));
  it('nothing at all: 1', () => expect(metrics({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 }));
});

describe('maxMatching', () => {
  it('augments past a greedy choice', () => {
    // left 0 prefers right 0 but is the only one who can take right 1
    expect(maxMatching([[0, 1], [0]], 2)).toEqual([1, 0]);
  });
  it('leaves unmatched items at -1', () => expect(maxMatching([[0], [0]], 1)).toEqual([0, -1]));
});

describe('entities', () => {
  it('perfect prediction of the gold scores 1 in every view', () => {
    const s = run(goldToPrediction(gold()));
    expect(s.entities.strict.micro).toMatchObject({ tp: 5, fp: 0, fn: 0, f1: 1 });
    expect(s.entities.lenient.micro.f1).toBe(1);
    expect(s.triples.normBased.micro).toMatchObject({ tp: 2, fp: 0, fn: 0 }); // R3 skipped: EGFR norm null
    expect(s.triples.skipped.goldNullNorm).toBe(1);
  });

  it('empty prediction: all FN, zero scores, doc listed as missing', () => {
    const s = run({ entities: [], triples: [] });
    expect(s.entities.strict.micro).toMatchObject({ tp: 0, fp: 0, fn: 5, precision: 0, recall: 0, f1: 0 });
    expect(s.entities.strict.byClass.gene).toMatchObject({ fn: 3 });
    expect(s.triples.normBased.micro).toMatchObject({ tp: 0, fp: 0, fn: 2 });
    expect(s.documents.missingFromPredictions).toEqual(['d1']);
  });

  it('duplicate predictions: one TP, the copy is FP', () => {
    const s = run({ entities: [ent({ start: 19, end: 23 }), ent({ start: 19, end: 23 })], triples: [] });
    expect(s.entities.strict.byClass.gene).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(s.entities.lenient.byClass.gene).toMatchObject({ tp: 1, fp: 1, fn: 2 });
  });

  it('overlapping span: lenient TP, strict and span-only FP + FN', () => {
    const s = run({ entities: [ent({ start: 12, end: 23 })], triples: [] }); // "hibits HER2"
    expect(s.entities.lenient.byClass.gene).toMatchObject({ tp: 1, fp: 0 });
    expect(s.entities.strict.byClass.gene).toMatchObject({ tp: 0, fp: 1, fn: 3 });
    expect(s.entities.spanOnly.byClass.gene).toMatchObject({ tp: 0, fp: 1 });
  });

  it('lenient is one-to-one: two predictions overlapping one gold mention give one TP', () => {
    const s = run({ entities: [ent({ start: 19, end: 21 }), ent({ start: 21, end: 23 })], triples: [] });
    expect(s.entities.lenient.byClass.gene).toMatchObject({ tp: 1, fp: 1 });
  });

  it('lenient requires the same type', () => {
    const s = run({ entities: [ent({ start: 19, end: 23, type: 'drug' })], triples: [] });
    expect(s.entities.lenient.micro.tp).toBe(0);
  });

  it('a gold norm of null matches any predicted norm in strict; a wrong norm does not', () => {
    const s = run({ entities: [ent({ start: 52, end: 56, norm: 'NCBIGene:1956' }), ent({ start: 43, end: 47, norm: 'NCBIGene:1956' })], triples: [] });
    expect(s.entities.strict.micro).toMatchObject({ tp: 1, fp: 1 });
    expect(s.entities.spanOnly.micro).toMatchObject({ tp: 2, fp: 0 });
  });

  it('matchEntities returns unmatched on both sides', () => {
    const g = gold().entities;
    const m = matchEntities('strict', g, [ent({ start: 19, end: 23 }), ent({ start: 1, end: 2 })]);
    expect(m.pairs).toHaveLength(1);
    expect(m.unmatchedPred.map((p) => p.start)).toEqual([1]);
    expect(m.unmatchedGold).toHaveLength(4);
  });
});

describe('triples', () => {
  it('symmetric predicate reversed still matches; an asymmetric one does not', () => {
    const s = run({
      entities: [],
      triples: [
        triple({ subject: HER2_2, predicate: 'binds', object: TRASTUZUMAB, evidence: S2 }),
        triple({ subject: HER2_1, predicate: 'inhibits', object: LAPATINIB }),
      ],
    });
    expect(s.triples.normBased.byClass.binds).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.triples.normBased.byClass.inhibits).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(tripleKey('B', 'binds', 'A')).toBe(tripleKey('A', 'binds', 'B'));
    expect(tripleKey('B', 'inhibits', 'A')).not.toBe(tripleKey('A', 'inhibits', 'B'));
  });

  it('norm-based view is a set: the same triple twice (or from another mention) counts once', () => {
    const s = run({
      entities: [],
      triples: [triple({ subject: LAPATINIB, predicate: 'inhibits', object: HER2_1 }), triple({ subject: LAPATINIB, predicate: 'inhibits', object: HER2_2, evidence: S2 })],
    });
    expect(s.triples.normBased.byClass.inhibits).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // with evidence: the second one is in another sentence → FP there
    expect(s.triples.withEvidence.byClass.inhibits).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('with evidence: overlapping evidence spans match, disjoint ones do not', () => {
    const overlapping = run({ entities: [], triples: [triple({ subject: LAPATINIB, predicate: 'inhibits', object: HER2_1, evidence: { start: 10, end: 30 } })] });
    expect(overlapping.triples.withEvidence.byClass.inhibits).toMatchObject({ tp: 1 });
    const elsewhere = run({ entities: [], triples: [triple({ subject: LAPATINIB, predicate: 'inhibits', object: HER2_1, evidence: S2 })] });
    expect(elsewhere.triples.normBased.byClass.inhibits).toMatchObject({ tp: 1 });
    expect(elsewhere.triples.withEvidence.byClass.inhibits).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('negated triples are scored separately, not in the main table', () => {
    const g = gold();
    g.triples[0].negated = true;
    const s = run({ entities: [], triples: [triple({ subject: LAPATINIB, predicate: 'inhibits', object: HER2_1, negated: true })] }, [g]);
    expect(s.triples.normBased.byClass.inhibits).toBeUndefined();
    expect(s.triples.negated.normBased.byClass.inhibits).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // a non-negated prediction of a negated gold triple is a FP in the main table and a FN in the negated one
    const wrong = run({ entities: [], triples: [triple({ subject: LAPATINIB, predicate: 'inhibits', object: HER2_1 })] }, [g]);
    expect(wrong.triples.normBased.byClass.inhibits).toMatchObject({ tp: 0, fp: 1 });
    expect(wrong.triples.negated.normBased.byClass.inhibits).toMatchObject({ fn: 1 });
  });

  it('skips predicted triples with a drug-class argument (the gold annotates no classes) and counts them', () => {
    const cls = arg(0, 9, 'drug_class', 'class:targeted:ERBB2');
    const s = run({ entities: [], triples: [triple({ subject: cls, predicate: 'inhibits', object: HER2_1 })] });
    expect(s.triples.skipped.predUnannotatedType).toBe(1);
    expect(s.triples.normBased.micro.fp).toBe(0);
  });

  it('skips gold triples with a null argument norm and counts them', () => {
    const s = run({ entities: [], triples: [] });
    expect(s.triples.skipped).toEqual({ goldNullNorm: 1, goldNullNormNegated: 0, predNullNorm: 0, predUnannotatedType: 0 });
    expect(s.triples.normBased.byClass.binds).toMatchObject({ fn: 1 });
  });
});

describe('documents', () => {
  it('a gold doc missing from the predictions scores all FN; predictions for docs without gold are ignored', () => {
    const s = run(
      { entities: [ent({ start: 19, end: 23 }, 'd1'), ent({ start: 19, end: 23 }, 'other')], triples: [triple({ subject: LAPATINIB, predicate: 'inhibits', object: HER2_1 }, 'other')] },
      [gold('d1'), gold('d2')],
    );
    expect(s.documents).toEqual({ scored: ['d1', 'd2'], missingFromPredictions: ['d2'], ignoredPredictionDocs: ['other'] });
    expect(s.perDocument.d2.entities.strict).toMatchObject({ tp: 0, fp: 0, fn: 5 });
    expect(s.perDocument.d1.entities.strict).toMatchObject({ tp: 1, fp: 0, fn: 4 });
    expect(s.entities.strict.micro).toMatchObject({ tp: 1, fp: 0, fn: 9 });
    expect(s.triples.normBased.micro.fp).toBe(0);
  });
});

describe('determinism and reports', () => {
  const pred: Prediction = {
    entities: [ent({ start: 52, end: 56 }), ent({ start: 19, end: 23 }), ent({ start: 0, end: 9, type: 'drug', norm: 'DrugBank:DB01259' }), ent({ start: 1, end: 5 })],
    triples: [triple({ subject: TRASTUZUMAB, predicate: 'binds', object: HER2_2, evidence: S2 }), triple({ subject: LAPATINIB, predicate: 'activates', object: HER2_1 })],
  };
  it('gives the same summary and errors whatever the input order', () => {
    const a = score([gold()], pred, { texts: { d1: TEXT } });
    const b = score([gold()], { entities: [...pred.entities].reverse(), triples: [...pred.triples].reverse() }, { texts: { d1: TEXT } });
    expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
    expect(renderErrorsTsv(b.outcomes)).toBe(renderErrorsTsv(a.outcomes));
  });
  it('errors.tsv has FP and FN rows with the sentence', () => {
    const tsv = renderErrorsTsv(score([gold()], pred, { texts: { d1: TEXT } }).outcomes);
    const lines = tsv.trim().split('\n');
    expect(lines[0].split('\t')).toEqual(['view', 'kind', 'doc', 'type_or_predicate', 'text_or_triple', 'start', 'end', 'sentence', 'note']);
    expect(lines.some((l) => l.startsWith('entity-strict\tFP\td1\tgene\tapat [NCBIGene:2064]\t1\t5\tLapatinib inhibits HER2.'))).toBe(true);
    expect(lines.some((l) => l.startsWith('triple-norm\tFP\td1\tactivates\tLapatinib (DrugBank:DB01259) |activates| HER2 (NCBIGene:2064)'))).toBe(true);
    expect(lines.every((l) => !l.includes('\tTP\t'))).toBe(true);
  });
  it('macro averages per-class F1', () => {
    const s = run(pred);
    const classes = Object.values(s.entities.strict.byClass);
    expect(s.entities.strict.macro.f1).toBeCloseTo(classes.reduce((x, m) => x + m.f1, 0) / classes.length, 3);
  });
  it('renders a console table', () => {
    const out = renderSummary(run(pred));
    expect(out).toMatch(/entity strict micro/);
    expect(out).toMatch(/triple norm micro/);
  });
  it('contextWindow stops at sentence ends', () => expect(contextWindow(TEXT, 43, 47)).toBe('Trastuzumab binds HER2 and EGFR.'));
});

describe('checkFloor', () => {
  const s = run(goldToPrediction(gold()));
  const baseline = { figures: floorFigures(s) };
  it('holds for the same figures and within the tolerance', () => {
    expect(checkFloor(s, baseline, 0.02)).toEqual([]);
    expect(checkFloor(s, { figures: { ...baseline.figures, entityStrictMicroF1: 1.015 } }, 0.02)).toEqual([]);
  });
  it('reports each figure more than the tolerance below', () => {
    const v = checkFloor(s, { figures: { ...baseline.figures, tripleNormMicroF1: 1.03 } }, 0.02);
    expect(v).toEqual([{ figure: 'tripleNormMicroF1', baseline: 1.03, actual: 1, drop: 0.03 }]);
  });
});
