/**
 * Turns what a person or script asks for (ids, grain, dates, zone, filters)
 * into a checked MetricQuery, with the same rules for the CLI and the API.
 * Defaults: monthly, the twelve periods ending with the one that holds the
 * as-of date, in UTC. Dates are local dates in the reporting time zone, the
 * as-of date too, so every date a person types is read the same way.
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
  formatLocalDate,
  parseGrain,
  parseLocalDate,
  toLocalDate,
  toUtcMidnight,
  type Grain,
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
  /** A local date inside the one period to compute, instead of `from` and `to` (`--explain`). */
  readonly period?: string;
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
  const kpis = resolveKpiIds(parseMetricIds(request.metrics));
  const grain = parseGrain(request.grain ?? 'month');
  const timeZone = request.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const { from, to } = parseRange(request, grain, toLocalDate(request.asOf, timeZone));
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

/**
 * The instant a date-only as-of stands for: local midnight at the start of
 * that day in the reporting zone, read like a period boundary. Reading it as
 * UTC midnight put `--as-of 2026-12-01 --tz America/Los_Angeles` on the
 * evening of 30 November, and the report stopped a month early.
 */
export function parseAsOf(text: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  return toUtcMidnight(parseDateOption('--as-of', text), timeZone);
}

/** Ids as listed; an empty item (a trailing comma in `win_rate,`) is no id. */
function parseMetricIds(ids: readonly string[] | undefined): string[] | undefined {
  if (ids === undefined) return undefined;
  const named = ids.map((id) => id.trim()).filter((id) => id !== '');
  if (named.length === 0) {
    throw new RetainError('INVALID_ARGUMENT', '--metric names no KPI.', {
      hint: 'Give KPI ids separated by commas, e.g. --metric win_rate,mrr (retain metrics --list shows them), or leave --metric out for all.',
    });
  }
  return named;
}

function parseRange(
  request: MetricRequest,
  grain: Grain,
  asOfDay: LocalDate,
): { from: LocalDate; to: LocalDate } {
  if (request.period !== undefined) {
    if (request.from !== undefined || request.to !== undefined) {
      throw new RetainError(
        'INVALID_ARGUMENT',
        '--period and --from/--to both choose the period.',
        {
          hint: 'Give --period alone: the period of --grain that holds it is the one explained.',
        },
      );
    }
    const day = parseDateOption('--period', request.period);
    return { from: day, to: addDays(day, 1) };
  }
  if (request.to !== undefined) {
    const to = parseDateOption('--to', request.to);
    return {
      from:
        request.from === undefined
          ? defaultFrom(to, grain)
          : parseDateOption('--from', request.from),
      to,
    };
  }
  // Without --to the range runs through the as-of day, which the user may not have typed.
  const to = addDays(asOfDay, 1);
  if (request.from === undefined) return { from: defaultFrom(to, grain), to };
  const from = parseDateOption('--from', request.from);
  if (formatLocalDate(floorToGrain(from, grain)) >= formatLocalDate(to)) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `--from ${request.from} is after the as-of date ${formatLocalDate(asOfDay)}, where the range ends when --to is not given.`,
      {
        hint: 'Give a --to after --from (it is exclusive), or an --as-of on or after --from (the as-of date defaults to today).',
      },
    );
  }
  return { from, to };
}

/** The start of the DEFAULT_PERIOD_COUNT periods ending with the one before `to`. */
function defaultFrom(to: LocalDate, grain: Grain): LocalDate {
  return addBuckets(floorToGrain(addDays(to, -1), grain), grain, 1 - DEFAULT_PERIOD_COUNT);
}

function parseDateOption(flag: string, text: string): LocalDate {
  const date = parseLocalDate(text);
  if (!date) {
    throw new RetainError('INVALID_ARGUMENT', `${flag} ${text} is not a date.`, {
      hint: `Write dates as YYYY-MM-DD (or YYYY-MM for the first of a month), e.g. ${flag} 2026-10-15.`,
    });
  }
  return date;
}
