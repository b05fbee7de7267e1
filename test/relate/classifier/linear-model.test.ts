import { describe, expect, it } from 'vitest';
import { LinearModel, softmax } from '../../../src/relate/classifier/linear-model.js';

const file = { format: 'biotriples-linear-v1' as const, name: 't', classes: ['none', 'A', 'B'], temperature: 1, weights: { x: [1, 2], y: [2, 1.5, 0, -0.5], bias: [0, 0.5] } };

describe('LinearModel', () => {
  it('sums the weights of the features present per class', () => {
    const m = new LinearModel(file);
    expect([...m.scores(['x', 'bias', 'unknown'])]).toEqual([0.5, 2, 0]);
    expect(m.predict(['x']).best).toBe(1);
    expect(m.predict(['y']).best).toBe(2);
  });
  it('softmax sums to one and the temperature flattens it', () => {
    const sharp = softmax(Float64Array.from([2, 0, 0]), 1), flat = softmax(Float64Array.from([2, 0, 0]), 4);
    expect(sharp.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(flat.probs[0]).toBeLessThan(sharp.probs[0]);
  });
  it('explains a decision by the features that pushed toward it against none', () => {
    const m = new LinearModel(file);
    const top = m.explain(['x', 'y', 'bias'], 2);
    expect(top[0]).toEqual({ feature: 'y', weight: 2 });
    expect(top.map((c) => c.feature)).toContain('bias');
  });
  it('refuses an unknown file format', () => {
    expect(() => new LinearModel({ ...file, format: 'other' as never })).toThrow(/unknown model format/);
  });
});
