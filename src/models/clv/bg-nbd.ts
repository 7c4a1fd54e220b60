/**
 * The BG/NBD model of repeat purchasing, Fader, Hardie & Lee (2005),
 * "'Counting Your Customers' the Easy Way: An Alternative to the Pareto/NBD
 * Model", Marketing Science 24(2). Symbols as in the paper: purchase rates
 * λ ~ Gamma(r, α), drop-out probability after each purchase p ~ Beta(a, b);
 * a customer's history is (x, t_x, T). The fit maximises the likelihood with
 * BFGS and the analytic gradient, in one pass over the customers per step.
 */
import { minimizeBfgs } from '../math/bfgs.js';
import { logHyp2f1 } from '../math/hypergeometric.js';
import { maxOf, sumWeights, type PurchaseHistory } from './customer-summary.js';
import { penalize, toParameters, type FitOptions } from './log-parameters.js';

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };
export type BgNbdFit = { params: BgNbdParams; logLikelihood: number; customers: number };

/** Maximum-likelihood BG/NBD parameters for `history`. */
export function fitBgNbd(history: PurchaseHistory, options: FitOptions = {}): BgNbdFit {
  const penalizer = options.penalizer ?? 0;
  // Ages rescaled so the oldest customer is 1 (as lifetimes does): α then lives near 1 whatever
  // the unit, and the likelihood only shifts by the constant Σx·ln(scale).
  const scale = 1 / maxOf(history.T);
  const scaled = {
    ...history,
    recency: scaleArray(history.recency, scale),
    T: scaleArray(history.T, scale),
  };
  const total = sumWeights(history);
  const tables = new XTables(maxOf(history.frequency));
  const gradientTheta = new Float64Array(4);
  const result = minimizeBfgs(
    (u, gradient) => {
      const theta = toParameters(u);
      const params = { r: theta[0] ?? 0, alpha: theta[1] ?? 0, a: theta[2] ?? 0, b: theta[3] ?? 0 };
      const logLikelihood = accumulateBgNbd(params, scaled, tables, gradientTheta);
      for (let i = 0; i < 4; i++) gradient[i] = -(gradientTheta[i] ?? 0) / total;
      return penalize(-logLikelihood / total, theta, penalizer, gradient);
    },
    [0, 0, 0, 0],
  );
  const theta = toParameters(result.x);
  const params = {
    r: theta[0] ?? 0,
    alpha: (theta[1] ?? 0) / scale,
    a: theta[2] ?? 0,
    b: theta[3] ?? 0,
  };
  return { params, logLikelihood: bgNbdLogLikelihood(params, history), customers: total };
}

/** The log-likelihood of `history` at `params` (FHL 2005, eq. (6), summed in log space). */
export function bgNbdLogLikelihood(params: BgNbdParams, history: PurchaseHistory): number {
  return accumulateBgNbd(
    params,
    history,
    new XTables(maxOf(history.frequency)),
    new Float64Array(4),
  );
}

/**
 * Σ ln L over customers (FHL 2005, eq. (6); the log form of lifetimes' and
 * Hardie's note 004), writing ∂ΣlnL/∂(r, α, a, b) into `gradient`. Per
 * customer, with δ = [x > 0]:
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *          + ln( (α+T)^−(r+x) + δ·a/(b+x−1)·(α+t_x)^−(r+x) )
 * Terms that depend on x only come from {@link XTables}, so the loop costs
 * two logarithms and an exponential per repeat buyer.
 */
function accumulateBgNbd(
  params: BgNbdParams,
  history: PurchaseHistory,
  tables: XTables,
  gradient: Float64Array,
): number {
  const { r, alpha, a, b } = params;
  tables.fill(r, a, b);
  const { frequency, recency, T, weights } = history;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  let total = 0;
  let dR = 0;
  let dAlpha = 0;
  let dA = 0;
  let dB = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] ?? 0;
    const w = weights ? (weights[i] ?? 0) : 1;
    const rx = r + x;
    const ageTerm = alpha + (T[i] ?? 0);
    const logAge = Math.log(ageTerm);
    const a3 = -rx * logAge;
    let logSum = a3;
    let w3 = 1;
    let w4 = 0;
    let logRecency = 0;
    let recencyTerm = 1;
    if (x > 0) {
      recencyTerm = alpha + (recency[i] ?? 0);
      logRecency = Math.log(recencyTerm);
      const a4 = logA - Math.log(b + x - 1) - rx * logRecency;
      const high = a3 > a4 ? a3 : a4;
      const e3 = Math.exp(a3 - high);
      const e4 = Math.exp(a4 - high);
      logSum = high + Math.log(e3 + e4);
      w3 = e3 / (e3 + e4);
      w4 = 1 - w3;
    }
    total += w * (tables.logTerm[x] ?? 0) + w * (r * logAlpha + logSum);
    dR += w * ((tables.dR[x] ?? 0) + logAlpha - w3 * logAge - w4 * logRecency);
    dAlpha += w * (r / alpha - rx * (w3 / ageTerm + w4 / recencyTerm));
    dA += w * ((tables.dA[x] ?? 0) + w4 / a);
    dB += w * ((tables.dB[x] ?? 0) - (x > 0 ? w4 / (b + x - 1) : 0));
  }
  gradient[0] = dR;
  gradient[1] = dAlpha;
  gradient[2] = dA;
  gradient[3] = dB;
  return total;
}

/**
 * Per purchase count x = 0 … max: ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b)
 * and its derivatives, by the recurrences Γ(z+1) = zΓ(z) and ψ(z+1) = ψ(z) + 1/z,
 * which are exact and need no special function at all.
 */
class XTables {
  readonly logTerm: Float64Array;
  readonly dR: Float64Array;
  readonly dA: Float64Array;
  readonly dB: Float64Array;

  constructor(maxX: number) {
    const size = Math.floor(maxX) + 1;
    this.logTerm = new Float64Array(size);
    this.dR = new Float64Array(size);
    this.dA = new Float64Array(size);
    this.dB = new Float64Array(size);
  }

  fill(r: number, a: number, b: number): void {
    for (let x = 1; x < this.logTerm.length; x++) {
      const k = x - 1;
      // B(a, b+x)/B(a, b) = Π (b+k)/(a+b+k).
      this.logTerm[x] =
        (this.logTerm[k] ?? 0) + Math.log(r + k) + Math.log(b + k) - Math.log(a + b + k);
      this.dR[x] = (this.dR[k] ?? 0) + 1 / (r + k);
      this.dA[x] = (this.dA[k] ?? 0) - 1 / (a + b + k);
      this.dB[x] = (this.dB[k] ?? 0) + 1 / (b + k) - 1 / (a + b + k);
    }
  }
}

function scaleArray(values: Float64Array, scale: number): Float64Array {
  const scaled = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) scaled[i] = (values[i] ?? 0) * scale;
  return scaled;
}

/** Expected repeat purchases in (0, t] of a new customer (FHL 2005, eq. (9)). */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return 0;
  const logTerm = r * Math.log(alpha / (alpha + t)) + logHyp2f1(r, b, a + b - 1, t / (alpha + t));
  // (a+b−1)/(a−1) · (1 − e^logTerm), with expm1 so the difference keeps its digits.
  return ((a + b - 1) / (a - 1)) * -Math.expm1(logTerm);
}

/**
 * Probability that a customer with history (x, t_x, T) is still alive:
 * Fader, Hardie & Lee (2008), "Computing P(alive) using the BG/NBD model",
 * note 021: 1 / (1 + δ·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)).
 */
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** Expected repeat purchases in (T, T+t] given the history (FHL 2005, eq. (10)). */
export function bgNbdConditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = params;
  if (t <= 0) return 0;
  const logTerm =
    (r + x) * Math.log((alpha + T) / (alpha + T + t)) +
    logHyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const numerator = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logTerm);
  return numerator * bgNbdProbabilityAlive(params, x, tx, T);
}
