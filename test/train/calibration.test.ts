import { describe, expect, it } from 'vitest';
import { fitPlatt, reliability } from '../../src/train/calibration.js';
import { platt } from '../../src/relate/classifier/platt.js';

describe('reliability', () => {
  it('bins confidences and measures the expected calibration error', () => {
    const points = [
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.95, correct: i < 9 })), // 0.9 observed
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.35, correct: i < 5 })), // 0.5 observed
    ];
    const r = reliability(points);
    expect(r.bins[9]).toMatchObject({ n: 10, precision: 0.9 });
    expect(r.bins[3]).toMatchObject({ n: 10, precision: 0.5 });
    expect(r.ece).toBeCloseTo(0.5 * 0.05 + 0.5 * 0.15, 10);
  });
});

describe('fitPlatt', () => {
  it('maps over-confident probabilities down to the observed rate', () => {
    // the model says 0.9 but is right 60% of the time
    const points = Array.from({ length: 100 }, (_, i) => ({ p: 0.9, correct: i % 5 < 3 }));
    const c = fitPlatt(points);
    expect(platt(0.9, c)).toBeCloseTo(0.6, 1);
  });
});
