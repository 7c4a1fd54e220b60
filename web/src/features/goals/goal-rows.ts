/**
 * Goals as the page shows them: the KPI's title, whom the goal is for, each
 * figure formatted in the KPI's own unit, and the status in words and tone.
 */
import type { BadgeTone } from '../../components/badge-tone.js';
import type { GoalProgress, GoalStatus, Kpi } from '../../lib/api-types.js';
import { formatCount, formatKpiValue } from '../../lib/format.js';

export const GOAL_STATUS_LABELS: Readonly<Record<GoalStatus, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
  unknown_metric: 'Unknown KPI',
};

export const GOAL_STATUS_TONES: Readonly<Record<GoalStatus, BadgeTone>> = {
  on_track: 'good',
  at_risk: 'warn',
  off_track: 'bad',
  no_data: 'neutral',
  unknown_metric: 'neutral',
};

export type GoalRow = {
  goal: GoalProgress;
  title: string;
  /** company, team Team North, rep rep_002. */
  scope: string;
  format: (value: number | null) => string;
};

export function buildGoalRows(
  goals: readonly GoalProgress[],
  kpis: ReadonlyMap<string, Kpi>,
): GoalRow[] {
  return goals.map((goal) => {
    const kpi = kpis.get(goal.metric);
    return {
      goal,
      title: kpi?.title ?? goal.metric,
      scope: goal.scope_id === null ? goal.scope : `${goal.scope} ${goal.scope_id}`,
      // A goal on a KPI the catalogue lacks (status unknown_metric) still shows its target.
      format: (value) => (kpi ? formatKpiValue(value, kpi) : formatCount(value)),
    };
  });
}
