/**
 * The two tables alerts and the digest read but other capabilities write
 * (health_scores by `retain risk --store`, tracker_hits by `retain trackers
 * scan`), created with exactly their owners' DDL when a store lacks them,
 * and rows put in them by hand for fixtures.
 */
import { hasTable } from '../../src/alerts/source-tables.js';
import type { Store } from '../../src/store/store.js';

const HEALTH_SCORES_DDL = `CREATE TABLE health_scores (as_of DATE NOT NULL, customer_id TEXT NOT NULL, health DOUBLE PRECISION NOT NULL, at_risk BOOLEAN NOT NULL, risk_probability DOUBLE PRECISION, reasons JSON NOT NULL, PRIMARY KEY (as_of, customer_id))`;
const TRACKER_HITS_DDL = `CREATE TABLE tracker_hits (conversation_id TEXT NOT NULL, tracker TEXT NOT NULL, phrase TEXT NOT NULL, speaker TEXT, snippet TEXT NOT NULL, occurred_at TIMESTAMP NOT NULL, customer_id TEXT, deal_id TEXT, lead_id TEXT, rep_id TEXT, PRIMARY KEY (conversation_id, tracker, phrase, snippet))`;

export type HealthRow = {
  as_of: string;
  customer_id: string;
  health: number;
  at_risk: boolean;
  risk_probability?: number | null;
  reasons?: readonly { reason: string; contribution: number }[];
};

export type TrackerHitRow = {
  conversation_id: string;
  tracker: string;
  phrase: string;
  snippet: string;
  occurred_at: string;
  customer_id?: string | null;
  rep_id?: string | null;
  speaker?: string | null;
};

export async function insertHealthScores(store: Store, rows: readonly HealthRow[]): Promise<void> {
  if (!(await hasTable(store, 'health_scores'))) await store.query(HEALTH_SCORES_DDL);
  for (const row of rows) {
    await store.query(
      `INSERT INTO health_scores (as_of, customer_id, health, at_risk, risk_probability, reasons)
       VALUES (CAST($1 AS DATE), $2, $3, $4, $5, CAST($6 AS JSON))`,
      [
        row.as_of,
        row.customer_id,
        row.health,
        row.at_risk,
        row.risk_probability ?? null,
        JSON.stringify(row.reasons ?? []),
      ],
    );
  }
}

export async function insertTrackerHits(
  store: Store,
  rows: readonly TrackerHitRow[],
): Promise<void> {
  if (!(await hasTable(store, 'tracker_hits'))) await store.query(TRACKER_HITS_DDL);
  for (const row of rows) {
    await store.query(
      `INSERT INTO tracker_hits (conversation_id, tracker, phrase, speaker, snippet, occurred_at, customer_id, rep_id)
       VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP), $7, $8)`,
      [
        row.conversation_id,
        row.tracker,
        row.phrase,
        row.speaker ?? null,
        row.snippet,
        row.occurred_at,
        row.customer_id ?? null,
        row.rep_id ?? null,
      ],
    );
  }
}
