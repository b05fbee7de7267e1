/** Platt scaling: P(correct) = sigmoid(a · logit(p) + b), the fitted map from a model probability to a confidence. */
const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

export const platt = (p: number, c: { a: number; b: number }): number => 1 / (1 + Math.exp(-(c.a * logit(p) + c.b)));
export { logit };
