/**
 * The demo company's business vocabulary: segments, regions, channels, plans
 * and their list prices. Channel names are shared by customers'
 * `acquisition_channel`, leads' `source` and `marketing_spend.channel`, which
 * is what lets CAC be computed per channel.
 */

export type Segment = 'smb' | 'mid_market' | 'enterprise';
export type Region = 'north_america' | 'emea' | 'apac' | 'latam';
export type Channel = 'organic' | 'paid_search' | 'outbound' | 'referral' | 'partner' | 'events';
export type ContractType = 'monthly' | 'annual' | 'two_year';
export type PaymentKind = 'card' | 'invoice' | 'direct_debit';
export type Currency = 'USD' | 'EUR' | 'GBP';
export type PlanKey = 'starter' | 'growth' | 'business' | 'enterprise';
export type CancelReason =
  | 'too_expensive'
  | 'missing_features'
  | 'switched_competitor'
  | 'no_longer_needed'
  | 'budget_cut'
  | 'poor_support';

export const CHANNELS: readonly Channel[] = [
  'organic',
  'paid_search',
  'outbound',
  'referral',
  'partner',
  'events',
];

/** Upgrades move right, downgrades left. */
export const PLAN_LADDER: readonly PlanKey[] = ['starter', 'growth', 'business', 'enterprise'];

/** List price per seat and month in the subscription's currency, in cents. */
export const SEAT_PRICE_CENTS: Readonly<Record<PlanKey, number>> = {
  starter: 2900,
  growth: 5900,
  business: 9900,
  enterprise: 14900,
};

/** Discount for paying a year up front. */
export const ANNUAL_BILLING_DISCOUNT = 0.15;

export const ADD_ON_PLAN = 'analytics_addon';
export const ADD_ON_SEAT_PRICE_CENTS = 700;

/** Monthly hazard of a voluntary cancellation for an average customer of the segment. */
export const BASE_CHURN_HAZARD: Readonly<Record<Segment, number>> = {
  smb: 0.018,
  mid_market: 0.011,
  enterprise: 0.006,
};

export const CANCEL_REASON_WEIGHTS: readonly (readonly [CancelReason, number])[] = [
  ['too_expensive', 28],
  ['missing_features', 17],
  ['switched_competitor', 15],
  ['no_longer_needed', 15],
  ['budget_cut', 17],
  ['poor_support', 8],
];

/** Net monthly price in cents after a fractional discount, rounded to the cent. */
export function computeMrrCents(seatPriceCents: number, seats: number, discount: number): number {
  return Math.round(seatPriceCents * seats * (1 - discount));
}

/** The logistic function, for probabilities driven by the latent risk. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
