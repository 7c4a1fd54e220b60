/**
 * Sends the deliveries that are due, records every attempt, and schedules
 * the failed ones again with backoff. Everything lives in the store, so a
 * process that dies mid-run loses nothing: the next `retain alerts deliver`
 * picks up whatever is still pending. Delivery is at least once (a crash
 * after sending and before recording sends again), which is why webhooks
 * carry X-Retain-Delivery for the receiver to drop repeats.
 */
import type { Store } from '../../store/store.js';
import { findAlertOrThrow } from '../alert-log.js';
import type { DeliveryChannel } from '../channels.js';
import { toSqlTimestamp } from '../../store/sql-time.js';
import { buildAlertMessage, type Assignee } from './alert-message.js';
import type { DeliveryPolicy } from './delivery-policy.js';
import { sendToChannel } from './send-to-channel.js';

export type DeliveryOutcome = {
  alert_id: string;
  channel_id: string;
  attempt: number;
  status: 'sent' | 'pending' | 'failed';
  error: string | null;
};

export type DeliveryReport = {
  /** Every attempt of this run, in order. */
  attempts: DeliveryOutcome[];
  sent: number;
  /** Deliveries that used up their attempts in this run (kept as failed, with the last error). */
  failed: number;
  /** Deliveries still waiting for a retry after this run. */
  pending: number;
};

type DueRow = {
  alert_id: string;
  attempts: number;
  channel_id: string;
  kind: DeliveryChannel['kind'];
  target: string;
  secret: string | null;
  enabled: boolean;
  created_at: string;
};

export async function deliverAlerts(store: Store, policy: DeliveryPolicy): Promise<DeliveryReport> {
  const attempts: DeliveryOutcome[] = [];
  const deadline = policy.now().getTime() + policy.maxWaitMs;
  for (;;) {
    const due = await readDue(store, policy.now());
    for (const row of due) attempts.push(await attempt(store, row, policy));
    const next = await readNextRetry(store);
    if (next === undefined || next.getTime() > deadline) break;
    const waitMs = next.getTime() - policy.now().getTime();
    // Nothing was due and the next retry is not ahead: another process owns it; stop.
    if (due.length === 0 && waitMs <= 0) break;
    if (waitMs > 0) await policy.sleep(waitMs);
  }
  const [{ pending } = { pending: 0 }] = await store.query<{ pending: number }>(
    `SELECT count(*) AS pending FROM alert_deliveries WHERE status = 'pending'`,
  );
  return {
    attempts,
    sent: attempts.filter((outcome) => outcome.status === 'sent').length,
    failed: attempts.filter((outcome) => outcome.status === 'failed').length,
    pending,
  };
}

function readDue(store: Store, now: Date): Promise<DueRow[]> {
  return store.query<DueRow>(
    `SELECT d.alert_id, d.attempts, c.id AS channel_id, c.kind, c.target, c.secret, c.enabled, c.created_at
     FROM alert_deliveries d JOIN delivery_channels c ON c.id = d.channel_id
     WHERE d.status = 'pending' AND c.enabled AND d.next_attempt_at <= CAST($1 AS TIMESTAMP)
     ORDER BY d.next_attempt_at, d.alert_id, d.channel_id`,
    [toSqlTimestamp(now)],
  );
}

async function readNextRetry(store: Store): Promise<Date | undefined> {
  const [row] = await store.query<{ next: string | null }>(
    `SELECT min(d.next_attempt_at) AS next
     FROM alert_deliveries d JOIN delivery_channels c ON c.id = d.channel_id
     WHERE d.status = 'pending' AND c.enabled`,
  );
  return row?.next ? new Date(row.next) : undefined;
}

async function attempt(
  store: Store,
  row: DueRow,
  policy: DeliveryPolicy,
): Promise<DeliveryOutcome> {
  const alert = await findAlertOrThrow(store, row.alert_id);
  const assignee = alert.assignee_rep_id
    ? await readAssignee(store, alert.assignee_rep_id)
    : undefined;
  const channel: DeliveryChannel = {
    id: row.channel_id,
    kind: row.kind,
    target: row.target,
    secret: row.secret,
    enabled: row.enabled,
    created_at: row.created_at,
  };
  let error: string | null = null;
  try {
    await sendToChannel(
      channel,
      alert,
      buildAlertMessage(alert, assignee),
      assignee,
      policy.timeoutMs,
    );
  } catch (cause: unknown) {
    // The boundary of a delivery: its failure is data to record and retry, not a crash.
    error = cause instanceof Error ? cause.message : String(cause);
  }
  const number = row.attempts + 1;
  const attemptedAt = policy.now();
  const status = error === null ? 'sent' : number >= policy.maxAttempts ? 'failed' : 'pending';
  const nextAttempt =
    status === 'pending' ? new Date(attemptedAt.getTime() + policy.backoffMs(number)) : null;
  await store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO alert_delivery_attempts (alert_id, channel_id, attempt, attempted_at, is_success, error)
       VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), $5, $6)`,
      [row.alert_id, row.channel_id, number, toSqlTimestamp(attemptedAt), error === null, error],
    );
    await tx.query(
      `UPDATE alert_deliveries
       SET status = $3, attempts = $4, last_error = $5,
           next_attempt_at = CAST($6 AS TIMESTAMP), sent_at = CAST($7 AS TIMESTAMP)
       WHERE alert_id = $1 AND channel_id = $2`,
      [
        row.alert_id,
        row.channel_id,
        status,
        number,
        error,
        nextAttempt ? toSqlTimestamp(nextAttempt) : null,
        status === 'sent' ? toSqlTimestamp(attemptedAt) : null,
      ],
    );
  });
  return { alert_id: row.alert_id, channel_id: row.channel_id, attempt: number, status, error };
}

async function readAssignee(store: Store, repId: string): Promise<Assignee> {
  const [rep] = await store.query<Assignee>(`SELECT id, name, email FROM reps WHERE id = $1`, [
    repId,
  ]);
  return rep ?? { id: repId, name: null, email: null };
}
