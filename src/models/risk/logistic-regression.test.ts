import { describe, expect, it } from 'vitest';
import { createRandom } from '../../domain/random.js';
import { fitLogisticRegression, predictLogistic } from './logistic-regression.js';

describe('fitLogisticRegression', () => {
  it('recovers the coefficients of simulated data (intercept −1, weights 1.5 and −0.8)', () => {
    const random = createRandom(7);
    const n = 20_000;
    const rows = new Float64Array(n * 2);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x1 = random.normal();
      const x2 = random.normal();
      rows[2 * i] = x1;
      rows[2 * i + 1] = x2;
      labels[i] = random.bernoulli(1 / (1 + Math.exp(-(-1 + 1.5 * x1 - 0.8 * x2)))) ? 1 : 0;
    }
    const model = fitLogisticRegression(rows, labels, 2, 0);
    expect(model.isConverged).toBe(true);
    // Standard errors at n = 20,000 are about 0.02–0.03.
    expect(model.weights[0]).toBeCloseTo(-1, 1);
    expect(model.weights[1]).toBeCloseTo(1.5, 1);
    expect(model.weights[2]).toBeCloseTo(-0.8, 1);
    const [p] = predictLogistic(model, Float64Array.from([0, 0]), 2);
    expect(p).toBeCloseTo(1 / (1 + Math.E), 1);
  });

  it('shrinks the weights towards zero under the penalty, leaving the intercept free', () => {
    const rows = Float64Array.from([1, 1, -1, -1]);
    const labels = Uint8Array.from([1, 1, 0, 0]);
    // Separable data: without a penalty the weight would run off to infinity.
    const model = fitLogisticRegression(rows, labels, 1, 0.1);
    expect(Number.isFinite(model.weights[1])).toBe(true);
    expect(model.weights[1]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(10);
  });
});
