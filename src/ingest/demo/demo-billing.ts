/**
 * Writes a simulated billing life as rows: subscriptions, their changes, one
 * invoice per billing period, and the payment methods on file. Invoices fail
 * during a dunning run and now and then on their own; a failed invoice never
 * ends anything by itself (DESIGN.md), the subscription's `ended_at` does.
 */
import type { Random } from '../../domain/random.js';
import {
  DAY_MS,
  formatCents,
  formatTimestamp,
  HOUR_MS,
  addMonths,
  MINUTE_MS,
} from './demo-calendar.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import type { DemoEmitter } from './demo-emitter.js';
import type { DemoPlan } from './demo-plan.js';
import {
  computeMrrCentsAt,
  type CustomerLife,
  type SimSubscription,
} from './demo-subscription-life.js';

const TRANSIENT_FAILURE: Readonly<Record<CustomerProfile['paymentKind'], number>> = {
  card: 0.012,
  direct_debit: 0.006,
  invoice: 0,
};
const REFUND_SHARE = 0.004;

export function emitBilling(
  random: Random,
  emitter: DemoEmitter,
  profile: CustomerProfile,
  life: CustomerLife,
  plan: DemoPlan,
): void {
  for (const stretch of life.stretches) {
    for (const sub of stretch.addOn ? [stretch.main, stretch.addOn] : [stretch.main]) {
      emitSubscription(emitter, profile, sub);
      emitInvoices(random, emitter, profile, sub, plan);
    }
  }
  emitPaymentMethods(emitter, profile, life);
}

function emitSubscription(
  emitter: DemoEmitter,
  profile: CustomerProfile,
  sub: SimSubscription,
): void {
  emitter.add('subscriptions', {
    id: sub.id,
    customer_id: profile.id,
    plan: sub.plan,
    started_at: formatTimestamp(sub.startMs),
    ended_at: sub.endMs === null ? null : formatTimestamp(sub.endMs),
    mrr: formatCents(sub.mrrCents),
    currency: profile.currency,
    seats: String(sub.seats),
    billing_interval: sub.intervalMonths === 12 ? 'year' : 'month',
    trial_ends_at: sub.trialEndMs === null ? null : formatTimestamp(sub.trialEndMs),
    end_reason: sub.endReason,
    cancel_reason: sub.cancelReason,
  });
  for (const change of sub.changes) {
    emitter.add('subscription_changes', {
      id: emitter.nextId('chg'),
      subscription_id: sub.id,
      effective_at: formatTimestamp(change.atMs),
      mrr: formatCents(change.mrrCents),
      seats: String(change.seats),
      plan: change.plan,
    });
  }
}

function emitInvoices(
  random: Random,
  emitter: DemoEmitter,
  profile: CustomerProfile,
  sub: SimSubscription,
  plan: DemoPlan,
): void {
  const untilMs = Math.min(sub.endMs ?? plan.asOfMs, plan.asOfMs);
  for (let period = 0; ; period++) {
    const issuedMs = addMonths(sub.payStartMs, period * sub.intervalMonths);
    if (issuedMs >= untilMs) break;
    const isDunning = sub.dunningFromMs !== null && issuedMs >= sub.dunningFromMs;
    let status: 'paid' | 'failed' | 'refunded' | 'open' = 'paid';
    let failureCode: string | null = isDunning ? sub.failureCode : null;
    if (isDunning) {
      status = 'failed';
    } else if (random.bernoulli(TRANSIENT_FAILURE[profile.paymentKind])) {
      status = 'failed';
      failureCode =
        profile.paymentKind === 'card' ? random.pick(CARD_FAILURES) : 'insufficient_funds';
    } else if (random.bernoulli(REFUND_SHARE)) {
      status = 'refunded';
    }
    let paidMs: number | null = null;
    if (status === 'paid' || status === 'refunded') {
      paidMs = Math.floor(issuedMs + drawPaymentDelayMs(random, profile));
      // Not collected yet at asOf: the invoice is still open.
      if (paidMs >= plan.asOfMs) {
        status = 'open';
        paidMs = null;
      }
    }
    emitter.add('invoices', {
      id: emitter.nextId('inv'),
      customer_id: profile.id,
      subscription_id: sub.id,
      issued_at: formatTimestamp(issuedMs),
      amount: formatCents(computeMrrCentsAt(sub, issuedMs) * sub.intervalMonths),
      currency: profile.currency,
      status,
      paid_at: paidMs === null ? null : formatTimestamp(paidMs),
      failure_code: failureCode,
    });
  }
}

const CARD_FAILURES = [
  'insufficient_funds',
  'card_declined',
  'insufficient_funds',
  'processing_error',
];

// Cards settle within hours, direct debits in days, invoices on net-30 terms (and some pay late).
function drawPaymentDelayMs(random: Random, profile: CustomerProfile): number {
  switch (profile.paymentKind) {
    case 'card':
      return random.uniform(5 * MINUTE_MS, 3 * HOUR_MS);
    case 'direct_debit':
      return random.uniform(2, 4) * DAY_MS;
    case 'invoice':
      return random.uniform(5, 40) * DAY_MS;
  }
}

function emitPaymentMethods(
  emitter: DemoEmitter,
  profile: CustomerProfile,
  life: CustomerLife,
): void {
  if (profile.paymentKind !== 'card') {
    emitter.add('payment_methods', {
      id: emitter.nextId('pm'),
      customer_id: profile.id,
      kind: profile.paymentKind === 'direct_debit' ? 'sepa_debit' : 'invoice',
      is_default: 'true',
    });
    return;
  }
  // The newest card is the default, even when expired: that is what the expiry alert looks for.
  life.cards.forEach((card, i) => {
    emitter.add('payment_methods', {
      id: emitter.nextId('pm'),
      customer_id: profile.id,
      kind: 'card',
      exp_month: String(card.expMonth),
      exp_year: String(card.expYear),
      is_default: i === life.cards.length - 1 ? 'true' : 'false',
    });
  });
}
