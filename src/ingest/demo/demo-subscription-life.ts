/**
 * Simulates one customer's billing life month by month: subscriptions with
 * seat and plan changes, voluntary cancellations at the end of a commitment,
 * delinquent endings after a card expires unreplaced, an add-on plan, and
 * sometimes a comeback. Decides what happens; emitting rows is elsewhere.
 * A cancellation takes effect at a period end, and one not yet effective by
 * asOf leaves `endMs` null, as the billing system would show it.
 */
import type { Random } from '../../domain/random.js';
import { addMonths, DAY_MS } from './demo-calendar.js';
import type { CustomerProfile } from './demo-customer-profile.js';
import type { DemoEmitter } from './demo-emitter.js';
import type { DemoPlan } from './demo-plan.js';
import {
  ADD_ON_PLAN,
  ADD_ON_SEAT_PRICE_CENTS,
  ANNUAL_BILLING_DISCOUNT,
  BASE_CHURN_HAZARD,
  CANCEL_REASON_WEIGHTS,
  computeMrrCents,
  PLAN_LADDER,
  SEAT_PRICE_CENTS,
  type CancelReason,
  type PlanKey,
  type Segment,
} from './demo-vocabulary.js';
import { drawCardChain, removeCardsAddedFrom, type SimCard } from './demo-payment-cards.js';
import { drawSubscriptionChange } from './demo-subscription-changes.js';

export type SimChange = { atMs: number; mrrCents: number; seats: number; plan: string | null };

export type SimSubscription = {
  id: string;
  plan: string;
  startMs: number;
  trialEndMs: number | null;
  /** First paying instant: the trial's end, else the start. */
  payStartMs: number;
  endMs: number | null;
  endReason: 'voluntary' | 'delinquent' | null;
  cancelReason: CancelReason | null;
  mrrCents: number;
  seats: number;
  intervalMonths: 1 | 12;
  changes: SimChange[];
  /** Invoices issued from here on fail with `failureCode`: the dunning run before a delinquent end. */
  dunningFromMs: number | null;
  failureCode: string | null;
};

/** One stretch of being a customer: a main subscription and perhaps an add-on. */
export type Stretch = { main: SimSubscription; addOn: SimSubscription | null };

export type CustomerLife = { stretches: Stretch[]; cards: SimCard[] };

const ADD_ON_SHARE: Readonly<Record<Segment, number>> = {
  smb: 0.06,
  mid_market: 0.18,
  enterprise: 0.25,
};
// Delinquent customers mostly just fix their card and come back; voluntary leavers rarely do.
const COMEBACK_SHARE = { delinquent: 0.4, voluntary: 0.12 } as const;

export function simulateCustomerLife(
  random: Random,
  profile: CustomerProfile,
  plan: DemoPlan,
  emitter: DemoEmitter,
): CustomerLife {
  const cards: SimCard[] = [];
  const stretches: Stretch[] = [];
  if (profile.isTrialOnly) {
    if (profile.paymentKind === 'card')
      drawCardChain(random, profile, cards, profile.startMs, profile.startMs);
    stretches.push({ main: simulateTrialOnly(profile, emitter), addOn: null });
    return { stretches, cards };
  }
  let startMs = profile.startMs;
  let trialEndMs = profile.trialEndMs;
  for (let round = 0; round < 2; round++) {
    const firstCard = cards.length;
    const lapseMs =
      profile.paymentKind === 'card'
        ? drawCardChain(random, profile, cards, startMs, plan.asOfMs)
        : null;
    const stretch = simulateStretch(random, profile, plan, emitter, {
      startMs,
      trialEndMs,
      isComeback: round > 0,
      lapseMs,
    });
    stretches.push(stretch);
    const { endMs, endReason } = stretch.main;
    // Cards the customer would have added after leaving were never added.
    if (endMs !== null) removeCardsAddedFrom(cards, firstCard, endMs);
    if (endMs === null || endReason === null || round > 0) break;
    if (!random.bernoulli(COMEBACK_SHARE[endReason])) break;
    const gapDays = endReason === 'delinquent' ? random.uniform(5, 60) : random.uniform(45, 300);
    startMs = Math.floor(endMs + gapDays * DAY_MS);
    trialEndMs = null;
    if (startMs > plan.asOfMs - 3 * DAY_MS) break;
  }
  return { stretches, cards };
}

// A trial that never converts ends at trial end with no end_reason: the customer never
// paid, so it is neither voluntary nor delinquent churn (DESIGN.md: a trial is not active).
function simulateTrialOnly(profile: CustomerProfile, emitter: DemoEmitter): SimSubscription {
  const mrrCents = computeMrrCents(SEAT_PRICE_CENTS[profile.plan], profile.seats, profile.discount);
  const trialEndMs = profile.trialEndMs ?? profile.startMs;
  return {
    id: emitter.nextId('sub'),
    plan: profile.plan,
    startMs: profile.startMs,
    trialEndMs,
    payStartMs: trialEndMs,
    endMs: trialEndMs,
    endReason: null,
    cancelReason: null,
    mrrCents,
    seats: profile.seats,
    intervalMonths: 1,
    changes: [],
    dunningFromMs: null,
    failureCode: null,
  };
}

type StretchStart = {
  startMs: number;
  trialEndMs: number | null;
  isComeback: boolean;
  lapseMs: number | null;
};

function simulateStretch(
  random: Random,
  profile: CustomerProfile,
  plan: DemoPlan,
  emitter: DemoEmitter,
  { startMs, trialEndMs, isComeback, lapseMs }: StretchStart,
): Stretch {
  // A comeback starts small: month to month, often a plan lower, at list price.
  const contract = isComeback ? 'monthly' : profile.contractType;
  const intervalMonths: 1 | 12 = !isComeback && profile.billedYearly ? 12 : 1;
  const commitmentMonths = contract === 'monthly' ? 1 : contract === 'annual' ? 12 : 24;
  const planIndex = PLAN_LADDER.indexOf(profile.plan);
  const planKey: PlanKey =
    isComeback && planIndex > 0 && random.bernoulli(0.4)
      ? (PLAN_LADDER[planIndex - 1] ?? profile.plan)
      : profile.plan;
  const seats = isComeback
    ? Math.max(1, Math.round(profile.seats * random.uniform(0.6, 1)))
    : profile.seats;
  const discount = isComeback
    ? 0
    : 1 - (1 - profile.discount) * (intervalMonths === 12 ? 1 - ANNUAL_BILLING_DISCOUNT : 1);
  const payStartMs = trialEndMs ?? startMs;
  const main: SimSubscription = {
    id: emitter.nextId('sub'),
    plan: planKey,
    startMs,
    trialEndMs,
    payStartMs,
    endMs: null,
    endReason: null,
    cancelReason: null,
    mrrCents: computeMrrCents(SEAT_PRICE_CENTS[planKey], seats, discount),
    seats,
    intervalMonths,
    changes: [],
    dunningFromMs: null,
    failureCode: null,
  };
  const hazard = computeMonthlyHazard(profile, contract);
  const termChurn = 1 - Math.pow(1 - hazard, commitmentMonths);
  const paymentFailureHazard =
    (profile.paymentKind === 'card' ? 0.0012 : 0.0004) * Math.exp(0.5 * profile.risk);
  let state = { plan: planKey, seats, discount };
  for (let month = 1; ; month++) {
    const monthStart = addMonths(payStartMs, month - 1);
    const boundary = addMonths(payStartMs, month);
    const change = drawSubscriptionChange(
      random,
      profile,
      state,
      monthStart,
      Math.min(boundary, plan.asOfMs),
    );
    if (change) {
      state = { ...state, plan: change.plan ?? state.plan, seats: change.seats };
      main.changes.push(change);
    }
    if (boundary >= plan.asOfMs) break;
    if (month % intervalMonths === 0) {
      if (lapseMs !== null && lapseMs <= boundary) {
        startDunning(random, main, plan, boundary, 'card_expired');
        break;
      }
      if (random.bernoulli(paymentFailureHazard * intervalMonths)) {
        startDunning(
          random,
          main,
          plan,
          boundary,
          random.pick(['insufficient_funds', 'card_declined']),
        );
        break;
      }
    }
    // New customers who never get going leave in their first months.
    const onboardingFactor = contract === 'monthly' && month <= 3 ? 1.6 : 1;
    if (month % commitmentMonths === 0 && random.bernoulli(termChurn * onboardingFactor)) {
      main.endMs = boundary;
      main.endReason = 'voluntary';
      main.cancelReason = random.weighted(CANCEL_REASON_WEIGHTS);
      break;
    }
  }
  return { main, addOn: isComeback ? null : simulateAddOn(random, profile, plan, emitter, main) };
}

function computeMonthlyHazard(profile: CustomerProfile, contract: string): number {
  const payment =
    profile.paymentKind === 'card' ? 1.25 : profile.paymentKind === 'invoice' ? 0.8 : 0.9;
  const term = contract === 'monthly' ? 1.3 : contract === 'annual' ? 0.8 : 0.6;
  // exp(0.9·z − 0.405) has mean 1 for z ~ N(0, 1), so the segment base stays the average.
  const hazard =
    BASE_CHURN_HAZARD[profile.segment] * Math.exp(0.9 * profile.risk - 0.405) * payment * term;
  return Math.min(0.5, hazard);
}

// Dunning retries for four to six weeks; still running at asOf, the subscription is past due, not ended.
function startDunning(
  random: Random,
  sub: SimSubscription,
  plan: DemoPlan,
  fromMs: number,
  code: string,
): void {
  sub.dunningFromMs = fromMs;
  sub.failureCode = code;
  const endMs = Math.floor(fromMs + random.uniform(28, 45) * DAY_MS);
  if (endMs < plan.asOfMs) {
    sub.endMs = endMs;
    sub.endReason = 'delinquent';
  }
}

function simulateAddOn(
  random: Random,
  profile: CustomerProfile,
  plan: DemoPlan,
  emitter: DemoEmitter,
  main: SimSubscription,
): SimSubscription | null {
  if (!random.bernoulli(ADD_ON_SHARE[profile.segment])) return null;
  const startMs = Math.floor(
    addMonths(main.payStartMs, random.int(1, 14)) + random.uniform(0, 20) * DAY_MS,
  );
  const untilMs = Math.min(main.endMs ?? plan.asOfMs, main.dunningFromMs ?? Infinity, plan.asOfMs);
  if (startMs >= untilMs - 14 * DAY_MS) return null;
  const seats = computeSeatsAt(main, startMs);
  const addOn: SimSubscription = {
    id: emitter.nextId('sub'),
    plan: ADD_ON_PLAN,
    startMs,
    trialEndMs: null,
    payStartMs: startMs,
    endMs: null,
    endReason: null,
    cancelReason: null,
    mrrCents: computeMrrCents(ADD_ON_SEAT_PRICE_CENTS, seats, 0),
    seats,
    intervalMonths: 1,
    changes: [],
    dunningFromMs: null,
    failureCode: null,
  };
  for (let month = 1; ; month++) {
    const boundary = addMonths(startMs, month);
    if (boundary >= untilMs) break;
    if (random.bernoulli(0.015 * Math.exp(0.5 * profile.risk))) {
      addOn.endMs = boundary;
      addOn.endReason = 'voluntary';
      addOn.cancelReason = random.pick(['no_longer_needed', 'too_expensive'] as const);
      return addOn;
    }
  }
  // Leaving ends every subscription at once, for the same reason.
  addOn.endMs = main.endMs;
  addOn.endReason = main.endReason;
  addOn.cancelReason = main.cancelReason;
  addOn.dunningFromMs = main.dunningFromMs;
  addOn.failureCode = main.failureCode;
  return addOn;
}

/** Seats in force at `ms`: the latest change before it, else the subscription's own. */
export function computeSeatsAt(sub: SimSubscription, ms: number): number {
  let seats = sub.seats;
  for (const change of sub.changes) {
    if (change.atMs <= ms) seats = change.seats;
  }
  return seats;
}

/** Monthly MRR in cents at `ms`, by the same rule as DESIGN.md's "MRR at t". */
export function computeMrrCentsAt(sub: SimSubscription, ms: number): number {
  let mrr = sub.mrrCents;
  for (const change of sub.changes) {
    if (change.atMs < ms) mrr = change.mrrCents;
  }
  return mrr;
}
