/**
 * Draws the month's upgrade, downgrade or seat change for a subscription, if
 * any. Low-risk customers grow, high-risk ones shrink first: contraction is
 * an early churn signal, as it is in life.
 */
import type { Random } from '../../domain/random.js';
import { HOUR_MS } from './demo-calendar.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import { computeMrrCents, PLAN_LADDER, SEAT_PRICE_CENTS, type PlanKey } from './demo-vocabulary.js';

export type PlanState = { plan: PlanKey; seats: number; discount: number };

/** MRR, seats and (when it changed) plan from `atMs` on. */
export type DrawnChange = { atMs: number; mrrCents: number; seats: number; plan: PlanKey | null };

export function drawSubscriptionChange(
  random: Random,
  profile: CustomerProfile,
  state: PlanState,
  fromMs: number,
  untilMs: number,
): DrawnChange | null {
  if (untilMs - fromMs < 2 * HOUR_MS) return null;
  const risk = profile.risk;
  const index = PLAN_LADDER.indexOf(state.plan);
  const seatUp = 0.03 * Math.exp(-0.5 * risk);
  const seatDown = 0.012 * Math.exp(0.5 * risk);
  const upgrade = index < PLAN_LADDER.length - 1 ? 0.005 * Math.exp(-0.4 * risk) : 0;
  const downgrade = index > 0 ? 0.003 * Math.exp(0.5 * risk) : 0;
  let draw = random.nextFloat();
  let seats = state.seats;
  let plan: PlanKey | null = null;
  if ((draw -= seatUp) < 0) {
    seats = Math.min(
      profile.companySize,
      seats + Math.max(1, Math.round(seats * random.uniform(0.05, 0.3))),
    );
  } else if ((draw -= seatDown) < 0) {
    seats = Math.max(1, seats - Math.max(1, Math.round(seats * random.uniform(0.05, 0.25))));
  } else if ((draw -= upgrade) < 0) {
    plan = PLAN_LADDER[index + 1] ?? null;
  } else if ((draw -= downgrade) < 0) {
    plan = PLAN_LADDER[index - 1] ?? null;
  } else {
    return null;
  }
  if (plan === null && seats === state.seats) return null;
  const atMs = Math.floor(random.uniform(fromMs + HOUR_MS, untilMs - HOUR_MS) / 1000) * 1000;
  const mrrCents = computeMrrCents(SEAT_PRICE_CENTS[plan ?? state.plan], seats, state.discount);
  return { atMs, mrrCents, seats, plan };
}
