/**
 * The Gamma-Gamma model of spend per transaction, Fader, Hardie & Lee
 * (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
 * JMR 42(4), as written out in Fader & Hardie (2013), "The Gamma-Gamma
 * Model of Monetary Value" (note 025). Symbols as there: a transaction's
 * value z ~ Gamma(p, ν), ν ~ Gamma(q, γ) across customers, with γ written v
 * as in lifetimes. Fitted on customers with x > 0 repeat purchases, whose
 * mean repeat-purchase value is m_x (zbar in the CDNOW files).
 */
import { minimizeBfgs } from '../math/bfgs.js';
import { digamma, logGamma } from '../math/special-functions.js';
import { maxOf } from './customer-summary.js';
import { penalize, toParameters, type FitOptions } from './log-parameters.js';

export type GammaGammaParams = { p: number; q: number; v: number };
export type GammaGammaFit = { params: GammaGammaParams; logLikelihood: number; customers: number };

/** Spend data: repeat purchases x > 0 and their mean value m > 0, with optional weights. */
export type SpendHistory = {
  readonly frequency: Float64Array;
  readonly monetaryValue: Float64Array;
  readonly weights?: Float64Array | undefined;
};

/** Keeps the customers the model is defined for: x > 0 and m > 0. */
export function selectRepeatBuyers(
  frequency: Float64Array,
  monetaryValue: Float64Array,
): SpendHistory {
  let n = 0;
  for (let i = 0; i < frequency.length; i++)
    if ((frequency[i] ?? 0) > 0 && (monetaryValue[i] ?? 0) > 0) n++;
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < frequency.length; i++) {
    if ((frequency[i] ?? 0) > 0 && (monetaryValue[i] ?? 0) > 0) {
      x[k] = frequency[i] ?? 0;
      m[k] = monetaryValue[i] ?? 0;
      k++;
    }
  }
  return { frequency: x, monetaryValue: m };
}

/** Maximum-likelihood p, q, v. Throws on no repeat buyers: there is nothing to fit. */
export function fitGammaGamma(spend: SpendHistory, options: FitOptions = {}): GammaGammaFit {
  const penalizer = options.penalizer ?? 0;
  const prepared = prepareSpend(spend);
  if (prepared.total === 0) throw new Error('fitGammaGamma needs at least one customer with x > 0');
  const tables = new XTables(maxOf(spend.frequency));
  const gradientTheta = new Float64Array(3);
  // Spend is rescaled so the mean m is 1: v then starts near its optimum; p and q are scale-free.
  const result = minimizeBfgs(
    (u, gradient) => {
      const theta = toParameters(u);
      const params = { p: theta[0] ?? 0, q: theta[1] ?? 0, v: (theta[2] ?? 0) * prepared.meanM };
      const logLikelihood = accumulateGammaGamma(params, prepared, tables, gradientTheta);
      gradient[0] = -(gradientTheta[0] ?? 0) / prepared.total;
      gradient[1] = -(gradientTheta[1] ?? 0) / prepared.total;
      gradient[2] = (-(gradientTheta[2] ?? 0) * prepared.meanM) / prepared.total;
      return penalize(-logLikelihood / prepared.total, theta, penalizer, gradient);
    },
    [0, 0, 0],
  );
  const theta = toParameters(result.x);
  const params = { p: theta[0] ?? 0, q: theta[1] ?? 0, v: (theta[2] ?? 0) * prepared.meanM };
  return {
    params,
    logLikelihood: accumulateGammaGamma(params, prepared, tables, gradientTheta),
    customers: prepared.total,
  };
}

/** The log-likelihood of `spend` at `params`. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, spend: SpendHistory): number {
  const prepared = prepareSpend(spend);
  return accumulateGammaGamma(
    params,
    prepared,
    new XTables(maxOf(spend.frequency)),
    new Float64Array(3),
  );
}

type PreparedSpend = SpendHistory & {
  /** ln m and x·ln x, which do not depend on the parameters. */
  logM: Float64Array;
  xLogX: Float64Array;
  total: number;
  meanM: number;
};

function prepareSpend(spend: SpendHistory): PreparedSpend {
  const { frequency, monetaryValue, weights } = spend;
  const logM = new Float64Array(frequency.length);
  const xLogX = new Float64Array(frequency.length);
  let total = 0;
  let sumM = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] ?? 0;
    const w = weights ? (weights[i] ?? 0) : 1;
    logM[i] = Math.log(monetaryValue[i] ?? 0);
    xLogX[i] = x * Math.log(x);
    total += w;
    sumM += w * (monetaryValue[i] ?? 0);
  }
  return { ...spend, logM, xLogX, total, meanM: total > 0 ? sumM / total : 1 };
}

/**
 * Σ ln f(m_x | p, q, γ, x) over customers, note 025 eq. (1a) in log form (as
 * lifetimes writes it):
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(γ + x m_x)
 * and its gradient in (p, q, γ). The Γ and ψ terms depend on x only and come
 * from {@link XTables}; each customer costs one logarithm and one division.
 */
function accumulateGammaGamma(
  params: GammaGammaParams,
  spend: PreparedSpend,
  tables: XTables,
  gradient: Float64Array,
): number {
  const { p, q, v } = params;
  tables.fill(p, q);
  const { frequency, monetaryValue, weights, logM, xLogX } = spend;
  const logV = Math.log(v);
  const logGammaQ = logGamma(q);
  const digammaQ = digamma(q);
  let total = 0;
  let dP = 0;
  let dQ = 0;
  let dV = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] ?? 0;
    const w = weights ? (weights[i] ?? 0) : 1;
    const px = p * x;
    const denominator = v + x * (monetaryValue[i] ?? 0);
    const logDenominator = Math.log(denominator);
    const lm = logM[i] ?? 0;
    total +=
      w *
      ((tables.logRatio[x] ?? 0) -
        logGammaQ +
        q * logV +
        (px - 1) * lm +
        p * (xLogX[i] ?? 0) -
        (px + q) * logDenominator);
    dP +=
      w * (x * (tables.digammaDifference[x] ?? 0) + x * lm + (xLogX[i] ?? 0) - x * logDenominator);
    dQ += w * ((tables.digammaSum[x] ?? 0) - digammaQ + logV - logDenominator);
    dV += w * (q / v - (px + q) / denominator);
  }
  gradient[0] = dP;
  gradient[1] = dQ;
  gradient[2] = dV;
  return total;
}

/** Per x: ln Γ(px+q) − ln Γ(px), ψ(px+q) − ψ(px) and ψ(px+q); px is not an integer, so @stdlib evaluates them. */
class XTables {
  readonly logRatio: Float64Array;
  readonly digammaDifference: Float64Array;
  readonly digammaSum: Float64Array;

  constructor(maxX: number) {
    const size = Math.floor(maxX) + 1;
    this.logRatio = new Float64Array(size);
    this.digammaDifference = new Float64Array(size);
    this.digammaSum = new Float64Array(size);
  }

  fill(p: number, q: number): void {
    for (let x = 1; x < this.logRatio.length; x++) {
      const px = p * x;
      const psiSum = digamma(px + q);
      this.logRatio[x] = logGamma(px + q) - logGamma(px);
      this.digammaSum[x] = psiSum;
      this.digammaDifference[x] = psiSum - digamma(px);
    }
  }
}

/**
 * E[M | p, q, γ, m_x, x], the expected mean transaction value of a customer
 * with x repeat purchases of mean m_x (note 025, eq. (5)): a weighted average
 * of the population mean pγ/(q−1) and the customer's own m_x. With x = 0 it
 * is the population mean.
 */
export function gammaGammaConditionalExpectedValue(
  params: GammaGammaParams,
  x: number,
  mx: number,
): number {
  const { p, q, v } = params;
  const individualWeight = (p * x) / (p * x + q - 1);
  return (1 - individualWeight) * ((p * v) / (q - 1)) + individualWeight * mx;
}
