/**
 * The MRR bridge of one period: start MRR, the five movements, end MRR.
 * DESIGN.md guarantees the movements sum exactly to the change in MRR, so
 * the start is derived from the end and the movements rather than fetched
 * from the period before (which may lie outside the range).
 */
import type { ChartOption } from '../../components/EChart.js';
import type { MetricResult } from '../../lib/api-types.js';
import { formatAxisValue, formatMoney, formatSignedMoney } from '../../lib/format.js';

export const WATERFALL_METRICS = ['mrr', 'mrr_movements'];

export type WaterfallStep = { label: string; amount: number; kind: 'total' | 'up' | 'down' };

const MOVEMENTS = [
  { metric: 'mrr_new', label: 'New', kind: 'up' },
  { metric: 'mrr_expansion', label: 'Expansion', kind: 'up' },
  { metric: 'mrr_reactivation', label: 'Reactivation', kind: 'up' },
  { metric: 'mrr_contraction', label: 'Contraction', kind: 'down' },
  { metric: 'mrr_churned', label: 'Churned', kind: 'down' },
] as const;

/** The periods with any MRR or movement, oldest first: a period of zeros has nothing to bridge. */
export function listWaterfallPeriods(results: readonly MetricResult[]): string[] {
  const periods = results
    .filter((result) => result.value !== null && result.value !== 0)
    .map((result) => result.period_start);
  return [...new Set(periods)].sort();
}

export function buildWaterfallSteps(
  results: readonly MetricResult[],
  periodStart: string,
): WaterfallStep[] {
  const valueOf = (metric: string) =>
    results.find((result) => result.metric === metric && result.period_start === periodStart)
      ?.value ?? 0;
  const end = valueOf('mrr');
  const movements = MOVEMENTS.map(({ metric, label, kind }) => ({
    label,
    kind,
    amount: valueOf(metric),
  }));
  const net = movements.reduce(
    (sum, step) => sum + (step.kind === 'up' ? step.amount : -step.amount),
    0,
  );
  return [
    { label: 'Start MRR', amount: end - net, kind: 'total' },
    ...movements,
    { label: 'End MRR', amount: end, kind: 'total' },
  ];
}

const STEP_COLORS: Record<WaterfallStep['kind'], string> = {
  total: '#2563eb',
  up: '#059669',
  down: '#dc2626',
};

/** Floating bars: an invisible base series lifts each movement to where the running total stands. */
export function buildWaterfallOption(steps: readonly WaterfallStep[]): ChartOption {
  let running = 0;
  const bars = steps.map((step) => {
    if (step.kind === 'total') {
      running = step.amount;
      return { base: 0, height: step.amount };
    }
    const base = step.kind === 'up' ? running : running - step.amount;
    running += step.kind === 'up' ? step.amount : -step.amount;
    return { base, height: step.amount };
  });
  // Movements are small next to MRR: start the axis below the lowest running total, not at 0.
  const lows = bars.map((bar, index) => (steps[index]?.kind === 'total' ? bar.height : bar.base));
  const highs = bars.map((bar) => bar.base + bar.height);
  const lowest = Math.min(...lows);
  const highest = Math.max(...highs);
  const step = 10 ** Math.floor(Math.log10(Math.max(1, highest - lowest)));
  const floor = Math.max(0, Math.floor((lowest - (highest - lowest) * 2) / step) * step);
  const labelOf = (step: WaterfallStep) =>
    step.kind === 'total'
      ? formatMoney(step.amount)
      : formatSignedMoney(step.kind === 'up' ? step.amount : -step.amount);
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? 0;
        const step = steps[index];
        return step === undefined ? '' : `${step.label}: ${labelOf(step)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: steps.map((step) => step.label),
      axisLabel: { interval: 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: floor,
      axisLabel: { formatter: (value: number) => formatAxisValue(value, { unit: 'currency' }) },
    },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: bars.map((bar) => bar.base),
      },
      {
        type: 'bar',
        stack: 'waterfall',
        data: steps.map((step, index) => ({
          value: bars[index]?.height ?? 0,
          itemStyle: { color: STEP_COLORS[step.kind] },
        })),
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (params) => {
            const step = steps[params.dataIndex];
            return step === undefined ? '' : labelOf(step);
          },
        },
      },
    ],
  };
}
