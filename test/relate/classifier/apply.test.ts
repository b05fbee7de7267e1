import { describe, expect, it } from 'vitest';
import { relateSentence } from '../../../src/relate/relate.js';
import { RULES } from '../../../src/relate/rules.js';
import { RelationClassifier, type RelationModelFile } from '../../../src/relate/classifier/relation-model.js';
import { segmentText } from '../../../src/segment/segment.js';
import type { Mention } from '../../../src/tag/mention.js';

/** a hand-made model: "inhibit" between the pair means INHIBITOR, anything else none */
const file: RelationModelFile = {
  format: 'biotriples-linear-v1', name: 'toy', classes: ['none', 'INHIBITOR'], temperature: 1,
  weights: { 'b:inhibit': [1, 3], bias: [0, 1] },
  covers: { x: ['drug', 'chemical', 'drug_class'], y: ['gene'] }, predicates: { INHIBITOR: 'inhibits' },
  decideAlone: [], threshold: 0.5, minConfidence: 0.5, calibration: { a: 1, b: 0 }, rulePrecision: { 'verb-active': 0.9 },
};

function mentionsOf(text: string, spans: [string, Mention['type']][]): Mention[] {
  return spans.map(([t, type]) => { const start = text.indexOf(t); return { type, start, end: start + t.length, norm: `x:${t}`, name: t, sentence: 0, source: 'test' }; });
}

function run(text: string, spans: [string, Mention['type']][], model: RelationModelFile | null) {
  const [s] = segmentText(text);
  return relateSentence(text, s, mentionsOf(text, spans), RULES, model ? new RelationClassifier(model) : undefined)
    .map((r) => `${text.slice(r.subject.start, r.subject.end)} ${r.predicate} ${text.slice(r.object.start, r.object.end)} @${r.rule} ${r.confidence}`);
}

describe('rules and model together', () => {
  const text = 'Lapatinib inhibits HER2.';
  const spans: [string, Mention['type']][] = [['Lapatinib', 'drug'], ['HER2', 'gene']];
  it('the rules alone give their triple', () => {
    expect(run(text, spans, null)).toEqual(['Lapatinib inhibits HER2 @verb-active 0.8']);
  });
  it('on a pair the model covers, the model decides (the rule is its feature)', () => {
    expect(run(text, spans, file)).toEqual(['Lapatinib inhibits HER2 @model:toy 0.881']);
  });
  it('a model "none" removes a rule triple of a predicate the model decides', () => {
    expect(run(text, spans, { ...file, weights: { bias: [0, 5] } })).toEqual([]);
  });
  it('a rule that decides alone keeps its triple, with its measured precision as confidence', () => {
    expect(run(text, spans, { ...file, decideAlone: ['verb-active'] })).toEqual(['Lapatinib inhibits HER2 @verb-active 0.9']);
  });
  it('predicates no corpus covers stay with the rules', () => {
    const t = 'HER2 confers resistance to trastuzumab.';
    expect(run(t, [['HER2', 'gene'], ['trastuzumab', 'drug']], file)).toEqual(['HER2 confers_resistance_to trastuzumab @resistance-cause 0.75']);
  });
  it('a decision below the confidence floor writes no triple', () => {
    expect(run(text, spans, { ...file, minConfidence: 0.95 })).toEqual([]);
  });
  it('a pair a rule calls targets gets no model inhibits beside it', () => {
    const t = 'Lapatinib, an inhibitor targeting HER2, works.';
    const always: RelationModelFile = { ...file, weights: { bias: [1, 5] } };
    expect(run(t, [['Lapatinib', 'drug'], ['HER2', 'gene']], always)).toEqual(['Lapatinib targets HER2 @verb-active 0.8']);
    expect(run(text, spans, always)).toEqual(['Lapatinib inhibits HER2 @model:toy 0.993']);
  });
  it('pairs the model does not cover (gene–gene) keep the rules\' triples', () => {
    const t = 'HER2 activates EGFR.';
    expect(run(t, [['HER2', 'gene'], ['EGFR', 'gene']], file)).toEqual(['HER2 activates EGFR @verb-active 0.8']);
  });
});
