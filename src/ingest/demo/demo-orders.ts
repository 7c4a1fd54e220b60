/**
 * One-off purchases (training packs, onboarding services, add-on credits) by
 * paying customers. Drawn the way BG/NBD and Gamma-Gamma assume buyers
 * behave, so those models have something honest to fit: each buyer has a
 * Poisson purchase rate (gamma across buyers), may drop out after any
 * purchase, and spends around a personal mean (Fader, Hardie & Lee 2005).
 */
import type { Random } from '../../domain/random.js';
import { formatCents, formatTimestamp, MONTH_MS } from './demo-calendar.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import type { DemoEmitter } from './demo-emitter.js';
import { findPayingSpans, isWithinSpans } from './demo-life-queries.js';
import type { DemoPlan } from './demo-plan.js';
import type { CustomerLife } from './demo-subscription-life.js';
import type { Segment } from './demo-vocabulary.js';

const BUYER_SHARE: Readonly<Record<Segment, number>> = {
  smb: 0.45,
  mid_market: 0.6,
  enterprise: 0.65,
};
const SPEND_SCALE: Readonly<Record<Segment, number>> = { smb: 1, mid_market: 1.6, enterprise: 2.6 };
const MAX_ORDERS = 15;

export function emitOrders(
  random: Random,
  emitter: DemoEmitter,
  profile: CustomerProfile,
  life: CustomerLife,
  plan: DemoPlan,
): void {
  if (!random.bernoulli(BUYER_SHARE[profile.segment])) return;
  const spans = findPayingSpans(life);
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return;
  const untilMs = Math.min(last.endMs, plan.asOfMs);
  // λ: purchases per month; p: chance of never buying again after each purchase.
  const lambda = random.gamma(1.3, 0.4);
  const dropout = random.uniform(0.03, 0.3);
  const meanSpend = (random.gamma(4, 110) + 80) * SPEND_SCALE[profile.segment];
  let count = 0;
  for (
    let t = first.startMs + random.exponential(MONTH_MS / lambda);
    t < untilMs;
    t += random.exponential(MONTH_MS / lambda)
  ) {
    if (!isWithinSpans(spans, t)) continue;
    const amount = Math.min(5000, Math.max(50, random.gamma(6, meanSpend / 6)));
    emitter.add('orders', {
      id: emitter.nextId('ord'),
      customer_id: profile.id,
      ordered_at: formatTimestamp(Math.floor(t)),
      amount: formatCents(Math.round(amount) * 100),
      currency: profile.currency,
    });
    count++;
    if (count >= MAX_ORDERS || random.bernoulli(dropout)) break;
  }
}
