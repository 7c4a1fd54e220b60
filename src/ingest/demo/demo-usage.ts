/**
 * Weekly product usage, one row per customer and ISO week (the Monday's date)
 * while a subscription is in force, trials included, inside the window.
 * Most customers who leave on purpose fade out over the 4–12 weeks before
 * their end; some who stay have dips too, so a falling curve is a strong
 * signal, not a verdict.
 */
import type { Random } from '../../domain/random.js';
import { formatDate, mondayOf, WEEK_MS } from './demo-calendar.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import type { DemoEmitter } from './demo-emitter.js';
import { findInForceSpans, findMainAt, findSeatsAt } from './demo-life-queries.js';
import type { DemoPlan } from './demo-plan.js';
import type { CustomerLife } from './demo-subscription-life.js';

type Fade = { endMs: number; lengthMs: number; depth: number };

export function emitUsage(
  random: Random,
  emitter: DemoEmitter,
  profile: CustomerProfile,
  life: CustomerLife,
  plan: DemoPlan,
): void {
  const fades: Fade[] = [];
  for (const { main } of life.stretches) {
    if (main.endMs === null || main.endReason === null) continue;
    // Involuntary leavers barely change their habits; most voluntary ones fade first.
    const isFading = random.bernoulli(main.endReason === 'voluntary' ? 0.8 : 0.15);
    if (isFading) {
      fades.push({
        endMs: main.endMs,
        lengthMs: random.int(4, 12) * WEEK_MS,
        depth: random.uniform(0.35, 0.8),
      });
    }
  }
  const dip = random.bernoulli(0.15)
    ? {
        startMs: random.uniform(plan.windowStartMs, plan.asOfMs),
        lengthMs: random.int(4, 8) * WEEK_MS,
        depth: random.uniform(0.25, 0.55),
      }
    : null;
  const eventsPerUser = random.gamma(4, 10);
  let wobble = 0;
  let lastWeekMs = -Infinity;
  for (const span of findInForceSpans(life)) {
    const fromMs = Math.max(span.startMs, plan.windowStartMs);
    const untilMs = Math.min(span.endMs, plan.asOfMs);
    for (let week = mondayOf(fromMs); week < untilMs; week += WEEK_MS) {
      if (week <= lastWeekMs) continue;
      lastWeekMs = week;
      const probeMs = Math.max(week, fromMs);
      const seats = findSeatsAt(life, probeMs);
      let level = profile.engagement;
      for (const fade of fades) {
        const before = fade.endMs - week;
        if (before > 0 && before < fade.lengthMs)
          level *= 1 - fade.depth * (1 - before / fade.lengthMs);
      }
      if (dip && week >= dip.startMs && week < dip.startMs + dip.lengthMs) level *= 1 - dip.depth;
      const main = findMainAt(life, probeMs);
      if (main && main.trialEndMs !== null && probeMs < main.trialEndMs) level *= 0.8;
      // Week-to-week wobble with memory (AR(1)), so noise looks like habits, not static.
      wobble = 0.6 * wobble + random.normal(0, 0.1);
      const activeUsers = Math.max(
        0,
        Math.min(seats, Math.round(seats * level * Math.exp(wobble))),
      );
      const events = Math.round(activeUsers * eventsPerUser * Math.exp(random.normal(0, 0.2)));
      emitter.add('usage', {
        customer_id: profile.id,
        date: formatDate(week),
        active_users: String(activeUsers),
        events: String(events),
      });
    }
  }
}
