/**
 * One customer's stored health snapshots (`retain risk --store`), newest
 * first, for the customer page: the latest with its reasons, and the scores
 * before it, so a person sees how the health moved and why.
 */
import type { Store } from '../../store/store.js';

export type HealthSnapshot = {
  as_of: string;
  health: number;
  at_risk: boolean;
  risk_probability: number | null;
  reasons: { reason: string; contribution: number }[];
};

type Row = Omit<HealthSnapshot, 'reasons'> & { reasons: string };

export async function readHealthHistory(
  store: Store,
  customerId: string,
  asOfDate: string,
  limit: number,
): Promise<HealthSnapshot[]> {
  const rows = await store.query<Row>(
    `SELECT CAST(as_of AS TEXT) AS as_of, health, at_risk, risk_probability, CAST(reasons AS TEXT) AS reasons
     FROM health_scores WHERE customer_id = $1 AND as_of <= CAST($2 AS DATE)
     ORDER BY as_of DESC LIMIT ${Math.trunc(limit)}`,
    [customerId, asOfDate],
  );
  return rows.map((row) => ({
    ...row,
    reasons: JSON.parse(row.reasons) as HealthSnapshot['reasons'],
  }));
}
