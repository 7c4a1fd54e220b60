/**
 * The company's targets, set the way a sales leader sets them: on the trend
 * of what the team has actually been doing, plus a little stretch.
 *
 * - Revenue: `won_revenue` (the amounts of deals won, company scope) for
 *   every whole quarter of the window and the current one, so attainment
 *   lands near 80–120 % and pipeline coverage has a goal to cover: new
 *   business and expansion on their trend, plus the quarter's renewal book
 *   (the contracts up for renewal, known in advance) at the renewal rate.
 * - New customers per quarter, on the same trend.
 * - Churn: monthly customer churn below 1 %.
 * - Activity: 50 calls a day for the SDR team, and demos a week for each AE
 *   team on the trend of what that team does; the same per rep for the
 *   current quarter.
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
const STRETCH = 1.03;
const CALLS_PER_DAY = 50;
const MONTHLY_CHURN_TARGET = 0.01;
/** The monthly growth the trend may assume, at most (and at least its negative). */
const MAX_MONTHLY_GROWTH = 0.08;

export function emitGoals(ctx: DemoContext): void {
  const { plan, roster, outcomes } = ctx;
  const firstFullMonth = addMonths(startOfMonth(plan.windowStartMs), 1);
  const currentMonth = startOfMonth(plan.asOfMs);
  const wonTrend = fitMonthlyTrend(outcomes.wonCentsByMonth, firstFullMonth, currentMonth);
  const { bookCents, wonCents: renewedCents } = outcomes.renewalsClosed;
  const renewalRate = bookCents > 0 ? renewedCents / bookCents : 0.9;
  const newTrend = fitMonthlyTrend(outcomes.newCustomersByMonth, firstFullMonth, currentMonth);
  const demoTrends = [
    { team: TEAM_NORTH, aes: roster.northAes.length },
    { team: TEAM_SOUTH, aes: roster.southAes.length },
  ].map(({ team, aes }) => ({
    team,
    aes,
    trend: fitMonthlyTrend(
      outcomes.demosByTeam.get(team) ?? new Map<number, number>(),
      firstFullMonth,
      currentMonth,
    ),
  }));
  const demoTargets = new Map<string, number>();
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
      wonCents +=
        wonTrend(month) * STRETCH +
        renewalRate * (outcomes.renewalBookCentsByMonth.get(month) ?? 0);
      newCustomers += newTrend(month);
    }
    const weeks = countWorkingDays(quarter, next) / 5;
    for (const { team, aes, trend } of demoTrends) {
      let demos = 0;
      for (let month = quarter; month < next; month = addMonths(month, 1)) demos += trend(month);
      // Rounded to half a demo: nobody sets a target of 4.37 a week.
      demoTargets.set(team, Math.max(1, Math.round(((demos * STRETCH) / (aes * weeks)) * 2) / 2));
    }
    const wonUsd = Math.max(1000, Math.round(wonCents / 100 / 1000) * 1000);
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
 * [fromMonth, untilMonth): the growth is the least-squares slope of the
 * logarithms (each month floored at a tenth of the mean, so a month with
 * nothing won cannot dominate), the level makes the trend sum to the actual
 * total. Returns the trend's value for the month starting at a given instant.
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
  const total = values.reduce((sum, v) => sum + v, 0);
  if (n === 0 || total <= 0) return () => 0;
  const floor = (0.1 * total) / n;
  const logs = values.map((v) => Math.log(Math.max(v, floor)));
  const meanIndex = (n - 1) / 2;
  const meanLog = logs.reduce((sum, v) => sum + v, 0) / n;
  let covariance = 0;
  let variance = 0;
  logs.forEach((v, i) => {
    covariance += (i - meanIndex) * (v - meanLog);
    variance += (i - meanIndex) ** 2;
  });
  const rawGrowth = variance > 0 ? covariance / variance : 0;
  const growth = Math.max(-MAX_MONTHLY_GROWTH, Math.min(MAX_MONTHLY_GROWTH, rawGrowth));
  let shape = 0;
  for (let i = 0; i < n; i++) shape += Math.exp(growth * i);
  const level = total / shape;
  return (month) => {
    const index =
      (new Date(month).getUTCFullYear() - new Date(fromMonth).getUTCFullYear()) * 12 +
      new Date(month).getUTCMonth() -
      new Date(fromMonth).getUTCMonth();
    return level * Math.exp(growth * index);
  };
}

function countWorkingDays(fromMs: number, untilMs: number): number {
  let days = 0;
  for (let day = startOfDay(fromMs); day < untilMs; day += DAY_MS) if (isWorkingDay(day)) days++;
  return days;
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
