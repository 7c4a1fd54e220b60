/**
 * Customer tenure as a survival curve: from acquisition to the end of the
 * first stretch as a customer (the event), censored at the as-of date for
 * customers still active. Durations are in days; the curve is Kaplan–Meier.
 */
import type { Store } from '../store/store.js';
import type { MetricQuery } from './compute-metrics.js';
import { withMetricSession } from './metric-session.js';
import { computeKaplanMeier, type KaplanMeierCurve } from './kaplan-meier.js';

export type SurvivalReport = KaplanMeierCurve & {
  customers: number;
  events: number;
  censored: number;
};

/** Customers acquired in the query's periods (and matching its filters). */
export async function computeSurvival(store: Store, query: MetricQuery): Promise<SurvivalReport> {
  const rows = await withMetricSession(store, query, (session) =>
    session.select<{ days: number; is_event: boolean }>(
      ['customerFacts'],
      ({ tables, asOfUtc }, filter) => {
        const asOf = `TIMESTAMP '${asOfUtc}'`;
        return `
        SELECT EXTRACT(EPOCH FROM (CASE WHEN c.first_end IS NOT NULL AND c.first_end <= ${asOf} THEN c.first_end ELSE ${asOf} END
                                   - c.acquired_at)) / 86400.0 AS days,
               (c.first_end IS NOT NULL AND c.first_end <= ${asOf}) AS is_event
        FROM (SELECT cf.*, CAST(NULL AS TEXT) AS rep_id, CAST(NULL AS TEXT) AS channel FROM ${tables.customerFacts} cf) c
        JOIN (SELECT min(period_start) AS first_start, max(period_end) AS last_end FROM ${tables.periods}) range
          ON c.acquired_at >= range.first_start AND c.acquired_at < range.last_end AND c.acquired_at < ${asOf}
        ${filter.joins}
        WHERE ${filter.where}`;
      },
    ),
  );
  const durations = rows.map((row) => Number(row.days));
  const events = rows.map((row) => row.is_event === true);
  const curve = computeKaplanMeier(durations, events);
  const eventCount = events.filter(Boolean).length;
  return {
    ...curve,
    customers: rows.length,
    events: eventCount,
    censored: rows.length - eventCount,
  };
}
