/**
 * A goal falling behind pace (issue #6): every current goal whose progress
 * status is at risk or off track. The assignee is whoever answers for the
 * goal: the rep for a rep goal, the team's manager for a team goal, nobody in
 * particular (admins see it) for a company goal.
 */
import { computeGoalProgress, type GoalProgress } from '../../goals/goal-progress.js';
import type { MetricCache } from '../../metrics/metric-cache.js';
import type { Store } from '../../store/store.js';
import type { AlertCandidate } from '../alert.js';

const BEHIND: ReadonlySet<GoalProgress['status']> = new Set(['at_risk', 'off_track']);

export async function findGoalsBehindPace(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
): Promise<AlertCandidate[]> {
  const progress = await computeGoalProgress(store, { asOf, cache });
  const managers = await readTeamManagers(store);
  return progress
    .filter((goal) => BEHIND.has(goal.status))
    .map((goal) => toCandidate(goal, assigneeOf(goal, managers)));
}

function assigneeOf(goal: GoalProgress, managers: ReadonlyMap<string, string>): string | null {
  if (goal.scope === 'rep') return goal.scope_id;
  if (goal.scope === 'team' && goal.scope_id) return managers.get(goal.scope_id) ?? null;
  return null;
}

/** Each team's manager; with several, the first by id, so the choice is stable. */
async function readTeamManagers(store: Store): Promise<Map<string, string>> {
  const rows = await store.query<{ team: string; id: string }>(
    `SELECT team, min(id) AS id FROM reps WHERE role = 'manager' AND team IS NOT NULL GROUP BY team`,
  );
  return new Map(rows.map((row) => [row.team, row.id]));
}

function toCandidate(goal: GoalProgress, assignee: string | null): AlertCandidate {
  const who = goal.scope === 'company' ? 'company' : `${goal.scope} ${goal.scope_id ?? ''}`;
  const status = goal.status === 'off_track' ? 'off track' : 'at risk';
  return {
    kind: 'goal_behind',
    subject_kind: 'goal',
    subject_id: goal.id,
    assignee_rep_id: assignee,
    // One alert per goal and period: a goal that slips again later is the same story.
    dedupe_key: `goal_behind:${goal.id}:${goal.period_start}`,
    title: `Goal ${goal.metric} (${who}) is ${status}: projected ${formatNumber(goal.projected)} against ${formatNumber(goal.target)}`,
    task: `Make a plan to bring ${goal.metric} (${who}) back on pace before ${goal.period_end}.`,
    detail: { ...goal },
  };
}

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  return Math.abs(value) >= 100
    ? value.toLocaleString('en-US', { maximumFractionDigits: 0 })
    : value.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}
