import { describe, expect, it } from 'vitest';
import {
  coarseClass,
  countsOf,
  type GoldRelation,
  matchRelations,
  perClass,
  type PredRelation,
  prf,
} from '../../src/evaluate/corpora/drugprot.ts';

describe('matchRelations', () => {
  const span = (start: number, end: number, text = 'x') => ({ start, end, text });
  const gold = (cls: string, c: [number, number], g: [number, number], doc = 'd'): GoldRelation =>
    ({ doc, cls, chemical: span(...c), gene: span(...g) });
  const pred = (cls: string, d: [number, number], g: [number, number], doc = 'd'): PredRelation =>
    ({ doc, cls, drug: span(...d), gene: span(...g), predicate: 'inhibits', rule: 'r', trigger: 't', sentence: '' });

  it('matches on overlapping spans and equal class, one to one', () => {
    const g = [gold('INHIBITOR', [0, 9], [20, 24])];
    // "HER2 kinase" vs gold "HER2": overlap is enough
    const m = matchRelations([pred('INHIBITOR', [0, 9], [20, 31]), pred('INHIBITOR', [2, 5], [21, 22])], g);
    expect(m.predToGold).toEqual([0, -1]);
    expect(countsOf(m)).toEqual({ tp: 1, fp: 1, fn: 0 });
  });
  it('does not match touching spans, other documents or another class', () => {
    const g = [gold('INHIBITOR', [0, 9], [20, 24])];
    expect(countsOf(matchRelations([pred('INHIBITOR', [9, 12], [20, 24])], g))).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(countsOf(matchRelations([pred('INHIBITOR', [0, 9], [20, 24], 'e')], g))).toEqual({ tp: 0, fp: 1, fn: 1 });
    const m = matchRelations([pred('ACTIVATOR', [0, 9], [20, 24])], g);
    expect(countsOf(m)).toEqual({ tp: 0, fp: 1, fn: 1 });
    const pc = perClass([pred('ACTIVATOR', [0, 9], [20, 24])], g, m);
    expect(pc.get('ACTIVATOR')).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(pc.get('INHIBITOR')).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
  it('coarse view: antagonists inhibit, agonists activate', () => {
    expect(['ANTAGONIST', 'AGONIST', 'AGONIST-ACTIVATOR', 'AGONIST-INHIBITOR', 'SUBSTRATE'].map(coarseClass))
      .toEqual(['INHIBITOR', 'ACTIVATOR', 'ACTIVATOR', 'INHIBITOR', 'SUBSTRATE']);
    const g = [gold('ANTAGONIST', [0, 9], [20, 24]), gold('AGONIST', [30, 35], [40, 44])];
    const p = [pred('INHIBITOR', [0, 9], [20, 24]), pred('ACTIVATOR', [30, 35], [40, 44])];
    expect(countsOf(matchRelations(p, g))).toEqual({ tp: 0, fp: 2, fn: 2 });
    const coarse = matchRelations(p, g, (x) => coarseClass(x.cls));
    expect(countsOf(coarse)).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(prf(countsOf(coarse))).toEqual({ p: 1, r: 1, f1: 1 });
  });
  it('uses every location of a discontinuous annotation', () => {
    const g: GoldRelation = { doc: 'd', cls: 'INHIBITOR', chemical: { start: 0, end: 30, text: 'x', spans: [{ start: 0, end: 5 }, { start: 25, end: 30 }] }, gene: span(40, 44) };
    expect(countsOf(matchRelations([pred('INHIBITOR', [10, 15], [40, 44])], [g])).tp).toBe(0);
    expect(countsOf(matchRelations([pred('INHIBITOR', [26, 28], [40, 44])], [g])).tp).toBe(1);
  });
});
