/**
 * Goals of different units on one axis: each goal's actual and expected to
 * date as a share of its own target, so a revenue goal and a churn goal sit
 * side by side, with the target as the line at 100 %. For a lower-is-better
 * goal (churn) a bar short of the line is the good side.
 */
import type { ChartOption } from '../../components/EChart.js';
import { formatAxisValue, formatPercent } from '../../lib/format.js';
import type { GoalRow } from './goal-rows.js';

const PERCENT = { unit: 'ratio' } as const;

/** Pixels per goal, so every label stays readable however many goals there are. */
export const GOAL_CHART_ROW_HEIGHT = 44;

export function buildGoalChartOption(rows: readonly GoalRow[]): ChartOption {
  const shareOf = (value: number | null, target: number) =>
    value === null || target === 0 ? null : value / target;
  return {
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? formatPercent(value) : '—'),
    },
    xAxis: {
      type: 'value',
      splitNumber: 4,
      axisLabel: {
        hideOverlap: true,
        formatter: (value: number) => formatAxisValue(value, PERCENT),
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      // The scope on a line of its own survives the truncation that a phone's width forces.
      data: rows.map((row) => `${row.title}\n${row.scope}`),
      axisLabel: { width: 120, overflow: 'truncate', lineHeight: 14 },
    },
    series: [
      {
        name: 'Actual',
        type: 'bar',
        data: rows.map((row) => shareOf(row.goal.actual, row.goal.target)),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#0f172a', type: 'solid', width: 2 },
          label: { formatter: 'Target', position: 'start' },
          data: [{ xAxis: 1 }],
        },
      },
      {
        name: 'Expected to date',
        type: 'bar',
        data: rows.map((row) => shareOf(row.goal.expected, row.goal.target)),
      },
    ],
  };
}
