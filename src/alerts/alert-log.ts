/**
 * The alert log: reading alerts (filtered by state and by who may see them)
 * and moving them forward. States only advance: open → acknowledged →
 * resolved, or open → resolved; anything else is refused, so a resolved
 * alert cannot silently reopen and a second acknowledgement cannot move its
 * timestamp.
 */
import { RetainError } from '../domain/errors.js';
import type { SqlValue, Store } from '../store/store.js';
import type { Alert, AlertState } from './alert.js';
import { toSqlTimestamp } from '../store/sql-time.js';

/** A visibility rule as SQL over `a.assignee_rep_id`, parameters numbered from `first`. */
export type AlertScope = (first: number) => { sql: string; params: SqlValue[] };

export type AlertFilter = {
  readonly state?: AlertState | undefined;
  readonly scope?: AlertScope | undefined;
};

type AlertRow = Omit<Alert, 'detail'> & { detail: string };

const ALERT_COLUMNS = `a.id, a.dedupe_key, a.kind, a.subject_kind, a.subject_id, a.assignee_rep_id, a.title,
  a.detail, a.task, CAST(a.task_due AS TEXT) AS task_due, a.state, CAST(a.as_of AS TEXT) AS as_of,
  a.raised_at, a.acknowledged_at, a.resolved_at`;

export async function readAlerts(store: Store, filter: AlertFilter = {}): Promise<Alert[]> {
  const params: SqlValue[] = [];
  const where: string[] = [];
  if (filter.state) {
    params.push(filter.state);
    where.push(`a.state = $${params.length}`);
  }
  if (filter.scope) {
    const scope = filter.scope(params.length + 1);
    params.push(...scope.params);
    where.push(scope.sql);
  }
  const rows = await store.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.raised_at DESC, a.task_due, a.id`,
    params,
  );
  return rows.map(toAlert);
}

export async function findAlertOrThrow(
  store: Store,
  id: string,
  scope?: AlertScope,
): Promise<Alert> {
  const visible = scope?.(2) ?? { sql: 'TRUE', params: [] };
  const [row] = await store.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = $1 AND ${visible.sql}`,
    [id, ...visible.params],
  );
  if (!row) {
    throw new RetainError(
      'NOT_FOUND',
      `There is no alert ${id}${scope ? ' that you may see' : ''}.`,
      {
        hint: 'List the alerts with retain alerts list (or GET /api/alerts) and use an id from there.',
      },
    );
  }
  return toAlert(row);
}

export function acknowledgeAlert(store: Store, id: string, now: Date, scope?: AlertScope) {
  return advanceAlert(store, id, 'acknowledged', now, scope);
}

export function resolveAlert(store: Store, id: string, now: Date, scope?: AlertScope) {
  return advanceAlert(store, id, 'resolved', now, scope);
}

const NEXT_STATES: Readonly<Record<AlertState, readonly AlertState[]>> = {
  open: ['acknowledged', 'resolved'],
  acknowledged: ['resolved'],
  resolved: [],
};

async function advanceAlert(
  store: Store,
  id: string,
  to: 'acknowledged' | 'resolved',
  now: Date,
  scope: AlertScope | undefined,
): Promise<Alert> {
  return store.transaction(async (tx) => {
    const alert = await findAlertOrThrow(tx, id, scope);
    if (!NEXT_STATES[alert.state].includes(to)) {
      throw new RetainError('CONFLICT', `Alert ${id} is ${alert.state}; it cannot become ${to}.`, {
        hint:
          alert.state === 'resolved'
            ? 'A resolved alert stays resolved; the rule raises a new one if the situation recurs.'
            : 'Resolve it instead.',
      });
    }
    const column = to === 'acknowledged' ? 'acknowledged_at' : 'resolved_at';
    await tx.query(
      `UPDATE alerts SET state = $2, ${column} = CAST($3 AS TIMESTAMP) WHERE id = $1`,
      [id, to, toSqlTimestamp(now)],
    );
    return findAlertOrThrow(tx, id);
  });
}

function toAlert(row: AlertRow): Alert {
  return { ...row, detail: JSON.parse(row.detail) as Record<string, unknown> };
}
