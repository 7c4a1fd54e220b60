/**
 * Model parameters are positive, so the optimisers search over their logs
 * (as lifetimes does); and the L2 penalizer follows lifetimes too: the
 * objective is the mean negative log-likelihood plus λ·Σθ², so one λ means
 * the same shrinkage whatever the number of customers.
 */

export type FitOptions = {
  /** L2 penalty λ on the parameters (0, the default, is plain maximum likelihood). */
  penalizer?: number;
};

/** The parameters θ = exp(u) of a point u of the search space. */
export function toParameters(u: ArrayLike<number>): Float64Array {
  return Float64Array.from(u, (value) => Math.exp(value));
}

/**
 * Adds λ·Σθ² to `objective` and, given ∂(objective)/∂θ in `gradient`, turns
 * it into the gradient with respect to u = ln θ (chain rule: ∂/∂u = θ·∂/∂θ).
 */
export function penalize(
  objective: number,
  theta: Float64Array,
  penalizer: number,
  gradient?: Float64Array,
): number {
  let penalty = 0;
  for (let i = 0; i < theta.length; i++) {
    const value = theta[i] ?? 0;
    penalty += value * value;
    if (gradient) gradient[i] = ((gradient[i] ?? 0) + 2 * penalizer * value) * value;
  }
  return objective + penalizer * penalty;
}
