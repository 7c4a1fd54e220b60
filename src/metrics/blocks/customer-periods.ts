/**
 * Per customer and period, the opening and closing balance: MRR, seats and
 * whether the customer is active just before the period starts and just
 * before it ends (DESIGN.md, reading 1). Every churn, retention and MRR
 * movement KPI is a sum over these rows, which is what makes them agree.
 * Only customers with a segment touching the period get a row.
 *
 * Read off the customer timeline, not by summing segments per period: the
 * timeline row holding the period's end gives one row per customer and
 * period with no grouping, and the opening balance differs from the closing
 * one only where something happened inside the period.
 */
import { joinPeriodOf, type MetricContext } from '../context.js';

/** The block's SELECT: the session makes it a view or a table (see metric-session.ts). */
export function buildCustomerPeriodsSql(context: MetricContext): string {
  const { periods, customerTimeline } = context.tables;
  return `WITH closing AS (
       -- A customer inactive at the end touches the period only if an event falls inside it.
       SELECT p.period_start, t.customer_id, t.is_active AS is_active_end, t.mrr AS mrr_end,
              t.seats AS seats_end, t.end_reason,
              t.event_at >= p.period_start AS changed_in_period,
              -- Active before the period started: a return is a reactivation, not a new customer.
              t.first_paid_at < p.period_start AS was_customer_before
       FROM ${periods} p
       JOIN ${customerTimeline} t ON t.event_at < p.period_end AND t.next_event_at >= p.period_end
        AND (t.is_active OR t.event_at >= p.period_start)
     ),
     opening_before_change AS (
       -- The row whose span ends inside the period: its next event changed the balance there.
       SELECT p.period_start, t.customer_id, t.mrr AS mrr_start, t.seats AS seats_start
       FROM ${customerTimeline} t ${joinPeriodOf(context, 't.next_event_at')}
       WHERE t.is_active AND t.event_at < p.period_start
     ),
     balances AS (
       SELECT c.*,
              CASE WHEN NOT c.changed_in_period THEN c.is_active_end ELSE o.customer_id IS NOT NULL END AS is_active_start,
              CASE WHEN NOT c.changed_in_period THEN c.mrr_end ELSE coalesce(o.mrr_start, 0) END AS mrr_start,
              CASE WHEN NOT c.changed_in_period THEN c.seats_end ELSE coalesce(o.seats_start, 0) END AS seats_start
       FROM closing c
       LEFT JOIN opening_before_change o ON o.customer_id = c.customer_id AND o.period_start = c.period_start
     )
     SELECT period_start, customer_id, is_active_start, is_active_end, mrr_start, mrr_end, seats_start, seats_end,
            -- Inactive at the end, the closing row is the instant the last subscription ended.
            CASE WHEN is_active_start AND NOT is_active_end THEN end_reason END AS churn_reason,
            was_customer_before
     FROM balances`;
}
