/**
 * Monthly sales and marketing spend per acquisition channel, sized from the
 * new customers the plan expects that month times a per-channel acquisition
 * cost, so company-wide CAC comes out near $8,000 (a 10–24 month payback and
 * an LTV:CAC of 3–6 at the demo's prices and churn): word of mouth is cheap,
 * paid search, outbound and events are dear.
 * The current month runs only to asOf, because nothing may be dated later.
 */
import type { Random } from '../../domain/random.js';
import { addMonths, formatCents, formatDate, startOfDay, startOfMonth } from './demo-calendar.js';
import { computeChannelShares } from './demo-customer-profile.js';
import type { DemoEmitter } from './demo-emitter.js';
import { computeNewCustomersPerMonth, type DemoPlan } from './demo-plan.js';
import { CHANNELS, type Channel } from './demo-vocabulary.js';

/** Sales plus marketing cost per new customer, USD. */
const CAC_USD: Readonly<Record<Channel, number>> = {
  organic: 2800,
  paid_search: 10_000,
  outbound: 11_000,
  referral: 2300,
  partner: 6500,
  events: 13_000,
};
/** Share of a channel's cost booked as marketing; the rest is sales. */
const MARKETING_SHARE: Readonly<Record<Channel, number>> = {
  organic: 0.9,
  paid_search: 0.95,
  outbound: 0.15,
  referral: 0.7,
  partner: 0.5,
  events: 0.8,
};

export function emitMarketingSpend(random: Random, emitter: DemoEmitter, plan: DemoPlan): void {
  const shares = computeChannelShares();
  const lastEndMs = startOfDay(plan.asOfMs);
  for (
    let month = startOfMonth(plan.windowStartMs);
    month < lastEndMs;
    month = addMonths(month, 1)
  ) {
    const nextMonth = addMonths(month, 1);
    const endMs = Math.min(nextMonth, lastEndMs);
    const coverage = (endMs - month) / (nextMonth - month);
    const expectedNew = computeNewCustomersPerMonth(plan, (month + nextMonth) / 2) * coverage;
    for (const channel of CHANNELS) {
      for (const kind of ['marketing', 'sales'] as const) {
        const share =
          kind === 'marketing' ? MARKETING_SHARE[channel] : 1 - MARKETING_SHARE[channel];
        const amountUsd =
          expectedNew *
          shares[channel] *
          CAC_USD[channel] *
          share *
          Math.exp(random.normal(0, 0.12));
        const cents = Math.round(amountUsd * 100);
        if (cents <= 0) continue;
        emitter.add('marketing_spend', {
          id: emitter.nextId('msp'),
          period_start: formatDate(month),
          period_end: formatDate(endMs),
          channel,
          kind,
          amount: formatCents(cents),
          currency: 'USD',
        });
      }
    }
  }
}
