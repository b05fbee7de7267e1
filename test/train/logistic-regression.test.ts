import { describe, expect, it } from 'vitest';
import { trainLogisticRegression } from '../../src/train/logistic-regression.js';
import { LinearModel } from '../../src/relate/classifier/linear-model.js';

const examples = Array.from({ length: 300 }, (_, i) => {
  const label = ['none', 'INHIBITOR', 'ACTIVATOR'][i % 3];
  const cue = label === 'INHIBITOR' ? 'b:inhibit' : label === 'ACTIVATOR' ? 'b:activ' : 'b:and';
  return { label, features: [cue, `noise:${i % 7}`, 'bias'] };
});

describe('trainLogisticRegression', () => {
  const settings = { epochs: 10, learningRate: 0.1, l2: 1e-4, minCount: 2, seed: 7, prune: 0.001 };
  it('learns which feature signals which class', () => {
    const m = new LinearModel(trainLogisticRegression('toy', examples, settings));
    expect(m.classes[0]).toBe('none');
    expect(m.classes[m.predict(['b:inhibit', 'bias']).best]).toBe('INHIBITOR');
    expect(m.classes[m.predict(['b:activ', 'bias']).best]).toBe('ACTIVATOR');
    expect(m.classes[m.predict(['b:and', 'bias']).best]).toBe('none');
  });
  it('gives byte-identical model files for the same data and settings', () => {
    const a = JSON.stringify(trainLogisticRegression('toy', examples, settings));
    const b = JSON.stringify(trainLogisticRegression('toy', examples, settings));
    expect(a).toBe(b);
    expect(JSON.stringify(trainLogisticRegression('toy', examples, { ...settings, seed: 8 }))).not.toBe(a);
  });
  it('leaves out features seen fewer than minCount times', () => {
    const file = trainLogisticRegression('toy', [...examples, { label: 'none', features: ['rare'] }], settings);
    expect(file.weights.rare).toBeUndefined();
  });
});
