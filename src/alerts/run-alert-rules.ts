/**
 * One alert run: every rule looks at the store as of a date, and what it
 * finds becomes an alert unless an alert with the same dedupe key exists, so
 * running twice (or every hour) never duplicates one. Each new alert owes a
 * delivery to every enabled channel, queued in the same transaction as the
 * alert, so an alert is never raised without its deliveries.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createMetricCache, type MetricCache } from '../metrics/metric-cache.js';
import type { Store } from '../store/store.js';
import { FOLLOW_UP_WORKING_DAYS, type Alert, type AlertCandidate } from './alert.js';
import { findAlertOrThrow } from './alert-log.js';
import { findAtRiskCrossings } from './rules/at-risk-crossing.js';
import { findExpiringCards } from './rules/card-expiring.js';
import { findGoalsBehindPace } from './rules/goal-behind-pace.js';
import { findTrackerHits } from './rules/tracker-fired.js';
import { describeUnfilledTable } from './source-tables.js';
import { toIsoDate, toSqlTimestamp } from '../store/sql-time.js';
import { addWorkingDays } from './working-days.js';

export type AlertRunOptions = {
  /** The moment the rules look at the data as of. */
  readonly asOf: Date;
  /** The clock: when the alerts are raised. */
  readonly now: Date;
  readonly cache?: MetricCache | undefined;
};

export type AlertRunReport = {
  /** Alerts new in this run, in rule order. */
  raised: Alert[];
  /** Candidates the rules found, new or already raised before. */
  found: number;
  /** Rules that could not run, and what to do about it. */
  skipped: string[];
  /** The health snapshot the at-risk rule looked at. */
  health_snapshot: string | null;
};

type PreviousRun = { as_of: string; health_as_of: string | null };

export async function runAlertRules(
  store: Store,
  options: AlertRunOptions,
): Promise<AlertRunReport> {
  const cache = options.cache ?? createMetricCache();
  const [previous] = await store.query<PreviousRun>(
    `SELECT as_of, CAST(health_as_of AS TEXT) AS health_as_of FROM alert_runs ORDER BY ran_at DESC, id DESC LIMIT 1`,
  );
  const atRisk = await findAtRiskCrossings(store, options.asOf, previous?.health_as_of ?? null);
  const trackers = await findTrackerHits(
    store,
    options.asOf,
    previous ? new Date(previous.as_of) : undefined,
  );
  const candidates = [
    ...atRisk.candidates,
    ...(await findExpiringCards(store, options.asOf, cache)),
    ...trackers.candidates,
    ...(await findGoalsBehindPace(store, options.asOf, cache)),
  ];
  const skipped = [
    ...(atRisk.isUnfilled ? [`At-risk crossings: ${describeUnfilledTable('health_scores')}`] : []),
    ...(trackers.isUnfilled ? [`Tracker hits: ${describeUnfilledTable('tracker_hits')}`] : []),
  ];
  const raised = await store.transaction(async (tx) => {
    const ids: string[] = [];
    for (const candidate of candidates) {
      const id = await insertAlert(tx, candidate, options);
      if (id !== undefined) ids.push(id);
    }
    await tx.query(
      `INSERT INTO alert_runs (id, ran_at, as_of, health_as_of, raised)
       VALUES ($1, CAST($2 AS TIMESTAMP), CAST($3 AS TIMESTAMP), CAST($4 AS DATE), $5)`,
      [
        randomUUID(),
        toSqlTimestamp(options.now),
        toSqlTimestamp(options.asOf),
        atRisk.snapshot,
        ids.length,
      ],
    );
    const alerts: Alert[] = [];
    for (const id of ids) alerts.push(await findAlertOrThrow(tx, id));
    return alerts;
  });
  return { raised, found: candidates.length, skipped, health_snapshot: atRisk.snapshot };
}

/** Alert ids come from the dedupe key: short, stable, and the same on every engine. */
export function toAlertId(dedupeKey: string): string {
  return `al_${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 10)}`;
}

/** Inserts the alert and queues its deliveries; undefined when the dedupe key was already raised. */
async function insertAlert(
  tx: Store,
  candidate: AlertCandidate,
  options: AlertRunOptions,
): Promise<string | undefined> {
  const asOfDate = toIsoDate(options.asOf);
  const now = toSqlTimestamp(options.now);
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO alerts (id, dedupe_key, kind, subject_kind, subject_id, assignee_rep_id, title, detail,
                         task, task_due, state, as_of, raised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CAST($10 AS DATE), 'open', CAST($11 AS DATE), CAST($12 AS TIMESTAMP))
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      toAlertId(candidate.dedupe_key),
      candidate.dedupe_key,
      candidate.kind,
      candidate.subject_kind,
      candidate.subject_id,
      candidate.assignee_rep_id,
      candidate.title,
      JSON.stringify(candidate.detail),
      candidate.task,
      addWorkingDays(asOfDate, FOLLOW_UP_WORKING_DAYS[candidate.kind]),
      asOfDate,
      now,
    ],
  );
  const id = inserted[0]?.id;
  if (id === undefined) return undefined;
  await tx.query(
    `INSERT INTO alert_deliveries (alert_id, channel_id, status, attempts, next_attempt_at, created_at)
     SELECT $1, id, 'pending', 0, CAST($2 AS TIMESTAMP), CAST($2 AS TIMESTAMP)
     FROM delivery_channels WHERE enabled`,
    [id, now],
  );
  return id;
}
