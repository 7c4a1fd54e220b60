/**
 * Deals with their amount in the reporting currency (at the rate of the day
 * they closed, or were created while open) and the win probability that
 * weights open pipeline: the stage's configured probability, else the win
 * rate of the deals closed before the as-of date (closed deals carry no
 * stage history to learn per-stage rates from). Built once per request.
 */
import type { Store } from '../../store/store.js';
import { toSqlStringLiteral } from '../../store/sql-dialect.js';
import { timestampLiteral, type MetricContext } from '../context.js';
import { assertFxCoverage, convertedAmount, DEAL_MONEY, joinFx } from './fx.js';

export async function createDealsBlock(store: Store, context: MetricContext): Promise<void> {
  await assertFxCoverage(store, context, [DEAL_MONEY]);
  await store.query(
    `CREATE TEMPORARY TABLE ${context.tables.deals} AS
     SELECT d.id, d.customer_id, d.owner_rep_id, d.status, d.stage, d.kind, d.created_at, d.closed_at, d.expected_close_at,
            ${convertedAmount(context, 'fx', 'd.amount', 'd.currency')} AS amount,
            coalesce(${configuredProbability(context)},
              (SELECT coalesce(CAST(count(CASE WHEN status = 'won' THEN 1 END) AS DOUBLE PRECISION) / nullif(count(*), 0), 0)
               FROM deals WHERE status IN ('won', 'lost') AND closed_at < ${timestampLiteral(context.asOfUtc)})) AS win_probability
     FROM deals d ${joinFx(context, 'fx', DEAL_MONEY)}`,
  );
}

/** The configured probability of `d.stage`, or NULL (numbers validated by the settings schema). */
function configuredProbability(context: MetricContext): string {
  const stages = Object.entries(context.stageProbabilities);
  if (stages.length === 0) return 'CAST(NULL AS DOUBLE PRECISION)';
  const cases = stages.map(
    ([stage, probability]) => `WHEN ${toSqlStringLiteral(stage)} THEN ${probability}`,
  );
  return `CAST(CASE d.stage ${cases.join(' ')} END AS DOUBLE PRECISION)`;
}
