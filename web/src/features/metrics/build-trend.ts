/**
 * Turns KPI results into chart series: one category per period, one series
 * per KPI (and per segment when broken down), values aligned on the periods.
 */
import type { Grain, Kpi, MetricResult } from '../../lib/api-types.js';
import { formatPeriod } from '../../lib/format.js';
import type { TrendSeries } from '../../components/TrendChart.js';

export type Trend = { periods: string[]; categories: string[]; series: TrendSeries[] };

/** The label of a breakdown value; results outside every segment have none. */
function toSegmentLabel(segment: string | null): string {
  return segment ?? '(none)';
}

export function buildTrend(
  results: readonly MetricResult[],
  metrics: readonly string[],
  kpis: ReadonlyMap<string, Kpi>,
  grain: Grain,
): Trend {
  const periods = [...new Set(results.map((result) => result.period_start))].sort();
  const column = new Map(periods.map((period, index) => [period, index]));
  const series = new Map<string, { name: string; values: (number | null)[] }>();
  const isBrokenDown = results.some((result) => result.segment !== null);
  for (const metric of metrics) {
    const title = kpis.get(metric)?.title ?? metric;
    for (const result of results) {
      if (result.metric !== metric) continue;
      const key = `${metric}\u0000${result.segment ?? ''}`;
      const entry = series.get(key) ?? {
        name: isBrokenDown ? `${title} · ${toSegmentLabel(result.segment)}` : title,
        values: periods.map(() => null),
      };
      entry.values[column.get(result.period_start) ?? 0] = result.value;
      series.set(key, entry);
    }
  }
  return {
    periods,
    categories: periods.map((period) => formatPeriod(period, grain)),
    series: [...series.values()],
  };
}

/**
 * Whether a trend has nothing to draw: no values at all, or only zeros for
 * amounts and counts (a rate of exactly 0 % is a result worth a chart).
 */
export function isTrendEmpty(trend: Trend, kpi: Pick<Kpi, 'unit'> | undefined): boolean {
  const values = trend.series.flatMap((entry) => entry.values);
  const isRate = kpi?.unit === 'ratio' || kpi?.unit === 'score';
  return values.every((value) => value === null || (!isRate && value === 0));
}
