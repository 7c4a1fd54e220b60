/**
 * A Stripe price as MRR, the way DESIGN.md defines it: monthly-normalised and
 * net of recurring discounts. Per billing period a subscription bills
 * Amount × Quantity, less the coupon's amount off, less its percent off (never
 * below zero: a 100 % coupon makes it free, not negative); a period of
 * `intervalCount` intervals is then spread over the months it covers. A year
 * is 12 months, a week 12/52 of a month and a day 12/365 of one, so a weekly
 * price counts 52/12 times a month. Exact until the final rounding to 4 decimals.
 */
import {
  isNegative,
  multiply,
  ratio,
  ratioOf,
  subtract,
  toDecimalText,
  type Ratio,
} from '../exact-decimal.js';

export const STRIPE_INTERVALS = ['day', 'week', 'month', 'year'] as const;
export type StripeInterval = (typeof STRIPE_INTERVALS)[number];

/** Billing periods per month for a one-interval period. */
const PERIODS_PER_MONTH: Record<StripeInterval, Ratio> = {
  day: ratio(365, 12),
  week: ratio(52, 12),
  month: ratio(1),
  year: ratio(1, 12),
};

export type StripePrice = {
  /** Per unit and billing period, canonical decimal text in major units. */
  readonly amount: string;
  readonly quantity: number;
  readonly interval: StripeInterval;
  readonly intervalCount: number;
  /** Recurring coupon terms, canonical decimal text, or '' for none. */
  readonly percentOff: string;
  readonly amountOff: string;
};

export function computeMonthlyMrr(price: StripePrice): string {
  let perPeriod = multiply(ratioOf(price.amount), ratio(price.quantity));
  if (price.amountOff !== '') perPeriod = subtract(perPeriod, ratioOf(price.amountOff));
  if (price.percentOff !== '') {
    const kept = subtract(ratio(1), multiply(ratioOf(price.percentOff), ratio(1, 100)));
    perPeriod = multiply(perPeriod, kept);
  }
  if (isNegative(perPeriod)) perPeriod = ratio(0);
  const perMonth = multiply(PERIODS_PER_MONTH[price.interval], ratio(1, price.intervalCount));
  return toDecimalText(multiply(perPeriod, perMonth));
}
