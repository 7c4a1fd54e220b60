/**
 * A panel charting KPIs over the periods of the shared filters. Panels of a
 * single KPI follow the "split by segment" filter with a line per segment;
 * panels comparing several KPIs stay one line per KPI to remain readable.
 */
import { useCallback, useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { Panel } from '../../components/Panel.js';
import { TrendChart } from '../../components/TrendChart.js';
import { formatAxisValue, formatKpiValue } from '../../lib/format.js';
import { mapApiState } from '../../lib/useApi.js';
import { useFilters } from '../../lib/useFilters.js';
import { buildTrend, isTrendEmpty } from './build-trend.js';
import { useMetrics } from './useMetrics.js';

export type MetricTrendPanelProps = {
  title: string;
  /** KPIs sharing one unit, so one axis fits them all. */
  metrics: readonly string[];
  description?: string;
};

export function MetricTrendPanel({ title, metrics, description }: MetricTrendPanelProps) {
  const [filters] = useFilters();
  const isSplit = filters.isSplitBySegment && metrics.length === 1;
  const state = useMetrics(metrics, { by: isSplit ? 'segment' : undefined });
  const trend = useMemo(
    () =>
      mapApiState(state, ({ results, kpis }) => ({
        trend: buildTrend(results, metrics, kpis, filters.grain),
        kpi: kpis.get(metrics[0] ?? ''),
      })),
    [state, metrics, filters.grain],
  );
  const kpi = trend.status === 'ok' ? trend.data.kpi : undefined;
  const formatValue = useCallback(
    (value: number) => (kpi ? formatKpiValue(value, kpi) : String(value)),
    [kpi],
  );
  const formatAxis = useCallback(
    (value: number) => (kpi ? formatAxisValue(value, kpi) : String(value)),
    [kpi],
  );
  return (
    <Panel title={title} description={description}>
      <AsyncView
        state={trend}
        label={title}
        isEmpty={(data) => isTrendEmpty(data.trend, data.kpi)}
        emptyMessage="No values in this range for these filters."
      >
        {({ trend: { categories, series } }) => (
          <TrendChart
            label={title}
            categories={categories}
            series={series}
            formatValue={formatValue}
            formatAxis={formatAxis}
          />
        )}
      </AsyncView>
    </Panel>
  );
}
