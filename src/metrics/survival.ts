/**
 * Customer tenure as survival curves: from acquisition to the end of the
 * first stretch as a customer (the event), censored at the as-of date for
 * customers still active; one curve overall, or one per value of the
 * breakdown column. Acquisition and stretches come from the engine's
 * customer facts, so tenure ends exactly where churn says it does.
 * Durations are days (fractional); each curve is Kaplan–Meier.
 */
import { RetainError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { MetricQuery } from './compute-metrics.js';
import { computeKaplanMeier } from './kaplan-meier.js';
import type { MetricCache } from './metric-cache.js';
import { withMetricSession } from './metric-session.js';
import { parseMetricRequest, type MetricRequest } from './parse-metric-request.js';
import { addDays, buildPeriod, parseLocalDate, type Period } from './periods.js';
import { compareSegments } from './segment-order.js';

export type SurvivalPoint = {
  /** Tenure at which the event(s) happened. */
  days: number;
  /** Customers still under observation just before `days`. */
  at_risk: number;
  events: number;
  survival: number;
  /** The pointwise 95 % band, log(−log) transformed. */
  lower_95: number;
  upper_95: number;
};

export type SurvivalCurve = {
  /** The breakdown column's value (null when not broken down, or the customer has none). */
  segment: string | null;
  customers: number;
  events: number;
  censored: number;
  /** First tenure at which survival is 0.5 or less; null while more than half remain. */
  median_days: number | null;
  /** Where the band's lower and upper edges reach 0.5: the median's 95 % interval. */
  median_lower_days: number | null;
  median_upper_days: number | null;
  points: SurvivalPoint[];
};

export type SurvivalReport = {
  /** The breakdown column, or null. */
  by: string | null;
  /** One overall curve, or one per segment value among the customers acquired in the range. */
  curves: SurvivalCurve[];
};

/** What a survival report is asked for: no KPIs and no grain, the range picks customers by acquisition. */
export type SurvivalRequest = Omit<MetricRequest, 'metrics' | 'grain'>;

/** Far enough back to include every customer unless `from` says otherwise. */
const ALL_HISTORY = '1900-01-01';

/**
 * The checked query of a survival request, whose one period is the
 * acquisition range to the day: `from` is not floored to any bucket.
 */
export async function parseSurvivalRequest(
  store: Store,
  request: SurvivalRequest,
): Promise<MetricQuery> {
  // Year buckets keep the series short back to 1900 while the request is checked;
  // only its ends are used where the caller gave none.
  const query = await parseMetricRequest(store, {
    ...request,
    grain: 'year',
    from: request.from ?? ALL_HISTORY,
  });
  const first =
    request.from === undefined ? query.periods[0] : dayOf(request.from, 0, query.timeZone);
  const last =
    request.to === undefined ? query.periods.at(-1) : dayOf(request.to, -1, query.timeZone);
  if (!first || !last) throw new Error('a checked request has at least one period');
  if (first.startDate >= last.endDate) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `--from ${first.startDate} is not before --to ${last.endDate}.`,
      { hint: '--to is exclusive: give a --to after --from.' },
    );
  }
  const range: Period = {
    startDate: first.startDate,
    startUtc: first.startUtc,
    endDate: last.endDate,
    endUtc: last.endUtc,
    workingDays: 0,
  };
  return { ...query, periods: [range] };
}

/** The day `offset` days after the checked local date `text`, as a period. */
function dayOf(text: string, offset: number, timeZone: string): Period {
  const date = parseLocalDate(text);
  if (!date) throw new Error(`parseMetricRequest let through the date ${text}`);
  return buildPeriod(addDays(date, offset), 'day', timeZone);
}

/** Curves of the customers acquired in the query's periods (and matching its filters). */
export async function computeSurvival(
  store: Store,
  query: MetricQuery,
  cache?: MetricCache,
): Promise<SurvivalReport> {
  const rows = await withMetricSession(
    store,
    query,
    (session) =>
      session.select<{ segment: string | null; days: number; is_event: boolean }>(
        ['customerFacts'],
        ({ tables, asOfUtc }, filter) => {
          const asOf = `TIMESTAMP '${asOfUtc}'`;
          return `
        SELECT ${filter.segment} AS segment,
               EXTRACT(EPOCH FROM (CASE WHEN c.first_end IS NOT NULL AND c.first_end <= ${asOf} THEN c.first_end ELSE ${asOf} END
                                   - c.acquired_at)) / 86400.0 AS days,
               (c.first_end IS NOT NULL AND c.first_end <= ${asOf}) AS is_event
        FROM (SELECT cf.*, CAST(NULL AS TEXT) AS rep_id, CAST(NULL AS TEXT) AS channel FROM ${tables.customerFacts} cf) c
        JOIN (SELECT min(period_start) AS first_start, max(period_end) AS last_end FROM ${tables.periods}) range
          ON c.acquired_at >= range.first_start AND c.acquired_at < range.last_end AND c.acquired_at < ${asOf}
        ${filter.joins}
        WHERE ${filter.where}`;
        },
      ),
    cache,
  );
  const tenures = new Map<string | null, { days: number[]; isEvent: boolean[] }>();
  // Without a breakdown the overall curve is reported even when it holds no one.
  if (query.by === undefined) tenures.set(null, { days: [], isEvent: [] });
  for (const row of rows) {
    const group = tenures.get(row.segment) ?? { days: [], isEvent: [] };
    group.days.push(Number(row.days));
    group.isEvent.push(row.is_event === true);
    tenures.set(row.segment, group);
  }
  return {
    by: query.by ?? null,
    curves: [...tenures]
      .sort(([a], [b]) => compareSegments(a, b))
      .map(([segment, { days, isEvent }]) => toCurve(segment, days, isEvent)),
  };
}

function toCurve(segment: string | null, days: number[], isEvent: boolean[]): SurvivalCurve {
  const curve = computeKaplanMeier(days, isEvent);
  const events = isEvent.filter(Boolean).length;
  return {
    segment,
    customers: days.length,
    events,
    censored: days.length - events,
    median_days: curve.median,
    median_lower_days: curve.medianLower,
    median_upper_days: curve.medianUpper,
    points: curve.points.map((point) => ({
      days: point.time,
      at_risk: point.atRisk,
      events: point.events,
      survival: point.survival,
      lower_95: point.lower,
      upper_95: point.upper,
    })),
  };
}
