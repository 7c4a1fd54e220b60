/**
 * Per customer and period, the opening and closing balance: MRR, seats and
 * whether the customer is active just before the period starts and just
 * before it ends (DESIGN.md, reading 1). Every churn, retention and MRR
 * movement KPI is a sum over these rows, which is what makes them agree.
 * Only customers with a segment touching the period get a row.
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';

export async function createCustomerPeriodsBlock(
  store: Store,
  context: MetricContext,
): Promise<void> {
  const { periods, segments, customerPeriods } = context.tables;
  const activeAt = (instant: string) =>
    `g.pay_start < ${instant} AND (g.pay_end IS NULL OR g.pay_end >= ${instant})`;
  await store.query(
    `CREATE TEMPORARY TABLE ${customerPeriods} AS
     WITH balances AS (
       SELECT p.period_start, g.customer_id,
              count(CASE WHEN ${activeAt('p.period_start')} THEN 1 END) > 0 AS is_active_start,
              count(CASE WHEN ${activeAt('p.period_end')} THEN 1 END) > 0 AS is_active_end,
              CAST(coalesce(sum(CASE WHEN ${activeAt('p.period_start')} THEN g.mrr END), 0) AS DECIMAL(18, 4)) AS mrr_start,
              CAST(coalesce(sum(CASE WHEN ${activeAt('p.period_end')} THEN g.mrr END), 0) AS DECIMAL(18, 4)) AS mrr_end,
              CAST(coalesce(sum(CASE WHEN ${activeAt('p.period_start')} THEN g.seats END), 0) AS INTEGER) AS seats_start,
              CAST(coalesce(sum(CASE WHEN ${activeAt('p.period_end')} THEN g.seats END), 0) AS INTEGER) AS seats_end,
              max(CASE WHEN g.pay_end < p.period_end THEN g.pay_end END) AS last_end
       FROM ${periods} p
       JOIN ${segments} g ON g.pay_start < p.period_end AND (g.pay_end IS NULL OR g.pay_end >= p.period_start)
       GROUP BY p.period_start, g.customer_id
     ),
     end_reasons AS (
       SELECT customer_id, pay_end, max(end_reason) AS end_reason FROM ${segments} GROUP BY customer_id, pay_end
     )
     SELECT b.*, CASE WHEN b.is_active_start AND NOT b.is_active_end THEN r.end_reason END AS churn_reason,
            -- Active before the period started: a return is a reactivation, not a new customer.
            f.first_paid_at < b.period_start AS was_customer_before
     FROM balances b
     JOIN (SELECT customer_id, min(pay_start) AS first_paid_at FROM ${segments} GROUP BY customer_id) f
       ON f.customer_id = b.customer_id
     LEFT JOIN end_reasons r ON r.customer_id = b.customer_id AND r.pay_end = b.last_end`,
  );
}
