/**
 * Paying segments: the stretches during which one subscription pays one MRR.
 * A subscription splits at each subscription_changes row; it pays from the
 * later of started_at and trial_ends_at until ended_at, and only while its
 * MRR is above zero (DESIGN.md: trials and free plans are not customers).
 * "Active just before t" is `pay_start < t AND pay_end >= t`: an event at a
 * boundary belongs to the period it opens.
 *
 * Orders-only workspaces get one segment per order instead, active for a set
 * number of days after it, with no MRR (DESIGN.md, reading 7).
 */
import type { Store } from '../../store/store.js';
import { OPEN_END, type MetricContext } from '../context.js';
import { assertFxCoverage, convertedAmount, joinFx, SUBSCRIPTION_MONEY } from './fx.js';

export async function createSegmentsBlock(store: Store, context: MetricContext): Promise<void> {
  if (context.mode === 'subscriptions') await assertFxCoverage(store, context, SUBSCRIPTION_MONEY);
  await store.query(
    context.mode === 'orders'
      ? buildOrderSegmentsSql(context)
      : buildSubscriptionSegmentsSql(context),
  );
}

function buildSubscriptionSegmentsSql(context: MetricContext): string {
  return `CREATE TEMPORARY TABLE ${context.tables.segments} AS
  WITH points AS (
    SELECT s.id AS subscription_id, s.started_at AS point_at, 0 AS point_order, '' AS change_id,
           s.mrr, s.seats, s.plan, s.started_at AS amount_set_at
    FROM subscriptions s
    UNION ALL
    -- A change dated before the start sets the MRR the subscription starts with.
    SELECT c.subscription_id, greatest(c.effective_at, s.started_at), 1, c.id,
           c.mrr, c.seats, c.plan, c.effective_at
    FROM subscription_changes c JOIN subscriptions s ON s.id = c.subscription_id
    WHERE s.ended_at IS NULL OR c.effective_at < s.ended_at
  ),
  filled AS (
    -- Seats and plan carry forward from the latest row that names them.
    SELECT p.subscription_id, p.point_at, p.mrr, p.amount_set_at,
           ${context.dialect.lastNonNull('p.seats', 'w')} AS seats_now,
           ${context.dialect.lastNonNull('p.plan', 'w')} AS plan_now,
           lead(p.point_at) OVER w AS next_point_at
    FROM points p
    WINDOW w AS (PARTITION BY p.subscription_id ORDER BY p.point_at, p.point_order, p.change_id ROWS UNBOUNDED PRECEDING)
  ),
  bounded AS (
    SELECT f.subscription_id, s.customer_id, s.currency, f.mrr, f.amount_set_at,
           coalesce(f.seats_now, 1) AS seats, f.plan_now AS plan,
           greatest(f.point_at, s.started_at, coalesce(s.trial_ends_at, s.started_at)) AS pay_start,
           CASE
             WHEN f.next_point_at IS NULL THEN s.ended_at
             WHEN s.ended_at IS NOT NULL AND s.ended_at < f.next_point_at THEN s.ended_at
             ELSE f.next_point_at
           END AS pay_end,
           -- Only a segment ended by ended_at carries the end reason; MRR falling to zero has none.
           CASE WHEN f.next_point_at IS NULL OR s.ended_at < f.next_point_at THEN s.end_reason END AS end_reason
    FROM filled f JOIN subscriptions s ON s.id = f.subscription_id
  )
  SELECT b.subscription_id, b.customer_id, b.pay_start, b.pay_end,
         ${convertedAmount(context, 'fx', 'b.mrr', 'b.currency')} AS mrr,
         b.seats, b.plan, b.end_reason
  FROM bounded b ${joinFx(context, 'fx', { table: 'bounded b', currency: 'b.currency', date: 'b.amount_set_at' })}
  WHERE b.mrr > 0 AND b.pay_start < coalesce(b.pay_end, ${OPEN_END})`;
}

function buildOrderSegmentsSql(context: MetricContext): string {
  return `CREATE TEMPORARY TABLE ${context.tables.segments} AS
  SELECT o.id AS subscription_id, o.customer_id, o.ordered_at AS pay_start,
         o.ordered_at + INTERVAL '${context.orderActiveDays} days' AS pay_end,
         CAST(NULL AS DECIMAL(18, 4)) AS mrr, 1 AS seats, CAST(NULL AS TEXT) AS plan,
         CAST(NULL AS TEXT) AS end_reason
  FROM orders o
  -- A refund or credit is no purchase: it keeps no one a customer.
  WHERE o.amount >= 0`;
}
