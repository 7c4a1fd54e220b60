/**
 * The shape of the demo company before any row exists: its time window, how
 * its customers split between the opening base and new business, and how new
 * business grows month by month. Pure arithmetic on the options, so the
 * marketing spend and the goals can be sized from the same expectations the
 * customers are drawn from.
 */
import { RetainError } from '../../domain/errors.js';
import type { Random } from '../../domain/random.js';
import { addMonths, DAY_MS, MONTH_MS, startOfMonth } from './demo-calendar.js';
import type { Segment } from './demo-vocabulary.js';

export type DemoOptions = {
  customers: number;
  seed: number;
  /** "Today": the company's history is the 24 months ending here. */
  asOf: Date;
};

export type DemoPlan = {
  readonly customers: number;
  readonly seed: number;
  readonly asOfMs: number;
  /** Start of the 24-month history: leads, activities, usage and spend begin here. */
  readonly windowStartMs: number;
  /** First day exchange rates are needed: before the earliest opening-base subscription. */
  readonly fxStartMs: number;
  /** Expected paying customers acquired inside the window. */
  readonly expectedNewCustomers: number;
  /** Expected trial sign-ups that never pay. */
  readonly expectedTrialOnly: number;
};

export const WINDOW_MONTHS = 24;
/** Customers already paying before the window, so churn has a denominator from month one. */
export const OPENING_SHARE = 0.35;
/** The opening base started between these many months before asOf. */
export const OPENING_AGE_MONTHS = [25, 48] as const;
/** New customers in the window's last month over its first: steady growth. */
const GROWTH_OVER_WINDOW = 2.2;

export const SEGMENT_WEIGHTS: readonly (readonly [Segment, number])[] = [
  ['smb', 0.72],
  ['mid_market', 0.24],
  ['enterprise', 0.04],
];
/** Share of new customers in a segment that start with a 14-day trial. */
export const TRIAL_SHARE: Readonly<Record<Segment, number>> = {
  smb: 0.4,
  mid_market: 0.2,
  enterprise: 0,
};
export const TRIAL_DAYS = 14;
/** Share of trials that end without ever paying. */
export const TRIAL_FAILURE = 0.22;

export function buildDemoPlan(options: DemoOptions): DemoPlan {
  const asOfMs = options.asOf.getTime();
  if (!Number.isFinite(asOfMs)) {
    throw new RetainError('INVALID_ARGUMENT', 'The demo as-of date is not a valid date.', {
      hint: 'Give a date such as 2026-11-23.',
    });
  }
  if (!Number.isInteger(options.customers) || options.customers < 1) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `--customers ${options.customers} is not a positive whole number.`,
      {
        hint: 'Use a number of customers such as 2000.',
      },
    );
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new RetainError('INVALID_ARGUMENT', `--seed ${options.seed} is not a whole number.`, {
      hint: 'Use an integer seed such as 1.',
    });
  }
  const windowCustomers = options.customers * (1 - OPENING_SHARE);
  const trialShare = SEGMENT_WEIGHTS.reduce(
    (sum, [segment, w]) => sum + w * TRIAL_SHARE[segment],
    0,
  );
  const earliestStart = addMonths(asOfMs, -OPENING_AGE_MONTHS[1]);
  return {
    customers: options.customers,
    seed: options.seed,
    asOfMs,
    windowStartMs: addMonths(asOfMs, -WINDOW_MONTHS),
    fxStartMs: startOfMonth(earliestStart - 31 * DAY_MS),
    expectedNewCustomers: windowCustomers * (1 - trialShare * TRIAL_FAILURE),
    expectedTrialOnly: windowCustomers * trialShare * TRIAL_FAILURE,
  };
}

/**
 * An acquisition instant inside the window, drawn from a density that grows
 * exponentially (inverse CDF of g·e^(g·f) / (e^g − 1) on the window fraction f).
 */
export function sampleWindowAcquisition(random: Random, plan: DemoPlan): number {
  const g = Math.log(GROWTH_OVER_WINDOW);
  const fraction = Math.log(1 + random.nextFloat() * (GROWTH_OVER_WINDOW - 1)) / g;
  return Math.floor(plan.windowStartMs + fraction * (plan.asOfMs - plan.windowStartMs));
}

/** Expected new paying customers per month at `ms`, from the same growth density. */
export function computeNewCustomersPerMonth(plan: DemoPlan, ms: number): number {
  const g = Math.log(GROWTH_OVER_WINDOW);
  const span = plan.asOfMs - plan.windowStartMs;
  const fraction = (ms - plan.windowStartMs) / span;
  const density = (g * Math.exp(g * fraction)) / (GROWTH_OVER_WINDOW - 1);
  return (plan.expectedNewCustomers * density * MONTH_MS) / span;
}

/** An opening-base start between 25 and 48 months before asOf. */
export function sampleOpeningAcquisition(random: Random, plan: DemoPlan): number {
  const [youngest, oldest] = OPENING_AGE_MONTHS;
  return Math.floor(plan.asOfMs - random.uniform(youngest, oldest) * MONTH_MS);
}
