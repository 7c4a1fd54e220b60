/**
 * Per rep and period, the activity counts the activity KPIs divide: one scan
 * of activities instead of one per KPI. Reps count from their first activity
 * of any kind in the period (DESIGN.md, reading 11). Activities count up to
 * the end of the days that have passed, as the working days they are
 * divided by do.
 */
import type { Store } from '../../store/store.js';
import { joinPeriodOf, type MetricContext } from '../context.js';

export async function createRepActivityBlock(store: Store, context: MetricContext): Promise<void> {
  const { repActivity } = context.tables;
  await store.query(
    `CREATE TEMPORARY TABLE ${repActivity} AS
     SELECT p.period_start, a.rep_id, p.working_days,
            count(CASE WHEN a.kind = 'call' THEN 1 END) AS calls,
            count(CASE WHEN a.kind = 'email' THEN 1 END) AS emails,
            count(CASE WHEN a.kind = 'meeting' THEN 1 END) AS meetings,
            count(CASE WHEN a.kind = 'demo' THEN 1 END) AS demos,
            count(CASE WHEN a.kind = 'call' AND a.direction = 'outbound' THEN 1 END) AS outbound_calls,
            count(CASE WHEN a.outcome = 'meeting_booked' THEN 1 END) AS meetings_booked
     FROM activities a ${joinPeriodOf(context, 'a.occurred_at')}
     WHERE a.occurred_at < p.elapsed_point
     GROUP BY p.period_start, a.rep_id, p.working_days`,
  );
}
