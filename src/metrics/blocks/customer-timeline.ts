/**
 * Each customer's balance as a step function: one row per segment start or
 * end, holding the state from that instant until the next one (MRR, seats,
 * whether any segment is in force) and the first paying instant. Every event
 * takes effect for the instants after it, so the row with
 * `event_at < t <= next_event_at` is the state "just before t" (DESIGN.md,
 * reading 1) for any period boundary t. Rows of events sharing an instant
 * hold partial sums but last no time (`event_at = next_event_at`), so no
 * boundary ever reads them: the one that does is the last of its instant.
 */
import type { Store } from '../../store/store.js';
import { OPEN_END, type MetricContext } from '../context.js';

export async function createCustomerTimelineBlock(
  store: Store,
  context: MetricContext,
): Promise<void> {
  const { segments, customerTimeline } = context.tables;
  await store.query(
    `CREATE TEMPORARY TABLE ${customerTimeline} AS
     WITH events AS (
       SELECT customer_id, pay_start AS event_at, 0 AS is_end, mrr AS mrr_change,
              seats AS seats_change, 1 AS segments_change, CAST(NULL AS TEXT) AS ended_reason
       FROM ${segments}
       UNION ALL
       -- '' sorts an end without a reason before the ends with one.
       SELECT customer_id, pay_end, 1, -mrr, -seats, -1, coalesce(end_reason, '')
       FROM ${segments} WHERE pay_end IS NOT NULL
     )
     SELECT customer_id, event_at,
            coalesce(lead(event_at) OVER w, ${OPEN_END}) AS next_event_at,
            CAST(coalesce(sum(mrr_change) OVER w, 0) AS DECIMAL(18, 4)) AS mrr,
            CAST(sum(seats_change) OVER w AS INTEGER) AS seats,
            sum(segments_change) OVER w > 0 AS is_active,
            -- On a row that leaves the customer inactive, the reason of the ends at its instant
            -- (the greatest, as ends sort last and by reason): the end reason of a churn.
            nullif(ended_reason, '') AS end_reason,
            first_value(event_at) OVER w AS first_paid_at
     FROM events
     WINDOW w AS (PARTITION BY customer_id ORDER BY event_at, is_end, ended_reason ROWS UNBOUNDED PRECEDING)`,
  );
}
