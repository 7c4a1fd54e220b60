/**
 * The retention matrix: customers grouped by the period they were acquired
 * in (the cohort), and for each later period the share still active at its
 * end, by count (logos) or by MRR relative to the cohort's MRR at the end of
 * its first period (revenue, which can pass 100 % with expansion).
 */
import type { Store } from '../store/store.js';
import type { MetricQuery } from './compute-metrics.js';
import type { MetricCache } from './metric-cache.js';
import { withMetricSession } from './metric-session.js';

export type CohortBasis = 'logos' | 'revenue';

export type CohortRow = {
  /** First day of the acquisition period. */
  cohort: string;
  /** Customers acquired in it. */
  customers: number;
  /** What 100 % means: customers (logos) or MRR at the end of the first period (revenue). */
  base: number;
  /** Offset 0, 1, 2 … periods after acquisition; null where the base is 0. */
  retention: (number | null)[];
};

export type CohortMatrix = { grain: string; basis: CohortBasis; cohorts: CohortRow[] };

export async function computeCohorts(
  store: Store,
  query: MetricQuery,
  basis: CohortBasis,
  cache?: MetricCache,
): Promise<CohortMatrix> {
  const rows = await withMetricSession(
    store,
    query,
    (session) =>
      session.select<{
        cohort_start: string;
        period_start: string;
        cohort_size: number;
        active: number;
        mrr: string | null;
      }>(
        ['customerFacts', 'customerPeriods'],
        ({ tables }, filter) => `
        WITH cohort AS (
          SELECT c.customer_id, p.period_start AS cohort_start
          FROM (SELECT cf.customer_id, cf.acquired_at, CAST(NULL AS TEXT) AS rep_id, CAST(NULL AS TEXT) AS channel
                FROM ${tables.customerFacts} cf) c
          JOIN ${tables.periods} p ON c.acquired_at >= p.period_start AND c.acquired_at < p.period_end
          ${filter.joins}
          WHERE ${filter.where}
        ),
        sizes AS (SELECT cohort_start, count(*) AS cohort_size FROM cohort GROUP BY cohort_start)
        SELECT co.cohort_start, cp.period_start, s.cohort_size,
               count(CASE WHEN cp.is_active_end THEN 1 END) AS active,
               sum(CASE WHEN cp.is_active_end THEN cp.mrr_end ELSE 0 END) AS mrr
        FROM cohort co
        JOIN sizes s ON s.cohort_start = co.cohort_start
        JOIN ${tables.customerPeriods} cp ON cp.customer_id = co.customer_id AND cp.period_start >= co.cohort_start
        GROUP BY co.cohort_start, cp.period_start, s.cohort_size`,
      ),
    cache,
  );
  const starts = query.periods.map((period) => period.startUtc);
  const indexOf = (iso: string) => starts.indexOf(iso.replace('T', ' ').replace(/Z$/, ''));
  const cohorts = new Map<
    number,
    { customers: number; cells: Map<number, { active: number; mrr: number }> }
  >();
  for (const row of rows) {
    const cohortIndex = indexOf(row.cohort_start);
    const entry = cohorts.get(cohortIndex) ?? {
      customers: Number(row.cohort_size),
      cells: new Map(),
    };
    entry.cells.set(indexOf(row.period_start) - cohortIndex, {
      active: Number(row.active),
      mrr: Number(row.mrr ?? 0),
    });
    cohorts.set(cohortIndex, entry);
  }
  return {
    grain: query.grain,
    basis,
    cohorts: [...cohorts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([cohortIndex, { customers, cells }]) => {
        const base = basis === 'logos' ? customers : (cells.get(0)?.mrr ?? 0);
        const offsets = query.periods.length - cohortIndex;
        return {
          cohort: query.periods[cohortIndex]?.startDate ?? '',
          customers,
          base,
          retention: Array.from({ length: offsets }, (_, offset) => {
            const cell = cells.get(offset) ?? { active: 0, mrr: 0 };
            const kept = basis === 'logos' ? cell.active : cell.mrr;
            return base === 0 ? null : kept / base;
          }),
        };
      }),
  };
}
