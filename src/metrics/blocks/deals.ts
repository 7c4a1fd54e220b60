/**
 * Deals with their amount in the reporting currency (at the rate of the day
 * they closed, or were created while open) and the historical win rate that
 * weights open pipeline: converted once per request, not once per KPI.
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';
import { convertedAmount, joinFx } from './fx.js';

export async function createDealsBlock(store: Store, context: MetricContext): Promise<void> {
  await store.query(
    `CREATE TEMPORARY TABLE ${context.tables.deals} AS
     SELECT d.id, d.customer_id, d.owner_rep_id, d.status, d.stage, d.created_at, d.closed_at, d.expected_close_at,
            CAST(${convertedAmount(context, 'fx', 'd.amount', 'd.currency')} AS DECIMAL(18, 4)) AS amount,
            (SELECT CAST(coalesce(CAST(count(CASE WHEN status = 'won' THEN 1 END) AS DOUBLE PRECISION) / nullif(count(*), 0), 0) AS DECIMAL(18, 6))
             FROM deals WHERE status IN ('won', 'lost') AND closed_at IS NOT NULL) AS win_probability
     FROM deals d ${joinFx(context, 'fx', 'd.currency', 'coalesce(d.closed_at, d.created_at)')}`,
  );
}
