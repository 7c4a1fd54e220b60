/**
 * The request's periods as a table: UTC boundaries for comparing instants,
 * local dates for date columns (goals, spend), Monday-to-Friday day counts,
 * and the as-of instant clamped into each period.
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';
import type { Period } from '../periods.js';

export async function createPeriodsBlock(
  store: Store,
  context: MetricContext,
  periods: readonly Period[],
): Promise<void> {
  const table = context.tables.periods;
  await store.query(
    `CREATE TEMPORARY TABLE ${table} (
       period_start TIMESTAMP, period_end TIMESTAMP, start_date DATE, end_date DATE,
       working_days INTEGER, as_of_point TIMESTAMP)`,
  );
  const asOf = context.asOfUtc;
  await store.appendRows(
    `temp.${table}`,
    ['period_start', 'period_end', 'start_date', 'end_date', 'working_days', 'as_of_point'],
    periods.map((period) => [
      period.startUtc,
      period.endUtc,
      period.startDate,
      period.endDate,
      String(period.workingDays),
      asOf < period.startUtc ? period.startUtc : asOf > period.endUtc ? period.endUtc : asOf,
    ]),
  );
}
