/**
 * The columns results can be filtered and broken down by, one row per
 * customer: its own columns, its owner's team, its plan (the plan of its most
 * recently started subscription) and its imported extra attributes.
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';

export async function createDimensionsBlock(store: Store, context: MetricContext): Promise<void> {
  await store.query(
    `CREATE TEMPORARY TABLE ${context.tables.dimensions} AS
     SELECT c.id AS customer_id, c.segment, c.region, c.industry, c.acquisition_channel, c.owner_rep_id,
            latest.plan, c.attributes
     FROM customers c
     LEFT JOIN (
       SELECT customer_id, plan, row_number() OVER (PARTITION BY customer_id ORDER BY started_at DESC, id DESC) AS recency
       FROM subscriptions
     ) latest ON latest.customer_id = c.id AND latest.recency = 1`,
  );
}
