/**
 * Stripe Dashboard subscriptions export → subscriptions. MRR comes from
 * Amount × Quantity per Interval, net of a recurring coupon (see
 * monthly-mrr.ts). A subscription ends at `Ended At`, not at `Canceled At`
 * (which is when a cancellation was asked for, possibly at period end), as
 * DESIGN.md's churn convention requires; the status and the cancellation
 * reason decide whether the end was voluntary or delinquent.
 */
import { parseField } from '../../../domain/entities/fields.js';
import { defineExportMapping } from '../export-mapping.js';
import type { ExportRow } from '../export-row.js';
import { parseExportAmount, toMatchKey } from '../export-values.js';
import { computeMonthlyMrr, STRIPE_INTERVALS, type StripeInterval } from './monthly-mrr.js';

const STATUSES = [
  'active',
  'trialing',
  'past_due',
  'unpaid',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'paused',
] as const;
type StripeStatus = (typeof STATUSES)[number];

/** Not billing: never paid its first invoice, or paused. Such a subscription has no MRR. */
const NOT_BILLING: ReadonlySet<StripeStatus> = new Set([
  'incomplete',
  'incomplete_expired',
  'paused',
]);
/** Ended by failed payment: Stripe's dunning ends these, or cancels with reason payment_failed. */
const DELINQUENT_STATUSES: ReadonlySet<StripeStatus> = new Set(['past_due', 'unpaid']);
const DELINQUENT_REASONS = new Set(['paymentfailed', 'paymentdisputed']);
/** Stripe's coupon duration `once` discounts one invoice: not a recurring discount. */
const ONE_OFF_DURATION = 'once';

const columns = {
  id: { label: 'id', aliases: ['id', 'subscription_id'], isRequired: true },
  customer: { label: 'Customer ID', aliases: ['customer_id', 'customer'], isRequired: true },
  plan: {
    label: 'Plan',
    aliases: ['plan', 'plan_name', 'plan_nickname', 'price_nickname', 'product', 'plan_id'],
  },
  status: { label: 'Status', aliases: ['status'], isRequired: true, isKept: true },
  amount: { label: 'Amount', aliases: ['amount', 'plan_amount'], isRequired: true, isKept: true },
  interval: {
    label: 'Interval',
    aliases: ['interval', 'plan_interval'],
    isRequired: true,
    isKept: true,
  },
  intervalCount: {
    label: 'Interval Count',
    aliases: ['interval_count', 'plan_interval_count'],
    isKept: true,
  },
  quantity: { label: 'Quantity', aliases: ['quantity'] },
  currency: { label: 'Currency', aliases: ['currency', 'plan_currency'] },
  start: {
    label: 'Start (UTC)',
    aliases: ['start_utc', 'start_date_utc', 'start', 'start_date', 'created_utc', 'created'],
    isRequired: true,
  },
  trialEnd: { label: 'Trial End (UTC)', aliases: ['trial_end_utc', 'trial_end'] },
  endedAt: { label: 'Ended At (UTC)', aliases: ['ended_at_utc', 'ended_at'] },
  canceledAt: {
    label: 'Canceled At (UTC)',
    aliases: ['canceled_at_utc', 'canceled_at', 'cancelled_at_utc', 'cancelled_at'],
    isKept: true,
  },
  cancellationReason: { label: 'Cancellation Reason', aliases: ['cancellation_reason'] },
  percentOff: {
    label: 'Coupon Percent Off',
    aliases: ['coupon_percent_off', 'discount_percent_off', 'percent_off'],
    isKept: true,
  },
  amountOff: {
    label: 'Coupon Amount Off',
    aliases: ['coupon_amount_off', 'discount_amount_off', 'amount_off'],
    isKept: true,
  },
  couponDuration: {
    label: 'Coupon Duration',
    aliases: ['coupon_duration', 'discount_duration'],
    isKept: true,
  },
} as const;

type Key = keyof typeof columns;

export const stripeSubscriptionsExport = defineExportMapping({
  vendor: 'Stripe',
  exportName: 'subscriptions export',
  howToExport: 'the Stripe Dashboard (Billing → Subscriptions → Export)',
  columns,
  map(row) {
    const status = parseStatus(row);
    const startedAt = row.field('start', 'started_at');
    const trialEndsAt = row.field('trialEnd', 'trial_ends_at');
    if (status === 'trialing' && trialEndsAt === '') {
      row.fail(
        'trialEnd',
        'is empty for a trialing subscription',
        'export the Trial End (UTC) column: a subscription in trial pays nothing until it ends',
      );
    }
    const endedAt = parseEndedAt(row, status);
    const seats = row.field('quantity', 'seats');
    const billing = parseBilling(row, seats);
    return {
      id: row.field('id', 'id'),
      customer_id: row.field('customer', 'customer_id'),
      plan: row.text('plan'),
      started_at: startedAt,
      ended_at: endedAt,
      mrr: status !== undefined && NOT_BILLING.has(status) ? '0' : billing.mrr,
      currency: row.field('currency', 'currency'),
      seats,
      billing_interval: billing.billingInterval,
      trial_ends_at: trialEndsAt,
      end_reason: endedAt === '' || status === undefined ? '' : toEndReason(row, status),
      cancel_reason: row.text('cancellationReason'),
    };
  },
});

function parseStatus(row: ExportRow<Key>): StripeStatus | undefined {
  const text = toMatchKey(row.text('status')).replace('cancelled', 'canceled');
  const status = STATUSES.find((candidate) => toMatchKey(candidate) === text);
  if (status === undefined) {
    row.fail('status', 'is not a Stripe subscription status', `use one of: ${STATUSES.join(', ')}`);
  }
  return status;
}

/** An immediate cancellation may leave only `Canceled At`: it ended then. */
function parseEndedAt(row: ExportRow<Key>, status: StripeStatus | undefined): string {
  const endedAt = row.field('endedAt', 'ended_at');
  if (endedAt !== '' || (status !== 'canceled' && status !== 'incomplete_expired')) return endedAt;
  const canceledAt = row.field('canceledAt', 'ended_at');
  if (canceledAt === '') {
    row.fail(
      'endedAt',
      `is empty for a ${status} subscription`,
      'export the Ended At (UTC) column (or Canceled At (UTC)), so Retain knows when it ended',
    );
  }
  return canceledAt;
}

/**
 * MRR from the price columns, and the canonical billing interval, which knows
 * only month and year (other periods leave it empty; the Interval attribute keeps them).
 */
function parseBilling(
  row: ExportRow<Key>,
  seats: string,
): { mrr: string; billingInterval: string } {
  const amount = row.parse(
    'amount',
    parseExportAmount({ kind: 'decimal', required: true, min: 0 }),
  );
  const interval = parseInterval(row);
  const countText = row.parse('intervalCount', (text) =>
    parseField({ kind: 'integer', min: 1 }, text),
  );
  const intervalCount = countText === '' ? 1 : Number(countText);
  const isRecurring = toMatchKey(row.text('couponDuration')) !== ONE_OFF_DURATION;
  const percentOff = row.parse('percentOff', (text) =>
    parseField({ kind: 'decimal', min: 0, max: 100 }, text.replace(/\s*%$/, '')),
  );
  const amountOff = row.parse('amountOff', parseExportAmount({ kind: 'decimal', min: 0 }));
  if (amount === '' || interval === undefined || row.problems.length > 0)
    return { mrr: '', billingInterval: '' };
  const mrr = computeMonthlyMrr({
    amount,
    quantity: seats === '' ? 1 : Number(seats),
    interval,
    intervalCount,
    percentOff: isRecurring ? percentOff : '',
    amountOff: isRecurring ? amountOff : '',
  });
  const isMonthOrYear = (interval === 'month' || interval === 'year') && intervalCount === 1;
  return { mrr, billingInterval: isMonthOrYear ? interval : '' };
}

function parseInterval(row: ExportRow<Key>): StripeInterval | undefined {
  const text = row.text('interval').toLowerCase();
  const interval = STRIPE_INTERVALS.find((candidate) => candidate === text);
  if (interval === undefined) {
    row.fail(
      'interval',
      'is not a Stripe billing interval',
      `use one of: ${STRIPE_INTERVALS.join(', ')}`,
    );
  }
  return interval;
}

function toEndReason(row: ExportRow<Key>, status: StripeStatus): 'voluntary' | 'delinquent' {
  return DELINQUENT_STATUSES.has(status) ||
    DELINQUENT_REASONS.has(toMatchKey(row.text('cancellationReason')))
    ? 'delinquent'
    : 'voluntary';
}
