/**
 * The per-customer summary every repeat-purchase model reads, as columns of
 * typed arrays (lifetimes' convention and the literature's symbols):
 * `frequency` x = repeat purchases (purchase periods after the first),
 * `recency` t_x = age at the last purchase, `T` = age at the end of
 * calibration, `monetaryValue` = mean value of the repeat purchases (0 when
 * x = 0). Times are in one unit (days or weeks) throughout.
 */

/** The columns the purchase-count models need; `weights` counts identical customers (default 1 each). */
export type PurchaseHistory = {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly weights?: Float64Array | undefined;
};

export type CustomerSummary = PurchaseHistory & {
  readonly customerIds: readonly string[];
  readonly monetaryValue: Float64Array | undefined;
  /** Repeat purchases after calibration and the holdout length, when a holdout was asked for. */
  readonly holdout: { readonly frequency: Float64Array; readonly duration: number } | undefined;
};

export type TimeUnit = 'days' | 'weeks';

/** Total weight (the number of customers the rows stand for). */
export function sumWeights(history: PurchaseHistory): number {
  const { weights } = history;
  if (!weights) return history.frequency.length;
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] ?? 0;
  return total;
}

/** The largest of `values`, 0 for none; loops rather than spreads, for a million rows. */
export function maxOf(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] ?? 0) > max) max = values[i] ?? 0;
  return max;
}
