/**
 * The company's targets for every quarter of the window and the current one:
 * new MRR and new customers (a tenth above plan, as targets are), a monthly
 * customer churn below 1 %, 50 calls a day for SDRs and demos a week for AEs.
 * Metric ids are KPI ids from DESIGN.md, so goal progress can compute them.
 */
import { createRandom, deriveSeed } from '../../domain/random.js';
import { addMonths, formatDate, MONTH_MS, startOfMonth, startOfQuarter } from './demo-calendar.js';
import type { DemoContext } from './demo-context.js';
import { drawCustomerProfile } from './demo-customer-profile.js';
import { computeNewCustomersPerMonth } from './demo-plan.js';
import { TEAM_NORTH, TEAM_SDR, TEAM_SOUTH } from './demo-reps.js';
import { ANNUAL_BILLING_DISCOUNT, computeMrrCents, SEAT_PRICE_CENTS } from './demo-vocabulary.js';

const STRETCH = 1.1;
const CALLS_PER_DAY = 50;
const DEMOS_PER_WEEK = 3;
const MONTHLY_CHURN_TARGET = 0.01;
const PROBE_PROFILES = 400;

export function emitGoals(ctx: DemoContext): void {
  const { plan, roster } = ctx;
  const meanNewMrrCents = estimateNewMrrCents(ctx);
  const currentQuarter = startOfQuarter(plan.asOfMs);
  for (
    let quarter = startOfQuarter(plan.windowStartMs);
    quarter <= currentQuarter;
    quarter = addMonths(quarter, 3)
  ) {
    const next = addMonths(quarter, 3);
    let expectedNew = 0;
    for (let month = quarter; month < next; month = addMonths(month, 1)) {
      expectedNew += computeNewCustomersPerMonth(plan, month + MONTH_MS / 2);
    }
    const newMrrUsd = Math.round((expectedNew * meanNewMrrCents * STRETCH) / 100 / 100) * 100;
    emitGoal(ctx, 'mrr_new', 'company', null, quarter, next, String(newMrrUsd));
    emitGoal(
      ctx,
      'new_customers',
      'company',
      null,
      quarter,
      next,
      String(Math.round(expectedNew * STRETCH)),
    );
    emitGoal(ctx, 'calls_per_rep_per_day', 'team', TEAM_SDR, quarter, next, String(CALLS_PER_DAY));
    for (const team of [TEAM_NORTH, TEAM_SOUTH]) {
      emitGoal(ctx, 'demos_per_rep_per_week', 'team', team, quarter, next, String(DEMOS_PER_WEEK));
    }
  }
  const nextQuarter = addMonths(currentQuarter, 3);
  for (const sdr of roster.sdrs) {
    emitGoal(
      ctx,
      'calls_per_rep_per_day',
      'rep',
      sdr.id,
      currentQuarter,
      nextQuarter,
      String(CALLS_PER_DAY),
    );
  }
  for (const ae of [...roster.northAes, ...roster.southAes]) {
    emitGoal(
      ctx,
      'demos_per_rep_per_week',
      'rep',
      ae.id,
      currentQuarter,
      nextQuarter,
      String(DEMOS_PER_WEEK),
    );
  }
  for (
    let month = startOfMonth(plan.windowStartMs);
    month < plan.asOfMs;
    month = addMonths(month, 1)
  ) {
    emitGoal(
      ctx,
      'customer_churn_rate',
      'company',
      null,
      month,
      addMonths(month, 1),
      String(MONTHLY_CHURN_TARGET),
    );
  }
}

function emitGoal(
  ctx: DemoContext,
  metric: string,
  scope: 'company' | 'team' | 'rep',
  scopeId: string | null,
  startMs: number,
  endMs: number,
  target: string,
): void {
  ctx.emitter.add('goals', {
    id: ctx.emitter.nextId('goal'),
    metric,
    scope,
    scope_id: scopeId,
    period_start: formatDate(startMs),
    period_end: formatDate(endMs),
    target,
  });
}

// The plan knows how many customers to expect, not what they pay: ask a sample of
// profiles drawn exactly as the real ones are (EUR and GBP counted at par, near enough).
function estimateNewMrrCents(ctx: DemoContext): number {
  const random = createRandom(deriveSeed(ctx.plan.seed, 'goal-probe'));
  let total = 0;
  for (let i = 0; i < PROBE_PROFILES; i++) {
    const profile = drawCustomerProfile(random, i + 1, ctx.plan, ctx.roster);
    const annual = profile.billedYearly ? 1 - ANNUAL_BILLING_DISCOUNT : 1;
    total += computeMrrCents(
      SEAT_PRICE_CENTS[profile.plan],
      profile.seats,
      1 - (1 - profile.discount) * annual,
    );
  }
  return total / PROBE_PROFILES;
}
