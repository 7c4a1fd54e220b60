/**
 * The customers at risk in one health snapshot, each with the snapshot its
 * current at-risk stretch began in: the first at-risk snapshot after the
 * last one where the customer was healthy. The alert rule raises on a new
 * stretch; the digest lists the stretches that began in the latest snapshot
 * as newly at risk.
 */
import type { SqlValue, Store } from '../store/store.js';
import { parseHealthReasons, type HealthReason } from './health-reasons.js';

export type AtRiskCustomer = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  owner_name: string | null;
  health: number;
  risk_probability: number | null;
  reasons: HealthReason[];
  /** The snapshot the current at-risk stretch began in. */
  since: string;
};

type Row = Omit<AtRiskCustomer, 'reasons'> & { reasons: string | null };

/** The latest snapshot on or before `asOfDate`, or null when there is none. */
export async function findLatestSnapshot(store: Store, asOfDate: string): Promise<string | null> {
  const [row] = await store.query<{ as_of: string | null }>(
    `SELECT CAST(max(as_of) AS TEXT) AS as_of FROM health_scores WHERE as_of <= CAST($1 AS DATE)`,
    [asOfDate],
  );
  return row?.as_of ?? null;
}

/** The snapshot before `snapshot`, or null. */
export async function findSnapshotBefore(store: Store, snapshot: string): Promise<string | null> {
  const [row] = await store.query<{ as_of: string | null }>(
    `SELECT CAST(max(as_of) AS TEXT) AS as_of FROM health_scores WHERE as_of < CAST($1 AS DATE)`,
    [snapshot],
  );
  return row?.as_of ?? null;
}

/**
 * At-risk customers of `snapshot`, least healthy first; `ownerFilter` (SQL
 * over `c.owner_rep_id`, parameters numbered from 2) narrows them to a book.
 */
export async function readAtRiskCustomers(
  store: Store,
  snapshot: string,
  ownerFilter: { sql: string; params: SqlValue[] } = { sql: 'TRUE', params: [] },
): Promise<AtRiskCustomer[]> {
  const rows = await store.query<Row>(
    `WITH latest AS (
       SELECT customer_id, health, risk_probability, CAST(reasons AS TEXT) AS reasons
       FROM health_scores WHERE as_of = CAST($1 AS DATE) AND at_risk
     ),
     last_healthy AS (
       SELECT h.customer_id, max(h.as_of) AS as_of
       FROM health_scores h JOIN latest l ON l.customer_id = h.customer_id
       WHERE NOT h.at_risk AND h.as_of < CAST($1 AS DATE)
       GROUP BY h.customer_id
     ),
     stretch AS (
       SELECT h.customer_id, min(h.as_of) AS since
       FROM health_scores h
       JOIN latest l ON l.customer_id = h.customer_id
       LEFT JOIN last_healthy o ON o.customer_id = h.customer_id
       WHERE h.at_risk AND h.as_of <= CAST($1 AS DATE) AND (o.as_of IS NULL OR h.as_of > o.as_of)
       GROUP BY h.customer_id
     )
     SELECT l.customer_id, c.name, c.owner_rep_id, r.name AS owner_name, l.health, l.risk_probability,
            l.reasons, CAST(s.since AS TEXT) AS since
     FROM latest l
     JOIN stretch s ON s.customer_id = l.customer_id
     LEFT JOIN customers c ON c.id = l.customer_id
     LEFT JOIN reps r ON r.id = c.owner_rep_id
     WHERE ${ownerFilter.sql}
     ORDER BY l.health, l.customer_id`,
    [snapshot, ...ownerFilter.params],
  );
  return rows.map((row) => ({ ...row, reasons: parseHealthReasons(row.reasons) }));
}
