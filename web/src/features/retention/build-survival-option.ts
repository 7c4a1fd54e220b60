/**
 * The Kaplan–Meier curve of customer tenure as a step line from (0, 100 %),
 * with its 95 % pointwise band drawn as a stacked area (lower edge, then the
 * band's height on top of it).
 */
import { CHART_COLORS, type ChartOption } from '../../components/EChart.js';
import type { SurvivalReport } from '../../lib/api-types.js';
import { formatCount, formatDays, formatPercent } from '../../lib/format.js';

export function buildSurvivalOption(report: SurvivalReport): ChartOption {
  const points = [
    { time: 0, survival: 1, lower: 1, upper: 1 },
    ...report.points.map(({ time, survival, lower, upper }) => ({ time, survival, lower, upper })),
  ];
  const step = 'end' as const;
  const color = CHART_COLORS[0];
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
    legend: { top: 0, data: ['Survival', '95 % band'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
        const point = points[index];
        if (!point) return '';
        return `Day ${formatCount(point.time)}: ${formatPercent(point.survival)} (95 % band ${formatPercent(point.lower)}–${formatPercent(point.upper)})`;
      },
    },
    xAxis: {
      type: 'value',
      name: 'days since acquisition',
      nameLocation: 'middle',
      nameGap: 24,
      min: 0,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { formatter: (value: number) => formatPercent(value) },
    },
    series: [
      {
        name: 'band-lower',
        type: 'line',
        step,
        stack: 'band',
        showSymbol: false,
        silent: true,
        lineStyle: { opacity: 0 },
        data: points.map((point) => [point.time, point.lower]),
      },
      {
        name: '95 % band',
        type: 'line',
        step,
        stack: 'band',
        showSymbol: false,
        silent: true,
        itemStyle: { color },
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.15 },
        data: points.map((point) => [point.time, point.upper - point.lower]),
      },
      {
        name: 'Survival',
        type: 'line',
        step,
        showSymbol: false,
        itemStyle: { color },
        lineStyle: { color, width: 2 },
        data: points.map((point) => [point.time, point.survival]),
      },
    ],
  };
}

/** One sentence on the curve: the median tenure with its band, and who it covers. */
export function describeSurvival(report: SurvivalReport): string {
  const band =
    report.medianLower === null
      ? ''
      : report.medianUpper === null
        ? ` (95 % band: at least ${formatDays(report.medianLower)})`
        : ` (95 % band ${formatDays(report.medianLower)} to ${formatDays(report.medianUpper)})`;
  const median =
    report.median === null
      ? 'More than half of these customers are still customers.'
      : `Median tenure ${formatDays(report.median)}${band}.`;
  return `${median} ${formatCount(report.customers)} customers: ${formatCount(report.events)} left, ${formatCount(report.censored)} still active.`;
}
