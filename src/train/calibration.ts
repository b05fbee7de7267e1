/**
 * Confidence that means probability: the softmax temperature is fitted on held-out examples
 * (lowest log-loss on a grid), and the evaluation prints a reliability table (confidence bins
 * against observed precision) with its expected calibration error.
 */
import { softmax, type LinearModel } from '../relate/classifier/linear-model.js';
import { logit } from '../relate/classifier/platt.js';

export function fitTemperature(model: LinearModel, examples: { label: string; features: string[] }[]): number {
  const scored = examples.map((e) => ({ s: model.scores(e.features), y: Math.max(0, model.classes.indexOf(e.label)) }));
  let best = 1, bestLoss = Infinity;
  for (let t = 0.4; t <= 4.0001; t += 0.05) {
    const T = Math.round(t * 100) / 100;
    let loss = 0;
    for (const { s, y } of scored) loss -= Math.log(Math.max(1e-12, softmax(s, T).probs[y]));
    if (loss < bestLoss - 1e-9) { bestLoss = loss; best = T; }
  }
  return best;
}

export interface ReliabilityBin { from: number; to: number; n: number; confidence: number; precision: number }

export function reliability(points: { confidence: number; correct: boolean }[], bins = 10): { bins: ReliabilityBin[]; ece: number } {
  const out: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const from = b / bins, to = (b + 1) / bins;
    const inBin = points.filter((p) => p.confidence >= from && (p.confidence < to || (b === bins - 1 && p.confidence <= to)));
    if (!inBin.length) { out.push({ from, to, n: 0, confidence: 0, precision: 0 }); continue; }
    const confidence = inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length;
    const precision = inBin.filter((p) => p.correct).length / inBin.length;
    out.push({ from, to, n: inBin.length, confidence, precision });
    ece += (inBin.length / (points.length || 1)) * Math.abs(precision - confidence);
  }
  return { bins: out, ece };
}

/**
 * Platt scaling of decision confidences: P(correct) = sigmoid(a · logit(p) + b), fitted by
 * gradient descent on the log-loss of held-out decisions (fixed steps: deterministic).
 */
export function fitPlatt(points: { p: number; correct: boolean }[]): { a: number; b: number } {
  let a = 1, b = 0;
  if (!points.length) return { a, b };
  const z = points.map((x) => logit(x.p));
  for (let step = 0; step < 2000; step++) {
    let ga = 0, gb = 0;
    points.forEach((x, i) => {
      const q = 1 / (1 + Math.exp(-(a * z[i] + b)));
      const g = q - (x.correct ? 1 : 0);
      ga += g * z[i];
      gb += g;
    });
    a -= (0.5 * ga) / points.length;
    b -= (0.5 * gb) / points.length;
  }
  return { a: Math.round(a * 1e4) / 1e4, b: Math.round(b * 1e4) / 1e4 };
}
