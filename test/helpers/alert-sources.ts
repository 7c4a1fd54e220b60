/**
 * Rows put by hand in the tables alerts and the digest read but other
 * capabilities fill (health_scores by `retain risk --store`, tracker_hits by
 * `retain trackers scan`), for fixtures that need exact scores or hits.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/store/store.js';

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
  for (const row of rows) {
    await store.query(
      `INSERT INTO health_scores (as_of, customer_id, health, at_risk, risk_probability, reasons, computed_at)
       VALUES (CAST($1 AS DATE), $2, $3, $4, $5, CAST($6 AS JSON), CAST($1 AS TIMESTAMP))`,
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

/** Inserts hits as a scan would, and records the scan, so readers see the tracker table as filled. */
export async function insertTrackerHits(
  store: Store,
  rows: readonly TrackerHitRow[],
): Promise<void> {
  for (const [position, row] of rows.entries()) {
    await store.query(
      `INSERT INTO tracker_hits (conversation_id, tracker, phrase, matched, speaker, snippet, position,
                                 occurred_at, customer_id, rep_id)
       VALUES ($1, $2, $3, $3, $4, $5, $6, CAST($7 AS TIMESTAMP), $8, $9)`,
      [
        row.conversation_id,
        row.tracker,
        row.phrase,
        row.speaker ?? null,
        row.snippet,
        position,
        row.occurred_at,
        row.customer_id ?? null,
        row.rep_id ?? null,
      ],
    );
  }
  await store.query(
    `INSERT INTO tracker_scans (id, scanned_at, conversations, hits, trackers)
     VALUES ($1, CURRENT_TIMESTAMP, 0, $2, CAST('[]' AS JSON))`,
    [randomUUID(), rows.length],
  );
}
