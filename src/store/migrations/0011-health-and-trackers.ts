/**
 * Schema version 11: what the watch capabilities compute and keep (issue
 * #5). `health_scores` holds one snapshot per as-of date of every scored
 * customer (`retain risk --store`), so the alert rules can tell a crossing
 * into at-risk from a customer who stays there, and a person can see what
 * changed since last week. `tracker_hits` holds every keyword-tracker match
 * in a conversation (`retain trackers scan` rewrites it whole), and
 * `tracker_scans` when that ran and with which trackers. Scores are doubles:
 * they are model outputs compared with thresholds, never money.
 */
export const healthAndTrackers = {
  version: 11,
  name: 'health snapshots and keyword-tracker hits',
  statements: [
    `CREATE TABLE health_scores (
      as_of DATE NOT NULL, customer_id TEXT NOT NULL, health DOUBLE PRECISION NOT NULL,
      at_risk BOOLEAN NOT NULL, risk_probability DOUBLE PRECISION, reasons {json} NOT NULL,
      computed_at TIMESTAMP NOT NULL, PRIMARY KEY (as_of, customer_id))`,
    `CREATE TABLE tracker_hits (
      conversation_id TEXT NOT NULL, tracker TEXT NOT NULL, phrase TEXT NOT NULL,
      matched TEXT NOT NULL, speaker TEXT, is_rep_speaking BOOLEAN, snippet TEXT NOT NULL,
      position INTEGER NOT NULL, occurred_at TIMESTAMP NOT NULL, customer_id TEXT, deal_id TEXT,
      lead_id TEXT, rep_id TEXT, PRIMARY KEY (conversation_id, tracker, position))`,
    `CREATE TABLE tracker_scans (
      id TEXT PRIMARY KEY, scanned_at TIMESTAMP NOT NULL, conversations INTEGER NOT NULL,
      hits INTEGER NOT NULL, trackers {json} NOT NULL)`,
  ],
} as const;
