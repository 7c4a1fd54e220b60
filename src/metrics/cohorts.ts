/**
 * The retention matrix: customers grouped by the period they were acquired
 * in (the cohort), and for each later period the share still active at its
 * end, by count (logos) or by MRR relative to the cohort's MRR at the end of
 * its first period (revenue, which can pass 100 % with expansion). Acquisition
 * and activity come from the engine's blocks, so a cohort counts exactly the
 * customers `new_customers` counts. With a breakdown, each segment value gets
 * its own matrix.
 */
import type { Store } from '../store/store.js';
import type { MetricQuery } from './compute-metrics.js';
import type { MetricCache } from './metric-cache.js';
import { withMetricSession } from './metric-session.js';
import type { Grain } from './periods.js';
import { compareSegments } from './segment-order.js';

export type CohortBasis = 'logos' | 'revenue';

export type CohortRow = {
  /** The breakdown column's value (null when not broken down, or the customer has none). */
  segment: string | null;
  /** First day of the acquisition period. */
  cohort_start: string;
  /** Customers acquired in it: what 100 % means by logos. */
  customers: number;
  /**
   * Their MRR at the end of the acquisition period, in the reporting currency:
   * what 100 % means by revenue. Null in orders-only workspaces, which have no MRR.
   */
  base_mrr: number | null;
  /** Offset 0, 1, 2 … periods after acquisition, as fractions; null where the base is 0. */
  retention: (number | null)[];
};

export type CohortMatrix = {
  grain: Grain;
  basis: CohortBasis;
  /** The breakdown column, or null. */
  by: string | null;
  /** By segment (nulls last), then by cohort. */
  cohorts: CohortRow[];
};

type CellRow = {
  segment: string | null;
  cohort_start: string;
  period_start: string;
  cohort_size: number;
  active: number;
  mrr: string | null;
};

type Cell = { active: number; mrr: number };

export async function computeCohorts(
  store: Store,
  query: MetricQuery,
  basis: CohortBasis,
  cache?: MetricCache,
): Promise<CohortMatrix> {
  const { rows, hasMrr } = await withMetricSession(
    store,
    query,
    async (session) => ({
      hasMrr: session.context.mode === 'subscriptions',
      rows: await session.select<CellRow>(
        ['customerFacts', 'customerPeriods'],
        ({ tables }, filter) => `
        WITH cohort AS (
          SELECT c.customer_id, p.period_start AS cohort_start, ${filter.segment} AS segment
          FROM (SELECT cf.customer_id, cf.acquired_at, CAST(NULL AS TEXT) AS rep_id, CAST(NULL AS TEXT) AS channel
                FROM ${tables.customerFacts} cf) c
          JOIN ${tables.periods} p ON c.acquired_at >= p.period_start AND c.acquired_at < p.period_end
          ${filter.joins}
          WHERE ${filter.where}
        ),
        -- A window, not a join on the segment: a NULL segment would never match itself.
        sized AS (
          SELECT co.*, count(*) OVER (PARTITION BY co.cohort_start, co.segment) AS cohort_size
          FROM cohort co
        )
        SELECT co.segment, co.cohort_start, cp.period_start, co.cohort_size,
               count(CASE WHEN cp.is_active_end THEN 1 END) AS active,
               sum(CASE WHEN cp.is_active_end THEN cp.mrr_end ELSE 0 END) AS mrr
        FROM sized co
        JOIN ${tables.customerPeriods} cp ON cp.customer_id = co.customer_id AND cp.period_start >= co.cohort_start
        GROUP BY co.segment, co.cohort_start, cp.period_start, co.cohort_size`,
      ),
    }),
    cache,
  );
  const starts = query.periods.map((period) => period.startUtc);
  const indexOf = (iso: string) => starts.indexOf(iso.replace('T', ' ').replace(/Z$/, ''));
  const groups = new Map<
    string,
    { segment: string | null; cohortIndex: number; customers: number; cells: Map<number, Cell> }
  >();
  for (const row of rows) {
    const cohortIndex = indexOf(row.cohort_start);
    const key = JSON.stringify([row.segment, cohortIndex]);
    const group = groups.get(key) ?? {
      segment: row.segment,
      cohortIndex,
      customers: Number(row.cohort_size),
      cells: new Map<number, Cell>(),
    };
    group.cells.set(indexOf(row.period_start) - cohortIndex, {
      active: Number(row.active),
      mrr: Number(row.mrr ?? 0),
    });
    groups.set(key, group);
  }
  return {
    grain: query.grain,
    basis,
    by: query.by ?? null,
    cohorts: [...groups.values()]
      .sort((a, b) => compareSegments(a.segment, b.segment) || a.cohortIndex - b.cohortIndex)
      .map(({ segment, cohortIndex, customers, cells }) => {
        const baseMrr = hasMrr ? (cells.get(0)?.mrr ?? 0) : null;
        const base = basis === 'logos' ? customers : baseMrr;
        return {
          segment,
          cohort_start: query.periods[cohortIndex]?.startDate ?? '',
          customers,
          base_mrr: baseMrr,
          retention: Array.from({ length: query.periods.length - cohortIndex }, (_, offset) => {
            const cell = cells.get(offset) ?? { active: 0, mrr: 0 };
            const kept = basis === 'logos' ? cell.active : cell.mrr;
            return base === null || base === 0 ? null : kept / base;
          }),
        };
      }),
  };
}
