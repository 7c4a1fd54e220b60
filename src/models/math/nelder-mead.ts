/**
 * Derivative-free minimisation by the Nelder–Mead simplex method, with the
 * standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½)
 * and the tie-breaking rules of Lagarias, Reeds, Wright & Wright (1998),
 * "Convergence properties of the Nelder–Mead simplex method in low
 * dimensions", SIAM J. Optim. 9(1), §2. For the small likelihoods without a
 * cheap gradient (Pareto/NBD, sBG). A non-finite value counts as +∞, so the
 * simplex backs away from parameters where the likelihood breaks down.
 */
import type { MinimizeResult } from './optimizer-result.js';

export type NelderMeadOptions = {
  /** Stop when every vertex is within this of the best in each coordinate… */
  xTolerance?: number;
  /** …and every value within this of the best value (scipy's xatol/fatol test). */
  fTolerance?: number;
  maxIterations?: number;
  /** Edge length of the starting simplex around x0. */
  initialStep?: number;
};

const DEFAULTS: Required<NelderMeadOptions> = {
  xTolerance: 1e-8,
  fTolerance: 1e-10,
  maxIterations: 5000,
  initialStep: 0.1,
};

export function minimizeNelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimizeResult {
  const { xTolerance, fTolerance, maxIterations, initialStep } = { ...DEFAULTS, ...options };
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations += 1;
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  const simplex: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const vertex = Float64Array.from(x0);
    vertex[i] = (vertex[i] ?? 0) + initialStep;
    simplex.push(vertex);
  }
  const values = simplex.map(evaluate);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const pointAlong = (coefficient: number, worst: Float64Array): Float64Array => {
    // centroid + coefficient · (centroid − worst)
    const point = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const c = centroid[j] ?? 0;
      point[j] = c + coefficient * (c - (worst[j] ?? 0));
    }
    return point;
  };

  let iterations = 0;
  let isConverged = false;
  while (iterations < maxIterations) {
    order.sort((i, j) => (values[i] ?? 0) - (values[j] ?? 0));
    const best = order[0] ?? 0;
    const worstIndex = order[n] ?? 0;
    if (hasConverged(simplex, values, best, xTolerance, fTolerance)) {
      isConverged = true;
      break;
    }
    iterations += 1;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const vertex = simplex[order[k] ?? 0] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (vertex[j] ?? 0) / n;
    }
    const worst = simplex[worstIndex] as Float64Array;
    const fBest = values[best] ?? 0;
    const fWorst = values[worstIndex] ?? 0;
    const fSecondWorst = values[order[n - 1] ?? 0] ?? 0;
    const reflected = pointAlong(1, worst);
    const fReflected = evaluate(reflected);
    let replacement: Float64Array | undefined;
    let fReplacement = 0;
    if (fReflected < fBest) {
      const expanded = pointAlong(2, worst);
      const fExpanded = evaluate(expanded);
      [replacement, fReplacement] =
        fExpanded < fReflected ? [expanded, fExpanded] : [reflected, fReflected];
    } else if (fReflected < fSecondWorst) {
      [replacement, fReplacement] = [reflected, fReflected];
    } else if (fReflected < fWorst) {
      const outside = pointAlong(0.5, worst);
      const fOutside = evaluate(outside);
      if (fOutside <= fReflected) [replacement, fReplacement] = [outside, fOutside];
    } else {
      const inside = pointAlong(-0.5, worst);
      const fInside = evaluate(inside);
      if (fInside < fWorst) [replacement, fReplacement] = [inside, fInside];
    }
    if (replacement) {
      simplex[worstIndex] = replacement;
      values[worstIndex] = fReplacement;
      continue;
    }
    // Shrink every vertex halfway towards the best one.
    const bestVertex = simplex[best] as Float64Array;
    for (let k = 1; k <= n; k++) {
      const index = order[k] ?? 0;
      const vertex = simplex[index] as Float64Array;
      for (let j = 0; j < n; j++) {
        vertex[j] = (bestVertex[j] ?? 0) + 0.5 * ((vertex[j] ?? 0) - (bestVertex[j] ?? 0));
      }
      values[index] = evaluate(vertex);
    }
  }
  order.sort((i, j) => (values[i] ?? 0) - (values[j] ?? 0));
  const best = order[0] ?? 0;
  return {
    x: Float64Array.from(simplex[best] as Float64Array),
    value: values[best] ?? Infinity,
    iterations,
    evaluations,
    isConverged,
  };
}

function hasConverged(
  simplex: readonly Float64Array[],
  values: readonly number[],
  best: number,
  xTolerance: number,
  fTolerance: number,
): boolean {
  const bestVertex = simplex[best] as Float64Array;
  const fBest = values[best] ?? 0;
  for (let k = 0; k < simplex.length; k++) {
    if (k === best) continue;
    if (!(Math.abs((values[k] ?? 0) - fBest) <= fTolerance)) return false;
    const vertex = simplex[k] as Float64Array;
    for (let j = 0; j < vertex.length; j++) {
      if (Math.abs((vertex[j] ?? 0) - (bestVertex[j] ?? 0)) > xTolerance) return false;
    }
  }
  return true;
}
