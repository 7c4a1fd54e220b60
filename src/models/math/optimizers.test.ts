import { describe, expect, it } from 'vitest';
import { minimizeBfgs } from './bfgs.js';
import { minimizeNelderMead } from './nelder-mead.js';

// Rosenbrock (1960): a curved valley with its minimum 0 at (1, 1), the classic hard case.
const rosenbrock = (x: Float64Array) => {
  const [a = 0, b = 0] = x;
  return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
};

describe('minimisers', () => {
  it('Nelder–Mead finds the Rosenbrock minimum (1, 1) from (−1.2, 1) to 1e-6', () => {
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1], {
      xTolerance: 1e-10,
      fTolerance: 1e-14,
    });
    expect(result.isConverged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('BFGS finds the Rosenbrock minimum from (−1.2, 1) with its analytic gradient to 1e-6', () => {
    const result = minimizeBfgs(
      (x, gradient) => {
        const [a = 0, b = 0] = x;
        gradient[0] = -400 * a * (b - a * a) - 2 * (1 - a);
        gradient[1] = 200 * (b - a * a);
        return rosenbrock(x);
      },
      [-1.2, 1],
      { gradientTolerance: 1e-10 },
    );
    expect(result.isConverged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('Nelder–Mead treats a non-finite value as +∞ and walks away from it', () => {
    // ln is undefined for x ≤ 0; the minimum of x − ln x is at x = 1.
    const result = minimizeNelderMead((x) => (x[0] ?? 0) - Math.log(x[0] ?? 0), [0.05], {
      initialStep: 0.5,
    });
    expect(result.x[0]).toBeCloseTo(1, 5);
  });
});
