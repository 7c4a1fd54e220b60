/**
 * Goals: where each current goal stands against its pace and target, and the
 * planner that works back from a revenue goal to daily activity. The API
 * decides which goals the person sees (a rep their own, a manager their
 * team's), so the page shows what it answers.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { GoalProgress } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import { combineApiStates, mapApiState, useApi } from '../../lib/useApi.js';
import { useCatalogue } from '../metrics/useCatalogue.js';
import { GoalChartPanel } from './GoalChartPanel.js';
import { GoalFilterBar } from './GoalFilterBar.js';
import { GoalTablePanel } from './GoalTablePanel.js';
import { buildGoalRows } from './goal-rows.js';
import { PlannerPanel } from './PlannerPanel.js';

export function GoalsPage() {
  const [params] = useSearchParams();
  const state = useApi<GoalProgress[]>(
    buildPath('/api/goals/progress', {
      as_of: params.get('as_of') ?? undefined,
      team: params.get('team') ?? undefined,
      rep: params.get('rep') ?? undefined,
    }),
  );
  const catalogue = useCatalogue();
  const rows = useMemo(
    () =>
      mapApiState(combineApiStates(state, catalogue), ([goals, kpis]) =>
        buildGoalRows(goals, new Map(kpis.map((kpi) => [kpi.id, kpi]))),
      ),
    [state, catalogue],
  );
  return (
    <>
      <h1>Goals</h1>
      <GoalFilterBar />
      <div className="panel-grid">
        <GoalTablePanel rows={rows} />
        <GoalChartPanel rows={rows} />
        <PlannerPanel />
      </div>
    </>
  );
}
