/**
 * Per-customer predictions from a fitted purchase model and, when spend is
 * known, a Gamma-Gamma spend model: expected purchases in the next t
 * periods, P(alive), expected average transaction value, and CLV as the
 * discounted sum of expected spend per step over a horizon, as lifetimes'
 * `customer_lifetime_value` computes it:
 *   CLV = Σ_{k=1..K} E[M] · (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1 + d)^k
 * with Δ the step (e.g. a month in model units), K = horizon/Δ and d the
 * discount rate per step.
 */
import type { CustomerSummary } from './customer-summary.js';
import { gammaGammaConditionalExpectedValue, type GammaGammaParams } from './gamma-gamma.js';
import {
  conditionalExpectedPurchases,
  probabilityAlive,
  type TransactionModel,
} from './transaction-model.js';

export type PredictionOptions = {
  /** Periods ahead for expected purchases, in the summary's unit. */
  purchaseHorizon: number;
  /** CLV horizon and step, in the summary's unit (e.g. 52 and 52/12 weeks). */
  clvHorizon: number;
  clvStep: number;
  /** Discount rate per step (0.01 a month ≈ 12.7 % a year). */
  discountRate: number;
};

export type CustomerPrediction = {
  customer_id: string;
  frequency: number;
  recency: number;
  T: number;
  probability_alive: number;
  expected_purchases: number;
  /** Null without a spend model. */
  expected_average_value: number | null;
  clv: number | null;
};

export function predictCustomers(
  summary: CustomerSummary,
  model: TransactionModel,
  spend: GammaGammaParams | undefined,
  options: PredictionOptions,
): CustomerPrediction[] {
  const steps = Math.max(1, Math.round(options.clvHorizon / options.clvStep));
  return summary.customerIds.map((customer_id, i) => {
    const x = summary.frequency[i] ?? 0;
    const tx = summary.recency[i] ?? 0;
    const T = summary.T[i] ?? 0;
    const value =
      spend === undefined
        ? null
        : gammaGammaConditionalExpectedValue(spend, x, summary.monetaryValue?.[i] ?? 0);
    return {
      customer_id,
      frequency: x,
      recency: tx,
      T,
      probability_alive: probabilityAlive(model, x, tx, T),
      expected_purchases: conditionalExpectedPurchases(model, options.purchaseHorizon, x, tx, T),
      expected_average_value: value,
      clv: value === null ? null : value * discountedPurchases(model, x, tx, T, steps, options),
    };
  });
}

/** Σ_k (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1+d)^k: expected purchases per step, discounted. */
function discountedPurchases(
  model: TransactionModel,
  x: number,
  tx: number,
  T: number,
  steps: number,
  options: PredictionOptions,
): number {
  let total = 0;
  let previous = 0;
  for (let k = 1; k <= steps; k++) {
    const cumulative = conditionalExpectedPurchases(model, k * options.clvStep, x, tx, T);
    total += (cumulative - previous) / (1 + options.discountRate) ** k;
    previous = cumulative;
  }
  return total;
}
