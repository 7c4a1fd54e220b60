/** Adding a goal from the CLI or the API: the KPI must exist and a team or rep goal must say whose it is. */
import { randomUUID } from 'node:crypto';
import { RetainError } from '../domain/errors.js';
import { findKpi } from '../metrics/registry.js';
import { bumpDataVersion } from '../store/data-version.js';
import type { Store } from '../store/store.js';
import { parsePlanPeriod } from './parse-plan-period.js';

export type NewGoal = {
  metric: string;
  target: string;
  period: string;
  scope: string;
  scopeId?: string | undefined;
};

export async function addGoal(store: Store, goal: NewGoal): Promise<string> {
  if (!findKpi(goal.metric)) {
    throw new RetainError('UNKNOWN_METRIC', `"${goal.metric}" is not a KPI Retain computes.`, {
      hint: 'retain metrics --list shows the ids.',
    });
  }
  const target = Number(goal.target);
  if (!Number.isFinite(target))
    throw new RetainError('INVALID_ARGUMENT', `--target ${goal.target} is not a number.`, {
      hint: 'Rates are fractions: 0.01 for 1 %.',
    });
  if (goal.scope !== 'company' && !goal.scopeId) {
    throw new RetainError('INVALID_ARGUMENT', `A ${goal.scope} goal needs --scope-id.`, {
      hint: 'Give the team name or the rep id.',
    });
  }
  const window = parsePlanPeriod(goal.period);
  const id = `goal_${randomUUID().slice(0, 8)}`;
  await store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO goals (id, metric, scope, scope_id, period_start, period_end, target)
       VALUES ($1, $2, $3, $4, CAST($5 AS DATE), CAST($6 AS DATE), CAST($7 AS DECIMAL(18, 6)))`,
      [
        id,
        goal.metric,
        goal.scope,
        goal.scope === 'company' ? null : (goal.scopeId ?? null),
        window.start,
        window.end,
        goal.target,
      ],
    );
    await bumpDataVersion(tx);
  });
  return id;
}
