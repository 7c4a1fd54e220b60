/**
 * Turns what a person or script asks for (ids, grain, dates, zone, filters)
 * into a checked MetricQuery, with the same rules for the CLI and the API.
 * Defaults: monthly, the twelve periods ending with the one that holds the
 * as-of date, in UTC.
 */
import { RetainError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { MetricQuery } from './compute-metrics.js';
import { listDimensions, parseFilter, resolveDimension } from './dimensions.js';
import {
  addBuckets,
  addDays,
  assertTimeZone,
  buildPeriodSeries,
  floorToGrain,
  parseGrain,
  parseLocalDate,
  toLocalDate,
  type LocalDate,
} from './periods.js';
import { resolveKpiIds } from './registry.js';

export type MetricRequest = {
  readonly metrics?: readonly string[];
  readonly grain?: string;
  /** Local date (YYYY-MM-DD or YYYY-MM) in the reporting time zone; floored to its bucket. */
  readonly from?: string;
  /** Exclusive local date. */
  readonly to?: string;
  readonly timeZone?: string;
  /** `column=value` texts. */
  readonly where?: readonly string[];
  readonly by?: string;
  readonly asOf: Date;
};

export const DEFAULT_PERIOD_COUNT = 12;

export async function parseMetricRequest(
  store: Store,
  request: MetricRequest,
): Promise<MetricQuery> {
  const kpis = resolveKpiIds(request.metrics);
  const grain = parseGrain(request.grain ?? 'month');
  const timeZone = request.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const today = toLocalDate(request.asOf, timeZone);
  const to = request.to === undefined ? addDays(today, 1) : parseDateOption('--to', request.to);
  const from =
    request.from === undefined
      ? addBuckets(floorToGrain(addDays(to, -1), grain), grain, 1 - DEFAULT_PERIOD_COUNT)
      : parseDateOption('--from', request.from);
  const periods = buildPeriodSeries(from, to, grain, timeZone);
  const needsDimensions = (request.where?.length ?? 0) > 0 || request.by !== undefined;
  const known = needsDimensions ? await listDimensions(store) : [];
  const filters = (request.where ?? []).map((text) => {
    const filter = parseFilter(text);
    return { column: resolveDimension(filter.column, known), value: filter.value };
  });
  const by = request.by === undefined ? undefined : resolveDimension(request.by, known);
  return { kpis, grain, periods, timeZone, filters, by, asOf: request.asOf };
}

function parseDateOption(flag: string, text: string): LocalDate {
  const date = parseLocalDate(text);
  if (!date) {
    throw new RetainError('INVALID_ARGUMENT', `${flag} ${text} is not a date.`, {
      hint: 'Write dates as YYYY-MM-DD (or YYYY-MM for the first of a month).',
    });
  }
  return date;
}
