import { describe, expect, it } from 'vitest';
import { logHyp2f1 } from './hypergeometric.js';

describe('logHyp2f1', () => {
  it('matches the closed form ₂F₁(1, 1; 2; z) = −ln(1 − z)/z (Abramowitz & Stegun 15.1.3) to 1e-13', () => {
    for (const z of [0.01, 0.5, 0.9, 0.999]) {
      expect(logHyp2f1(1, 1, 2, z)).toBeCloseTo(Math.log(-Math.log1p(-z) / z), 13);
    }
  });

  it('matches mpmath (30 digits) to 1e-11, including values that overflow a double without the Euler transformation', () => {
    // Reference: mpmath.log(mpmath.hyp2f1(a, b, c, z)) with mp.dps = 30.
    const cases: [number, number, number, number, number][] = [
      [0.243, 2.426, 2.219, 0.5, 0.18821830926204305],
      [2.243, 4.426, 4.219, 0.5009, 1.6455565198052933],
      [500.553, 501.606, 501.159, 0.3, 178.69398470376879],
      [1, 1.182, 1.886, 1 / 1.1, 1.3070204468587328],
      // ₂F₁ ≈ e^437.7 here: far past Number.MAX_VALUE (≈ e^709.8) it would be once x grows.
      [50.3, 60.2, 20.5, 0.99, 437.727690306774],
    ];
    for (const [a, b, c, z, expected] of cases) {
      expect(Math.abs(logHyp2f1(a, b, c, z) - expected)).toBeLessThan(
        1e-11 * Math.max(1, expected),
      );
    }
  });

  it('stays finite for a purchase count of 5,000 where ₂F₁ itself is about e^4600', () => {
    const value = logHyp2f1(5000.2, 5002.4, 5001.2, 0.6);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(709);
  });
});
