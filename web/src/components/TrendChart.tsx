/** One or more series over periods as lines, the axis fitted to the values rather than to 0. */
import { useMemo } from 'react';
import { EChart, type ChartOption } from './EChart.js';

export type TrendSeries = { name: string; values: readonly (number | null)[] };

export type TrendChartProps = {
  /** What the chart shows, for screen readers. */
  label: string;
  categories: readonly string[];
  series: readonly TrendSeries[];
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
};

export function TrendChart({
  label,
  categories,
  series,
  formatValue,
  formatAxis,
}: TrendChartProps) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
      legend: { show: series.length > 1, top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        confine: true,
        valueFormatter: (value) => (typeof value === 'number' ? formatValue(value) : '—'),
      },
      xAxis: { type: 'category', data: [...categories], boundaryGap: false },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: formatAxis } },
      series: series.map((entry) => ({
        name: entry.name,
        type: 'line',
        data: [...entry.values],
        // Markers help read a year of months; on a year of days they would only blur the line.
        showSymbol: categories.length <= 24,
      })),
    }),
    [categories, series, formatValue, formatAxis],
  );
  return <EChart option={option} height={260} label={label} />;
}
