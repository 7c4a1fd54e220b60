/**
 * The request's periods as a table: UTC boundaries for comparing instants,
 * local dates for date columns (goals, spend), the as-of instant clamped into
 * each period, and its Monday-to-Friday days that have passed by then with
 * the instant they end (a period still running is divided by the working
 * days that have passed, not all of them).
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';
import {
  countWorkingDays,
  formatLocalDate,
  parseLocalDate,
  toLocalDate,
  toSqlTimestamp,
  toUtcMidnight,
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
       working_days INTEGER, as_of_point TIMESTAMP, elapsed_point TIMESTAMP)`,
  );
  const asOf = context.asOfUtc;
  // The days before the as-of day have passed; the as-of day itself has not
  // (at 06:00 it holds a quarter of its calls), so per-day rates stop at its start.
  const asOfDay = toLocalDate(new Date(`${asOf.replace(' ', 'T')}Z`), context.timeZone);
  const elapsedEnd = formatLocalDate(asOfDay);
  const elapsedEndUtc = toSqlTimestamp(toUtcMidnight(asOfDay, context.timeZone));
  await store.appendRows(
    `temp.${table}`,
    [
      'period_start',
      'period_end',
      'start_date',
      'end_date',
      'working_days',
      'as_of_point',
      'elapsed_point',
    ],
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
        clampInto(period, asOf),
        clampInto(period, elapsedEndUtc),
      ];
    }),
  );
}

/** `instant` moved into [start, end] of `period` (all SQL timestamps, which sort as text). */
function clampInto(period: Period, instant: string): string {
  return instant < period.startUtc
    ? period.startUtc
    : instant > period.endUtc
      ? period.endUtc
      : instant;
}
