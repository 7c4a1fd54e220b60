/**
 * Monthly sales and marketing spend per acquisition channel, sized from the
 * new customers the plan expects that month, their segment mix in each
 * channel, and what a customer costs to win: a segment's base cost (an
 * enterprise deal takes months of an account team, a small business signs up
 * after an ad) times the channel's factor (word of mouth is cheap; paid
 * search, outbound and events are dear). Company-wide CAC comes out near
 * $7,000: a 10–24 month payback and an LTV:CAC of 3–6 at the demo's prices
 * and churn, better through referrals and organic search than paid search.
 * The current month runs only to asOf, because nothing may be dated later.
 */
import type { Random } from '../../domain/random.js';
import { addMonths, formatCents, formatDate, startOfDay, startOfMonth } from './demo-calendar.js';
import { computeChannelShares } from './demo-customer-profile.js';
import type { DemoEmitter } from './demo-emitter.js';
import { computeNewCustomersPerMonth, type DemoPlan } from './demo-plan.js';
import { CHANNELS, type Channel, type Segment } from './demo-vocabulary.js';

/** Sales plus marketing cost of winning an average customer of the segment, USD. */
const SEGMENT_CAC_USD: Readonly<Record<Segment, number>> = {
  smb: 3000,
  mid_market: 12_000,
  enterprise: 40_000,
};
/** How much dearer (above 1) or cheaper a channel is than the segment's average. */
const CHANNEL_COST_FACTOR: Readonly<Record<Channel, number>> = {
  organic: 0.45,
  paid_search: 1.25,
  outbound: 1.3,
  referral: 0.35,
  partner: 0.8,
  events: 1.7,
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
  const costs = computeChannelShares((segment) => SEGMENT_CAC_USD[segment]);
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
          costs[channel] *
          CHANNEL_COST_FACTOR[channel] *
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
