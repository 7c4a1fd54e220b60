/**
 * Customer trends: the last two complete weeks and the last two complete
 * months before the digest date for churn, NRR, NPS, pipeline, win rate and
 * average deal size (pricing pressure), and CAC by acquisition channel
 * (marketing effectiveness). Every number is the KPI engine's, cut to the
 * person's book where the KPI can be cut; six months feed the sparklines.
 */
import { computeMetrics, type MetricResult } from '../../metrics/compute-metrics.js';
import type { MetricCache } from '../../metrics/metric-cache.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { findKpiOrThrow } from '../../metrics/registry.js';
import type { Store } from '../../store/store.js';
import { addDays, addMonths, startOfMonth, startOfWeek, toInstant } from '../digest-dates.js';
import type { ChannelCac, Digest, DigestPerson, TrendEntry, TrendValue } from '../digest.js';
import { toMetricFilters } from '../metric-scope.js';

export const TREND_METRICS = [
  'customer_churn_rate',
  'net_revenue_retention',
  'nps',
  'open_deals',
  'new_deals',
  'win_rate',
  'average_deal_size',
] as const;

const SPARKLINE_MONTHS = 6;

export async function readTrendsSection(
  store: Store,
  date: string,
  person: DigestPerson,
  cache?: MetricCache,
): Promise<Digest['trends']> {
  const asOf = toInstant(date);
  const where = toMetricFilters(person);
  const thisWeek = startOfWeek(date);
  const thisMonth = startOfMonth(date);
  const weekly = await computeMetrics(
    store,
    await parseMetricRequest(store, {
      metrics: [...TREND_METRICS],
      grain: 'week',
      from: addDays(thisWeek, -14),
      to: thisWeek,
      where,
      asOf,
    }),
    cache,
  );
  const monthly = await computeMetrics(
    store,
    await parseMetricRequest(store, {
      metrics: [...TREND_METRICS],
      grain: 'month',
      from: addMonths(date, -SPARKLINE_MONTHS),
      to: thisMonth,
      where,
      asOf,
    }),
    cache,
  );
  const cac = await computeMetrics(
    store,
    await parseMetricRequest(store, {
      metrics: ['cac'],
      grain: 'month',
      from: addMonths(date, -2),
      to: thisMonth,
      by: 'acquisition_channel',
      asOf,
    }),
    cache,
  );
  return {
    week_of: addDays(thisWeek, -7),
    month_of: addMonths(date, -1),
    metrics: TREND_METRICS.map((metric) => buildTrend(metric, weekly, monthly)),
    cac_by_channel: buildChannelCac(cac),
  };
}

function buildTrend(
  metric: string,
  weekly: readonly MetricResult[],
  monthly: readonly MetricResult[],
): TrendEntry {
  const kpi = findKpiOrThrow(metric);
  const series = (results: readonly MetricResult[]) =>
    results
      .filter((result) => result.metric === metric && result.segment === null)
      .sort((a, b) => a.period_start.localeCompare(b.period_start));
  const months = series(monthly);
  return {
    metric,
    title: kpi.title,
    unit: kpi.unit,
    direction: kpi.direction,
    week: compareLastTwo(series(weekly)),
    month: compareLastTwo(months),
    monthly: months.map((result) => ({ period_start: result.period_start, value: result.value })),
  };
}

function compareLastTwo(results: readonly MetricResult[]): TrendValue {
  const current = results.at(-1)?.value ?? null;
  const previous = results.at(-2)?.value ?? null;
  return {
    current,
    previous,
    change: current === null || previous === null ? null : current - previous,
  };
}

function buildChannelCac(results: readonly MetricResult[]): ChannelCac[] {
  const byChannel = new Map<string, MetricResult[]>();
  for (const result of results) {
    if (result.segment === null) continue;
    byChannel.set(result.segment, [...(byChannel.get(result.segment) ?? []), result]);
  }
  return [...byChannel.entries()]
    .map(([channel, rows]) => {
      const { current, previous } = compareLastTwo(
        rows.sort((a, b) => a.period_start.localeCompare(b.period_start)),
      );
      return { channel, current, previous };
    })
    .sort((a, b) => a.channel.localeCompare(b.channel));
}
