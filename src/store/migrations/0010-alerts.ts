/**
 * Schema version 10: the alert log (issue #5, item 4). An alert is raised
 * once per dedupe key, so re-running the rules never duplicates one; each
 * alert owes one delivery per channel enabled when it was raised, and every
 * attempt at it is kept, so a failed delivery is retried and never lost.
 * `alert_runs` remembers what each run looked at (the health snapshot, the
 * as-of instant), which is how the next run tells a crossing from a repeat.
 */
export const alerts = {
  version: 10,
  name: 'alerts, deliveries and delivery channels',
  statements: [
    `CREATE TABLE alerts (
      id TEXT PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
      subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, assignee_rep_id TEXT,
      title TEXT NOT NULL, detail TEXT NOT NULL, task TEXT NOT NULL, task_due DATE NOT NULL,
      state TEXT NOT NULL, as_of DATE NOT NULL, raised_at TIMESTAMP NOT NULL,
      acknowledged_at TIMESTAMP, resolved_at TIMESTAMP)`,
    `CREATE TABLE delivery_channels (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, secret TEXT,
      enabled BOOLEAN NOT NULL, created_at TIMESTAMP NOT NULL)`,
    `CREATE TABLE alert_deliveries (
      alert_id TEXT NOT NULL, channel_id TEXT NOT NULL, status TEXT NOT NULL,
      attempts INTEGER NOT NULL, last_error TEXT, next_attempt_at TIMESTAMP,
      sent_at TIMESTAMP, created_at TIMESTAMP NOT NULL, PRIMARY KEY (alert_id, channel_id))`,
    `CREATE TABLE alert_delivery_attempts (
      alert_id TEXT NOT NULL, channel_id TEXT NOT NULL, attempt INTEGER NOT NULL,
      attempted_at TIMESTAMP NOT NULL, is_success BOOLEAN NOT NULL, error TEXT,
      PRIMARY KEY (alert_id, channel_id, attempt))`,
    `CREATE TABLE alert_runs (
      id TEXT PRIMARY KEY, ran_at TIMESTAMP NOT NULL, as_of TIMESTAMP NOT NULL,
      health_as_of DATE, raised INTEGER NOT NULL)`,
  ],
} as const;
