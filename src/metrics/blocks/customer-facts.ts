/**
 * Per customer, the facts KPIs share: acquisition (the first paying instant,
 * DESIGN.md reading 2) and the end of the first stretch of activity with its
 * end reason (for the first-year termination rate). A stretch is a run of
 * overlapping or touching segments, so a customer moving from one
 * subscription to another without a gap never "churns" in between.
 */
import type { Store } from '../../store/store.js';
import { OPEN_END, type MetricContext } from '../context.js';

export async function createCustomerFactsBlock(
  store: Store,
  context: MetricContext,
): Promise<void> {
  const { segments, customerFacts } = context.tables;
  await store.query(
    `CREATE TEMPORARY TABLE ${customerFacts} AS
     WITH marked AS (
       SELECT g.*,
              CASE WHEN g.pay_start <= max(coalesce(g.pay_end, ${OPEN_END})) OVER (
                     PARTITION BY g.customer_id ORDER BY g.pay_start, g.pay_end
                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                   THEN 0 ELSE 1 END AS starts_stretch
       FROM ${segments} g
     ),
     numbered AS (
       SELECT m.*, sum(starts_stretch) OVER (
                PARTITION BY m.customer_id ORDER BY m.pay_start, m.pay_end ROWS UNBOUNDED PRECEDING) AS stretch
       FROM marked m
     ),
     first_stretch AS (
       SELECT customer_id, min(pay_start) AS acquired_at,
              CASE WHEN count(*) = count(pay_end) THEN max(pay_end) END AS first_end
       FROM numbered WHERE stretch = 1 GROUP BY customer_id
     ),
     first_stretch_ends AS (
       SELECT customer_id, pay_end, max(end_reason) AS end_reason
       FROM numbered WHERE stretch = 1 GROUP BY customer_id, pay_end
     )
     -- A join, not a correlated subquery: PostgreSQL would rescan the CTE per customer.
     SELECT f.customer_id, f.acquired_at, f.first_end, e.end_reason AS first_end_reason
     FROM first_stretch f
     LEFT JOIN first_stretch_ends e ON e.customer_id = f.customer_id AND e.pay_end = f.first_end`,
  );
}
