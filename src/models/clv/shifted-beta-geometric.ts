/**
 * The shifted-beta-geometric (sBG) model of contractual retention, Fader &
 * Hardie (2007), "How to Project Customer Retention", Journal of
 * Interactive Marketing 21(1): each customer churns at the end of a period
 * with probability θ, θ ~ Beta(α, β) across customers, so the cohort's
 * retention rate rises with tenure as the likely churners leave. Values
 * come from Fader & Hardie (2010), "Customer-Base Valuation in a Contractual
 * Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1):
 * discounted expected (residual) lifetimes, in periods, which times the
 * revenue per period give subscription CLV without assuming constant churn.
 */
import { logHyp2f1 } from '../math/hypergeometric.js';
import { minimizeNelderMead } from '../math/nelder-mead.js';
import { logBeta } from '../math/special-functions.js';
import { penalize, toParameters, type FitOptions } from './log-parameters.js';

export type SbgParams = { alpha: number; beta: number };
export type SbgFit = { params: SbgParams; logLikelihood: number; customers: number };

/** One cohort: `survivors[0]` customers at the start, `survivors[t]` still customers after t periods. */
export type CohortSurvival = { cohort: string; survivors: readonly number[] };

/** Maximum-likelihood α, β over all cohorts (they share one θ distribution). */
export function fitShiftedBetaGeometric(
  cohorts: readonly CohortSurvival[],
  options: FitOptions = {},
): SbgFit {
  const penalizer = options.penalizer ?? 0;
  const customers = cohorts.reduce((sum, cohort) => sum + (cohort.survivors[0] ?? 0), 0);
  const objective = (u: Float64Array) => {
    const theta = toParameters(u);
    const params = { alpha: theta[0] ?? 0, beta: theta[1] ?? 0 };
    return penalize(-sbgLogLikelihood(params, cohorts) / customers, theta, penalizer);
  };
  let result = minimizeNelderMead(objective, [0, 0], { initialStep: 0.5 });
  result = minimizeNelderMead(objective, result.x, { initialStep: 0.05 });
  const theta = toParameters(result.x);
  const params = { alpha: theta[0] ?? 0, beta: theta[1] ?? 0 };
  return { params, logLikelihood: sbgLogLikelihood(params, cohorts), customers };
}

/**
 * Σ over cohorts of Σ_t (n_{t−1} − n_t)·ln P(T = t) + n_k·ln S(k): the churners
 * of each observed period, and the survivors of the last one as censored
 * (Fader & Hardie 2007, the likelihood of their appendix), with
 * P(T = t) = B(α+1, β+t−1)/B(α, β) and S(t) = B(α, β+t)/B(α, β).
 */
export function sbgLogLikelihood(params: SbgParams, cohorts: readonly CohortSurvival[]): number {
  const { alpha, beta } = params;
  let total = 0;
  for (const { survivors } of cohorts) {
    // S(t) = S(t−1)·(β+t−1)/(α+β+t−1) and P(T=t) = S(t−1)·α/(α+β+t−1), in logs.
    let logSurvival = 0;
    for (let t = 1; t < survivors.length; t++) {
      const churned = (survivors[t - 1] ?? 0) - (survivors[t] ?? 0);
      const logDenominator = Math.log(alpha + beta + t - 1);
      if (churned > 0) total += churned * (logSurvival + Math.log(alpha) - logDenominator);
      logSurvival += Math.log(beta + t - 1) - logDenominator;
    }
    total += (survivors.at(-1) ?? 0) * logSurvival;
  }
  return total;
}

/** S(t) = B(α, β+t)/B(α, β): the share of a new cohort still customers after t periods. */
export function sbgSurvival(params: SbgParams, t: number): number {
  return Math.exp(logBeta(params.alpha, params.beta + t) - logBeta(params.alpha, params.beta));
}

/** r_t = (β+t−1)/(α+β+t−1): the share of those alive in period t−1 who renew into period t. */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * DEL(d) = ₂F₁(1, β; α+β; 1/(1+d)) = Σ_{t≥0} S(t)/(1+d)^t: the discounted
 * expected lifetime of a customer just acquired, in periods, counting the
 * first period's payment (Fader & Hardie 2010). CLV = revenue per period × DEL.
 */
export function sbgDiscountedExpectedLifetime(params: SbgParams, discountRate: number): number {
  const { alpha, beta } = params;
  return Math.exp(logHyp2f1(1, beta, alpha + beta, 1 / (1 + discountRate)));
}

/**
 * DERL(d | α, β, n−1 renewals) = B(α, β+n)/B(α, β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)):
 * the discounted expected residual lifetime of a customer who has renewed
 * n−1 times, valued just before the nth renewal decision, whose payment is
 * counted undiscounted (Fader & Hardie 2010). Equal to
 * Σ_{t≥n} S(t)/S(n−1)/(1+d)^(t−n).
 */
export function sbgDiscountedExpectedResidualLifetime(
  params: SbgParams,
  discountRate: number,
  renewals: number,
): number {
  const { alpha, beta } = params;
  const n = renewals + 1;
  const logRatio = logBeta(alpha, beta + n) - logBeta(alpha, beta + n - 1);
  return Math.exp(logRatio + logHyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate)));
}
