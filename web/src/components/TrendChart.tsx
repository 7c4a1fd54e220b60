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
  /** A level to read the lines against, such as a threshold, drawn across the chart. */
  referenceLine?: { value: number; label: string };
  /** A fixed axis (a 0..100 score) instead of one fitted to the values, so a reference line stays in view. */
  valueRange?: { min: number; max: number };
};

export function TrendChart({
  label,
  categories,
  series,
  formatValue,
  formatAxis,
  referenceLine,
  valueRange,
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
      yAxis: {
        type: 'value',
        scale: valueRange === undefined,
        ...valueRange,
        axisLabel: { formatter: formatAxis },
      },
      series: series.map((entry, index) => ({
        name: entry.name,
        type: 'line',
        data: [...entry.values],
        // Markers help read a year of months; on a year of days they would only blur the line.
        showSymbol: categories.length <= 24,
        ...(referenceLine === undefined || index > 0
          ? {}
          : {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: '#dc2626', type: 'dashed' },
                label: { formatter: referenceLine.label, position: 'insideEndTop' },
                data: [{ yAxis: referenceLine.value }],
              },
            }),
      })),
    }),
    [categories, series, formatValue, formatAxis, referenceLine, valueRange],
  );
  return <EChart option={option} height={260} label={label} />;
}
