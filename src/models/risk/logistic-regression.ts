/**
 * L2-penalised logistic regression, fitted by maximum likelihood with the
 * project's BFGS (the same optimiser the CLV models use) on standardised
 * features. We fit it here rather than take ml-logistic-regression, the one
 * maintained package for it on npm: that one runs fixed-step gradient ascent
 * with no intercept and no penalty, which does not converge reliably on a few
 * dozen correlated features. Loss: mean log-loss + λ/2 · |w|² (intercept
 * unpenalised), whose gradient is Xᵀ(p − y)/n + λw.
 */
import { minimizeBfgs } from '../math/bfgs.js';

export type LogisticModel = {
  /** Intercept first, then one weight per column. */
  readonly weights: Float64Array;
  readonly isConverged: boolean;
};

export const DEFAULT_PENALTY = 0.01;

/** `rows`: n rows of p features, row-major; `labels`: 0 or 1. */
export function fitLogisticRegression(
  rows: Float64Array,
  labels: Uint8Array,
  columns: number,
  penalty = DEFAULT_PENALTY,
): LogisticModel {
  const n = labels.length;
  const f = (w: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let z = w[0] ?? 0;
      const offset = i * columns;
      for (let j = 0; j < columns; j++) z += (w[j + 1] ?? 0) * (rows[offset + j] ?? 0);
      const y = labels[i] ?? 0;
      // log(1 + e^z) − y·z, written to stay finite for large |z|.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y * z;
      const residual = 1 / (1 + Math.exp(-z)) - y;
      gradient[0] = (gradient[0] ?? 0) + residual;
      for (let j = 0; j < columns; j++)
        gradient[j + 1] = (gradient[j + 1] ?? 0) + residual * (rows[offset + j] ?? 0);
    }
    let penaltyTerm = 0;
    for (let j = 0; j <= columns; j++) {
      gradient[j] = (gradient[j] ?? 0) / n;
      if (j > 0) {
        const wj = w[j] ?? 0;
        penaltyTerm += wj * wj;
        gradient[j] = (gradient[j] ?? 0) + penalty * wj;
      }
    }
    return loss / n + (penalty / 2) * penaltyTerm;
  };
  const result = minimizeBfgs(f, new Float64Array(columns + 1), {
    gradientTolerance: 1e-6,
    maxIterations: 300,
  });
  return { weights: result.x, isConverged: result.isConverged };
}

/** P(y = 1) for each row. */
export function predictLogistic(
  model: LogisticModel,
  rows: Float64Array,
  columns: number,
): Float64Array {
  const n = rows.length / columns;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = model.weights[0] ?? 0;
    for (let j = 0; j < columns; j++)
      z += (model.weights[j + 1] ?? 0) * (rows[i * columns + j] ?? 0);
    out[i] = 1 / (1 + Math.exp(-z));
  }
  return out;
}
