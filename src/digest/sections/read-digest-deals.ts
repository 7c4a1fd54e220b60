/**
 * The deals the prospect sections look at, as of the digest date: deals
 * open then, and deals lost in the week before. Amounts come from the KPI
 * engine's deals block (converted to the reporting currency at the rate of
 * the day they closed, or were created while open), with the win
 * probability that weights pipeline; activity comes from `activities`.
 */
import type { MetricCache } from '../../metrics/metric-cache.js';
import { withMetricSession } from '../../metrics/metric-session.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { toSqlStringLiteral } from '../../store/sql-dialect.js';
import type { Store } from '../../store/store.js';
import { addDays, toInstant } from '../digest-dates.js';
import type { DigestDeal } from '../digest.js';

/** Days without activity after which an open deal is stalled; also the "recent activity" window. */
export const STALL_DAYS = 14;
export const LOST_DAYS = 7;

export type DealRow = DigestDeal & {
  status: 'open' | 'lost';
  created_at: string;
  closed_at: string | null;
  lost_reason: string | null;
  competitor: string | null;
};

export async function readDigestDeals(
  store: Store,
  date: string,
  cache?: MetricCache,
): Promise<DealRow[]> {
  const query = await parseMetricRequest(store, {
    metrics: ['win_rate'],
    grain: 'day',
    from: addDays(date, -1),
    to: date,
    asOf: toInstant(date),
  });
  const at = (day: string) => `CAST(${toSqlStringLiteral(`${day} 00:00:00`)} AS TIMESTAMP)`;
  const today = at(date);
  return withMetricSession(
    store,
    query,
    (session) =>
      session.select<DealRow>(
        ['deals'],
        (context) =>
          `SELECT d.id, src.name, d.owner_rep_id, r.name AS owner_name, d.customer_id, d.stage,
                  CASE WHEN d.status = 'lost' AND d.closed_at < ${today} THEN 'lost' ELSE 'open' END AS status,
                  CAST(d.amount AS DOUBLE PRECISION) AS amount, d.win_probability,
                  d.created_at, d.closed_at, d.expected_close_at, src.lost_reason, src.competitor,
                  a.last_activity_at, coalesce(a.recent, 0) AS recent_activities
           FROM ${context.tables.deals} d
           JOIN deals src ON src.id = d.id
           LEFT JOIN reps r ON r.id = d.owner_rep_id
           LEFT JOIN (
             SELECT deal_id, max(occurred_at) AS last_activity_at,
                    sum(CASE WHEN occurred_at >= ${at(addDays(date, -STALL_DAYS))} THEN 1 ELSE 0 END) AS recent
             FROM activities WHERE deal_id IS NOT NULL AND occurred_at < ${today}
             GROUP BY deal_id
           ) a ON a.deal_id = d.id
           WHERE d.created_at < ${today}
             AND (d.status = 'open' OR d.closed_at >= ${today}
                  OR (d.status = 'lost' AND d.closed_at >= ${at(addDays(date, -LOST_DAYS))}))
           ORDER BY d.id`,
      ),
    cache,
  );
}
