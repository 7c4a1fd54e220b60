/**
 * The Pareto/NBD model, Schmittlein, Morrison & Colombo (1987), "Counting
 * Your Customers: Who Are They and What Will They Do Next?", Management
 * Science 33(1), in the form of Fader & Hardie (2005), "A Note on Deriving
 * the Pareto/NBD Model and Related Expressions" (note 009), whose equation
 * numbers are cited. Symbols as there: purchase rate λ ~ Gamma(r, α),
 * drop-out rate μ ~ Gamma(s, β). The likelihood needs ₂F₁, evaluated in log
 * space (math/hypergeometric.ts) so large x and T stay finite; the fit is
 * Nelder–Mead over ln θ on customers grouped by identical (x, t_x, T).
 */
import { logHyp2f1 } from '../math/hypergeometric.js';
import { minimizeNelderMead } from '../math/nelder-mead.js';
import { logAddExp, logGamma, logSubExp } from '../math/special-functions.js';
import { maxOf, sumWeights, type PurchaseHistory } from './customer-summary.js';
import { groupIdenticalHistories } from './group-histories.js';
import { penalize, toParameters, type FitOptions } from './log-parameters.js';

export type ParetoNbdParams = { r: number; alpha: number; s: number; beta: number };
export type ParetoNbdFit = { params: ParetoNbdParams; logLikelihood: number; customers: number };

/** Nelder–Mead restarts from its own answer: one collapse of the simplex is not a minimum. */
const RESTARTS = 3;

/** Maximum-likelihood Pareto/NBD parameters for `history`. */
export function fitParetoNbd(history: PurchaseHistory, options: FitOptions = {}): ParetoNbdFit {
  const penalizer = options.penalizer ?? 0;
  // Ages rescaled so the oldest is 1, as for BG/NBD: α and β start near their optimum.
  const scale = 1 / maxOf(history.T);
  const grouped = groupIdenticalHistories(history, scale);
  const total = sumWeights(history);
  const objective = (u: Float64Array) => {
    const theta = toParameters(u);
    const params = {
      r: theta[0] ?? 0,
      alpha: theta[1] ?? 0,
      s: theta[2] ?? 0,
      beta: theta[3] ?? 0,
    };
    return penalize(-paretoNbdLogLikelihood(params, grouped) / total, theta, penalizer);
  };
  let start: ArrayLike<number> = [0, 0, 0, 0];
  let best = minimizeNelderMead(objective, start, { initialStep: 0.5 });
  for (let restart = 1; restart < RESTARTS; restart++) {
    start = best.x;
    const next = minimizeNelderMead(objective, start, { initialStep: 0.05 });
    if (!(next.value < best.value - 1e-12)) break;
    best = next;
  }
  const theta = toParameters(best.x);
  const params = {
    r: theta[0] ?? 0,
    alpha: (theta[1] ?? 0) / scale,
    s: theta[2] ?? 0,
    beta: (theta[3] ?? 0) / scale,
  };
  return { params, logLikelihood: paretoNbdLogLikelihood(params, history), customers: total };
}

/**
 * Σ ln L over customers, note 009 eq. (18):
 *   L = Γ(r+x)α^r β^s / Γ(r) · [ 1/((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A₀ ]
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, history: PurchaseHistory): number {
  const { r, alpha, s, beta } = params;
  const { frequency, recency, T, weights } = history;
  const constant = r * Math.log(alpha) + s * Math.log(beta) - logGamma(r);
  const logS = Math.log(s);
  // ln Γ(r+x) by the recurrence Γ(z+1) = zΓ(z), once per x rather than once per customer.
  const logGammaRx = new Float64Array(maxOf(frequency) + 1);
  logGammaRx[0] = logGamma(r);
  for (let x = 1; x < logGammaRx.length; x++)
    logGammaRx[x] = (logGammaRx[x - 1] ?? 0) + Math.log(r + x - 1);
  let total = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] ?? 0;
    const age = T[i] ?? 0;
    const logA0 = logA0Of(params, x, recency[i] ?? 0, age);
    const alive = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    const logL =
      constant + (logGammaRx[x] ?? 0) + logAddExp(alive, logS - Math.log(r + s + x) + logA0);
    total += (weights ? (weights[i] ?? 0) : 1) * logL;
  }
  return total;
}

/**
 * ln A₀, note 009 eqs. (19) and (20): with the larger of α and β as the base,
 *   A₀ = F(t_x)/(max+t_x)^(r+s+x) − F(T)/(max+T)^(r+s+x),
 *   F(t) = ₂F₁(r+s+x, b′; r+s+x+1; |α−β|/(max+t)),
 * where b′ = s+1 when α ≥ β and r+x otherwise; the difference taken in log space.
 */
function logA0Of(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const isAlphaLarger = alpha >= beta;
  const base = isAlphaLarger ? alpha : beta;
  const secondParameter = isAlphaLarger ? s + 1 : r + x;
  const gap = Math.abs(alpha - beta);
  const rsx = r + s + x;
  return logSubExp(
    logA0Term(rsx, secondParameter, gap, base, tx),
    logA0Term(rsx, secondParameter, gap, base, T),
  );
}

// A top-level function rather than a closure: this runs twice per customer per evaluation.
function logA0Term(rsx: number, secondParameter: number, gap: number, base: number, t: number) {
  return logHyp2f1(rsx, secondParameter, rsx + 1, gap / (base + t)) - rsx * Math.log(base + t);
}

/** Probability that a customer with history (x, t_x, T) is alive at T (note 009, eq. (36)). */
export function paretoNbdProbabilityAlive(
  params: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, s, beta } = params;
  const logOdds =
    Math.log(s) -
    Math.log(r + s + x) +
    (r + x) * Math.log(alpha + T) +
    s * Math.log(beta + T) +
    logA0Of(params, x, tx, T);
  return 1 / (1 + Math.exp(logOdds));
}

/** Expected repeat purchases in (0, t] of a new customer (note 009, eq. (27)). */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * shrinkingFactor(s, t / beta);
}

/** Expected repeat purchases in (T, T+t] given the history (note 009, eq. (41)). */
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, s, beta } = params;
  return (
    paretoNbdProbabilityAlive(params, x, tx, T) *
    (((r + x) * (beta + T)) / (alpha + T)) *
    shrinkingFactor(s, t / (beta + T))
  );
}

// [1 − (1+u)^−(s−1)] / (s−1), which tends to ln(1+u) as s → 1: written with expm1 and log1p
// so s near 1 neither divides by zero nor loses its digits.
function shrinkingFactor(s: number, u: number): number {
  const exponent = s - 1;
  const logBase = Math.log1p(u);
  return Math.abs(exponent) < 1e-10 ? logBase : -Math.expm1(-exponent * logBase) / exponent;
}
