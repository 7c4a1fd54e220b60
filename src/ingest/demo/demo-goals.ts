/**
 * The company's targets, set the way a sales leader sets them: on the trend
 * of what the team has actually been doing, plus a little stretch.
 *
 * - Revenue: `won_revenue` (the amounts of deals won, company scope) for
 *   every whole quarter of the window and the current one, so attainment
 *   lands near 80–120 % and pipeline coverage has a goal to cover.
 * - New customers per quarter, on the same trend.
 * - Churn: monthly customer churn below 1 %.
 * - Activity: 50 calls a day for the SDR team, and demos a week for each AE
 *   team near what that team does; the same per rep for the current quarter.
 *
 * Metric ids are KPI ids from `retain metrics --list`; team goals name the
 * team exactly as `reps.team` does.
 */
import {
  addMonths,
  DAY_MS,
  formatDate,
  isWorkingDay,
  startOfDay,
  startOfMonth,
  startOfQuarter,
} from './demo-calendar.js';
import type { DemoContext } from './demo-context.js';
import { TEAM_NORTH, TEAM_SDR, TEAM_SOUTH } from './demo-reps.js';

/** Targets sit this far above the trend: a plan is a little ahead of the run rate. */
const STRETCH = 1.05;
const CALLS_PER_DAY = 50;
const MONTHLY_CHURN_TARGET = 0.01;
/** The monthly growth the trend may assume, at most (and at least its negative). */
const MAX_MONTHLY_GROWTH = 0.08;

export function emitGoals(ctx: DemoContext): void {
  const { plan, roster, outcomes } = ctx;
  const firstFullMonth = addMonths(startOfMonth(plan.windowStartMs), 1);
  const currentMonth = startOfMonth(plan.asOfMs);
  const wonTrend = fitMonthlyTrend(outcomes.wonCentsByMonth, firstFullMonth, currentMonth);
  const newTrend = fitMonthlyTrend(outcomes.newCustomersByMonth, firstFullMonth, currentMonth);
  const demoTargets = new Map(
    [TEAM_NORTH, TEAM_SOUTH].map((team) => [team, computeDemoTarget(ctx, team)]),
  );
  const currentQuarter = startOfQuarter(plan.asOfMs);
  // From the first quarter the window covers whole: before it the company has no history.
  for (
    let quarter = startOfQuarter(addMonths(plan.windowStartMs, 3) - DAY_MS);
    quarter <= currentQuarter;
    quarter = addMonths(quarter, 3)
  ) {
    const next = addMonths(quarter, 3);
    let wonCents = 0;
    let newCustomers = 0;
    for (let month = quarter; month < next; month = addMonths(month, 1)) {
      wonCents += wonTrend(month);
      newCustomers += newTrend(month);
    }
    const wonUsd = Math.max(1000, Math.round((wonCents * STRETCH) / 100 / 1000) * 1000);
    emitGoal(ctx, 'won_revenue', 'company', null, quarter, next, String(wonUsd));
    emitGoal(
      ctx,
      'new_customers',
      'company',
      null,
      quarter,
      next,
      String(Math.max(1, Math.round(newCustomers * STRETCH))),
    );
    emitGoal(ctx, 'calls_per_rep_per_day', 'team', TEAM_SDR, quarter, next, String(CALLS_PER_DAY));
    for (const [team, target] of demoTargets) {
      emitGoal(ctx, 'demos_per_rep_per_week', 'team', team, quarter, next, String(target));
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
      String(demoTargets.get(ae.team) ?? 3),
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

/**
 * An exponential trend through the monthly totals of whole months in
 * [fromMonth, untilMonth): the growth from the ratio of the later half's sum
 * to the earlier half's, the level so the trend sums to the actual total.
 * Sums rather than logs of single months, so months with nothing won do no
 * harm. Returns the trend's value for the month starting at a given instant.
 */
function fitMonthlyTrend(
  byMonth: ReadonlyMap<number, number>,
  fromMonth: number,
  untilMonth: number,
): (month: number) => number {
  const values: number[] = [];
  for (let month = fromMonth; month < untilMonth; month = addMonths(month, 1)) {
    values.push(byMonth.get(month) ?? 0);
  }
  const n = values.length;
  if (n === 0) return () => 0;
  const half = Math.floor(n / 2);
  const early = values.slice(0, half).reduce((sum, v) => sum + v, 0);
  const late = values.slice(n - half).reduce((sum, v) => sum + v, 0);
  const rawGrowth = half > 0 && early > 0 && late > 0 ? Math.log(late / early) / (n - half) : 0;
  const growth = Math.max(-MAX_MONTHLY_GROWTH, Math.min(MAX_MONTHLY_GROWTH, rawGrowth));
  let shape = 0;
  for (let i = 0; i < n; i++) shape += Math.exp(growth * i);
  const level = values.reduce((sum, v) => sum + v, 0) / shape;
  return (month) => {
    const index =
      (new Date(month).getUTCFullYear() - new Date(fromMonth).getUTCFullYear()) * 12 +
      new Date(month).getUTCMonth() -
      new Date(fromMonth).getUTCMonth();
    return level * Math.exp(growth * index);
  };
}

/** Demos a week per AE the team held over the window, rounded to a half, at least one. */
function computeDemoTarget(ctx: DemoContext, team: string): number {
  const { plan, roster } = ctx;
  const aes = team === TEAM_NORTH ? roster.northAes : roster.southAes;
  let workingDays = 0;
  for (let day = startOfDay(plan.windowStartMs); day < plan.asOfMs; day += DAY_MS) {
    if (isWorkingDay(day)) workingDays++;
  }
  const perWeek =
    (ctx.outcomes.demosByTeam.get(team) ?? 0) / Math.max(1, aes.length * (workingDays / 5));
  return Math.max(1, Math.round(perWeek * STRETCH * 2) / 2);
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
