/**
 * The request's periods as a table: UTC boundaries for comparing instants,
 * local dates for date columns (goals, spend), the as-of instant clamped into
 * each period, and its Monday-to-Friday days up to that point (a period still
 * running is divided by the working days that have passed, not all of them).
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';
import {
  addDays,
  countWorkingDays,
  formatLocalDate,
  parseLocalDate,
  toLocalDate,
  type Period,
} from '../periods.js';

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
  // Working days count through the local day holding the instant just before as-of.
  const lastDay = toLocalDate(
    new Date(Date.parse(`${asOf.replace(' ', 'T')}Z`) - 1),
    context.timeZone,
  );
  const elapsedEnd = formatLocalDate(addDays(lastDay, 1));
  await store.appendRows(
    `temp.${table}`,
    ['period_start', 'period_end', 'start_date', 'end_date', 'working_days', 'as_of_point'],
    periods.map((period) => {
      const start = parseLocalDate(period.startDate);
      const end = parseLocalDate(elapsedEnd < period.endDate ? elapsedEnd : period.endDate);
      const elapsed =
        start && end && elapsedEnd > period.startDate ? countWorkingDays(start, end) : 0;
      return [
        period.startUtc,
        period.endUtc,
        period.startDate,
        period.endDate,
        String(elapsed),
        asOf < period.startUtc ? period.startUtc : asOf > period.endUtc ? period.endUtc : asOf,
      ];
    }),
  );
}
