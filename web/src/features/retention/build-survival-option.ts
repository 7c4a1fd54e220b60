/**
 * Kaplan–Meier curves of customer tenure as step lines from (0, 100 %). One
 * curve gets its 95 % pointwise band, drawn as a stacked area (lower edge,
 * then the band's height on top of it); curves per segment get a line each
 * and no bands, which would hide one another.
 */
import { CHART_COLORS, type ChartOption } from '../../components/EChart.js';
import type { SurvivalCurve, SurvivalReport } from '../../lib/api-types.js';
import { formatCount, formatDays, formatPercent } from '../../lib/format.js';

type Step = { days: number; survival: number; lower: number; upper: number };

/** The curve's steps, starting from everyone at day 0. */
function toSteps(curve: SurvivalCurve): Step[] {
  return [
    { days: 0, survival: 1, lower: 1, upper: 1 },
    ...curve.points.map((point) => ({
      days: point.days,
      survival: point.survival,
      lower: point.lower_95,
      upper: point.upper_95,
    })),
  ];
}

/** The label of a curve's segment; customers without a value have none. */
export function toCurveLabel(curve: SurvivalCurve): string {
  return curve.segment ?? '(none)';
}

export function isSurvivalEmpty(report: SurvivalReport): boolean {
  return report.curves.every((curve) => curve.customers === 0);
}

export function buildSurvivalOption(report: SurvivalReport): ChartOption {
  const [only] = report.curves;
  const base: ChartOption = {
    grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
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
  };
  return report.by === null && only !== undefined
    ? { ...base, ...buildBandedCurve(toSteps(only)) }
    : { ...base, ...buildSegmentCurves(report.curves) };
}

function buildBandedCurve(steps: readonly Step[]): ChartOption {
  const step = 'end' as const;
  const color = CHART_COLORS[0];
  return {
    legend: { top: 0, data: ['Survival', '95 % band'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
        const point = steps[index];
        if (!point) return '';
        return `Day ${formatCount(point.days)}: ${formatPercent(point.survival)} (95 % band ${formatPercent(point.lower)}–${formatPercent(point.upper)})`;
      },
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
        data: steps.map((point) => [point.days, point.lower]),
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
        data: steps.map((point) => [point.days, point.upper - point.lower]),
      },
      {
        name: 'Survival',
        type: 'line',
        step,
        showSymbol: false,
        itemStyle: { color },
        lineStyle: { color, width: 2 },
        data: steps.map((point) => [point.days, point.survival]),
      },
    ],
  };
}

function buildSegmentCurves(curves: readonly SurvivalCurve[]): ChartOption {
  return {
    legend: { top: 0, type: 'scroll', data: curves.map(toCurveLabel) },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [days, survival] = (item?.value ?? []) as [number, number];
        return `${item?.seriesName ?? ''}, day ${formatCount(days)}: ${formatPercent(survival)}`;
      },
    },
    series: curves.map((curve, index) => {
      const color = CHART_COLORS[index % CHART_COLORS.length];
      return {
        name: toCurveLabel(curve),
        type: 'line' as const,
        step: 'end' as const,
        showSymbol: false,
        itemStyle: { color },
        lineStyle: { color, width: 2 },
        data: toSteps(curve).map((point) => [point.days, point.survival]),
      };
    }),
  };
}

/** One sentence on a curve: the median tenure with its band, and who it covers. */
export function describeSurvival(curve: SurvivalCurve): string {
  const band =
    curve.median_lower_days === null
      ? ''
      : curve.median_upper_days === null
        ? ` (95 % band: at least ${formatDays(curve.median_lower_days)})`
        : ` (95 % band ${formatDays(curve.median_lower_days)} to ${formatDays(curve.median_upper_days)})`;
  const median =
    curve.median_days === null
      ? 'More than half of these customers are still customers.'
      : `Median tenure ${formatDays(curve.median_days)}${band}.`;
  return `${median} ${formatCount(curve.customers)} customers: ${formatCount(curve.events)} left, ${formatCount(curve.censored)} still active.`;
}
