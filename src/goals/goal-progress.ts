/**
 * Goal progress with pace: where each goal stands at the as-of date, where it
 * should stand, and where it is heading. Goals on sums (won revenue, new
 * customers) accumulate: expected to date follows a linear pace, or the
 * seasonal shape of the same period last year when there is one, and the
 * projection extends the run rate. Goals on rates (churn, calls per rep per
 * day) hold throughout: the rate so far is compared with the target. Every
 * number comes from the KPI engine, cut to the goal's team or rep.
 */
import { computeMetrics, type MetricResult } from '../metrics/compute-metrics.js';
import type { KpiDefinition } from '../metrics/definition.js';
import type { MetricCache } from '../metrics/metric-cache.js';
import { parseMetricRequest } from '../metrics/parse-metric-request.js';
import { findKpi } from '../metrics/registry.js';
import type { Store } from '../store/store.js';
import { addDaysToDate, daysBetween, detectGrain, type GoalWindow } from './goal-window.js';

export type GoalRow = {
  id: string;
  metric: string;
  scope: string | null;
  scope_id: string | null;
  period_start: string;
  period_end: string;
  target: string;
};

export type GoalStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'unknown_metric';

export type GoalProgress = {
  id: string;
  metric: string;
  scope: string;
  scope_id: string | null;
  period_start: string;
  period_end: string;
  target: number;
  /** Share of the period's days gone at the as-of date, 0..1. */
  elapsed: number;
  actual: number | null;
  expected: number | null;
  projected: number | null;
  /** How expected is set: linear or seasonal for sums, the target itself for rates and balances. */
  pace: 'linear' | 'seasonal' | 'rate' | 'level';
  status: GoalStatus;
};

/** Within this share of the target a goal is at risk rather than off track. */
const AT_RISK_BAND = 0.1;

export type ProgressRequest = {
  readonly asOf: Date;
  readonly rep?: string | undefined;
  readonly team?: string | undefined;
  readonly cache?: MetricCache | undefined;
};

/** Goals whose period holds the as-of date, filtered to a rep or a team, with their progress. */
export async function computeGoalProgress(
  store: Store,
  request: ProgressRequest,
): Promise<GoalProgress[]> {
  const asOfDate = request.asOf.toISOString().slice(0, 10);
  const goals = await store.query<GoalRow>(
    `SELECT id, metric, scope, scope_id, period_start, period_end, target FROM goals
     WHERE period_start <= CAST($1 AS DATE) AND period_end > CAST($1 AS DATE)
       AND ($2 = '' OR (coalesce(scope, 'company') = 'rep' AND scope_id = $2))
       AND ($3 = '' OR (coalesce(scope, 'company') = 'team' AND scope_id = $3))
     ORDER BY metric, coalesce(scope, 'company'), scope_id, period_start`,
    [asOfDate, request.rep ?? '', request.team ?? ''],
  );
  const progress: GoalProgress[] = [];
  for (const goal of goals) progress.push(await measureGoal(store, goal, request));
  return progress;
}

export async function measureGoal(
  store: Store,
  goal: GoalRow,
  request: ProgressRequest,
): Promise<GoalProgress> {
  const window: GoalWindow = { start: goal.period_start, end: goal.period_end };
  const asOfDate = request.asOf.toISOString().slice(0, 10);
  const totalDays = daysBetween(window.start, window.end);
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(window.start, asOfDate)));
  const base: GoalProgress = {
    id: goal.id,
    metric: goal.metric,
    scope: goal.scope ?? 'company',
    scope_id: goal.scope_id,
    period_start: goal.period_start,
    period_end: goal.period_end,
    target: Number(goal.target),
    elapsed: totalDays === 0 ? 1 : elapsedDays / totalDays,
    actual: null,
    expected: null,
    projected: null,
    pace: 'linear',
    status: 'no_data',
  };
  const kpi = findKpi(goal.metric);
  if (!kpi) return { ...base, status: 'unknown_metric' };
  const where = scopeFilters(goal);
  const isFlow = kpi.kind === 'base' && kpi.valueKind === 'total' && kpi.isBalance !== true;
  if (kpi.isBalance === true) {
    // A balance is read on the last day before the as-of date.
    const days = await measure(store, kpi, window, 'day', where, request);
    const actual = days.filter((day) => day.period_start < asOfDate).at(-1)?.value ?? null;
    return {
      ...base,
      pace: 'level',
      actual,
      expected: base.target,
      projected: actual,
      status: statusOf(kpi, actual, base.target),
    };
  }
  if (!isFlow) {
    const actual = pool(
      kpi,
      await measure(store, kpi, window, detectGrain(window), where, request),
    );
    return {
      ...base,
      pace: 'rate',
      actual,
      expected: base.target,
      projected: actual,
      status: statusOf(kpi, actual, base.target),
    };
  }
  // Sums accumulate day by day: count through the day before the as-of date.
  const days = await measure(store, kpi, window, 'day', where, request);
  const actual = days
    .filter((day) => day.period_start < asOfDate)
    .reduce((sum, day) => sum + (day.value ?? 0), 0);
  const lastYear = await measure(store, kpi, shiftYear(window, -1), 'day', where, request);
  const lastYearTotal = lastYear.reduce((sum, day) => sum + (day.value ?? 0), 0);
  const lastYearCut = addDaysToDate(shiftYear(window, -1).start, elapsedDays);
  const seasonalShare =
    lastYearTotal > 0
      ? lastYear
          .filter((day) => day.period_start < lastYearCut)
          .reduce((sum, day) => sum + (day.value ?? 0), 0) / lastYearTotal
      : undefined;
  const share = seasonalShare ?? base.elapsed;
  const projected = share > 0 ? actual / share : null;
  return {
    ...base,
    pace: seasonalShare === undefined ? 'linear' : 'seasonal',
    actual,
    expected: base.target * share,
    projected,
    status: statusOf(kpi, projected, base.target),
  };
}

/**
 * One value for the whole window: the single bucket's value, or, for a window
 * no grain covers in one bucket, the pooled ratio of its days (Σ numerators /
 * Σ denominators) — exact for additive ratios such as win rate.
 */
function pool(kpi: KpiDefinition, results: readonly MetricResult[]): number | null {
  if (results.length === 1) return results[0]?.value ?? null;
  const numerator = results.reduce((sum, result) => sum + (result.numerator ?? 0), 0);
  const denominator = results.reduce((sum, result) => sum + (result.denominator ?? 0), 0);
  if (denominator === 0) return null;
  return kpi.unit === 'score' ? (100 * numerator) / denominator : numerator / denominator;
}

/** A team goal counts the team's customers, deals and reps; a rep goal, the rep's. */
function scopeFilters(goal: GoalRow): string[] {
  if (goal.scope === 'team' && goal.scope_id) return [`team=${goal.scope_id}`];
  if (goal.scope === 'rep' && goal.scope_id) return [`owner_rep_id=${goal.scope_id}`];
  return [];
}

function shiftYear(window: GoalWindow, years: number): GoalWindow {
  const shift = (date: string) =>
    `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
  // 29 February has no twin in most years; the day after stands in.
  const safe = (date: string) => (date.slice(5) === '02-29' ? `${date.slice(0, 5)}03-01` : date);
  return { start: safe(shift(window.start)), end: safe(shift(window.end)) };
}

async function measure(
  store: Store,
  kpi: KpiDefinition,
  window: GoalWindow,
  grain: string,
  where: readonly string[],
  request: ProgressRequest,
): Promise<MetricResult[]> {
  const query = await parseMetricRequest(store, {
    metrics: [kpi.id],
    grain,
    from: window.start,
    to: window.end,
    where,
    asOf: request.asOf,
  });
  return computeMetrics(store, query, request.cache);
}

/** On track when heading to the target, at risk within 10 % of it, off track beyond. */
export function statusOf(kpi: KpiDefinition, value: number | null, target: number): GoalStatus {
  if (value === null) return 'no_data';
  const isHigherBetter = kpi.direction === 'higher_is_better';
  if (isHigherBetter ? value >= target : value <= target) return 'on_track';
  const band = Math.abs(target) * AT_RISK_BAND;
  const isClose = isHigherBetter ? value >= target - band : value <= target + band;
  return isClose ? 'at_risk' : 'off_track';
}
