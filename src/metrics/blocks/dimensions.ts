/**
 * The columns results can be filtered and broken down by, one row per
 * customer: its own columns, its plan and its imported extra attributes.
 *
 * A customer's plan is the one it pays for at the as-of instant, after plan
 * changes: of its paying subscriptions then, the one with the most MRR (so an
 * add-on does not hide the main plan). A customer paying nothing then keeps
 * the plan it paid for last; one that never paid, its latest subscription's.
 */
import type { Store } from '../../store/store.js';
import { timestampLiteral, type MetricContext } from '../context.js';

export async function createDimensionsBlock(store: Store, context: MetricContext): Promise<void> {
  const asOf = timestampLiteral(context.asOfUtc);
  await store.query(
    `CREATE TEMPORARY TABLE ${context.tables.dimensions} AS
     WITH paid_plans AS (
       SELECT customer_id, plan,
              row_number() OVER (
                PARTITION BY customer_id
                ORDER BY CASE WHEN pay_end IS NULL OR pay_end >= ${asOf} THEN mrr END DESC NULLS LAST,
                         pay_end DESC NULLS FIRST, pay_start DESC, subscription_id DESC
              ) AS rank
       FROM ${context.tables.segments}
       WHERE pay_start < ${asOf} AND plan IS NOT NULL
     ),
     started_plans AS (
       SELECT customer_id, plan,
              row_number() OVER (PARTITION BY customer_id ORDER BY started_at DESC, id DESC) AS rank
       FROM subscriptions
     )
     SELECT c.id AS customer_id, c.segment, c.region, c.industry, c.acquisition_channel, c.owner_rep_id,
            coalesce(paid.plan, started.plan) AS plan, c.attributes
     FROM customers c
     LEFT JOIN paid_plans paid ON paid.customer_id = c.id AND paid.rank = 1
     LEFT JOIN started_plans started ON started.customer_id = c.id AND started.rank = 1`,
  );
}
