/**
 * The rep view: for each rep, today's calls and this week's demos, leads
 * qualified and new prospects contacted, next to the goal that applies to
 * them (their own, else their team's). Numbers come from the KPI engine,
 * broken down by rep.
 */
import { computeMetrics, type MetricResult } from '../metrics/compute-metrics.js';
import type { MetricCache } from '../metrics/metric-cache.js';
import { parseMetricRequest } from '../metrics/parse-metric-request.js';
import type { Store } from '../store/store.js';
import { addDaysToDate } from './goal-window.js';

export type RepActivityRow = {
  rep_id: string;
  name: string;
  team: string | null;
  calls_today: number | null;
  calls_per_day_goal: number | null;
  demos_this_week: number | null;
  demos_per_week_goal: number | null;
  leads_qualified_this_week: number;
  leads_qualified_goal: number | null;
  prospects_contacted_this_week: number;
};

type RepRow = { id: string; name: string; team: string | null };
type GoalTarget = { metric: string; scope: string; scope_id: string; target: string };

export async function computeRepActivity(
  store: Store,
  request: { asOf: Date; rep?: string | undefined; cache?: MetricCache | undefined },
): Promise<RepActivityRow[]> {
  const today = request.asOf.toISOString().slice(0, 10);
  const reps = await store.query<RepRow>(
    `SELECT id, name, team FROM reps WHERE coalesce(role, '') <> 'manager' AND ($1 = '' OR id = $1) ORDER BY id`,
    [request.rep ?? ''],
  );
  // Today counts in full: the as-of instant is the end of today.
  const endOfToday = new Date(`${addDaysToDate(today, 1)}T00:00:00Z`);
  const measure = async (metrics: string[], grain: 'day' | 'week') =>
    computeMetrics(
      store,
      await parseMetricRequest(store, {
        metrics,
        grain,
        from: today,
        to: addDaysToDate(today, 1),
        by: 'owner_rep_id',
        asOf: endOfToday,
      }),
      request.cache,
    );
  const daily = await measure(['calls_per_rep_per_day'], 'day');
  const weekly = await measure(
    ['demos_per_rep_per_week', 'leads_qualified', 'potential_new_clients_contacted'],
    'week',
  );
  const goals = await store.query<GoalTarget>(
    `SELECT metric, coalesce(scope, 'company') AS scope, coalesce(scope_id, '') AS scope_id, target FROM goals
     WHERE period_start <= CAST($1 AS DATE) AND period_end > CAST($1 AS DATE)
       AND metric IN ('calls_per_rep_per_day', 'demos_per_rep_per_week', 'leads_qualified')`,
    [today],
  );
  const valueOf = (results: readonly MetricResult[], metric: string, rep: string) =>
    results.find((result) => result.metric === metric && result.segment === rep)?.value ?? null;
  const goalOf = (metric: string, rep: RepRow) => {
    const own = goals.find(
      (goal) => goal.metric === metric && goal.scope === 'rep' && goal.scope_id === rep.id,
    );
    const team = goals.find(
      (goal) => goal.metric === metric && goal.scope === 'team' && goal.scope_id === rep.team,
    );
    const target = (own ?? team)?.target;
    return target === undefined ? null : Number(target);
  };
  return reps.map((rep) => ({
    rep_id: rep.id,
    name: rep.name,
    team: rep.team,
    calls_today: valueOf(daily, 'calls_per_rep_per_day', rep.id),
    calls_per_day_goal: goalOf('calls_per_rep_per_day', rep),
    demos_this_week: valueOf(weekly, 'demos_per_rep_per_week', rep.id),
    demos_per_week_goal: goalOf('demos_per_rep_per_week', rep),
    leads_qualified_this_week: valueOf(weekly, 'leads_qualified', rep.id) ?? 0,
    leads_qualified_goal: goalOf('leads_qualified', rep),
    prospects_contacted_this_week: valueOf(weekly, 'potential_new_clients_contacted', rep.id) ?? 0,
  }));
}
