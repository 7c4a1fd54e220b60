/**
 * The cohort heatmap: one row per acquisition cohort (oldest on top, grouped
 * by segment when split), one column per period since acquisition, each cell
 * the share retained (logos) or the MRR kept relative to the first period's
 * (revenue, may pass 100 %).
 */
import type { ChartOption } from '../../components/EChart.js';
import type { CohortMatrix, Grain } from '../../lib/api-types.js';
import { formatCount, formatPercent, formatPeriod } from '../../lib/format.js';

export function isCohortMatrixEmpty(matrix: CohortMatrix): boolean {
  return matrix.cohorts.every((cohort) => cohort.retention.every((value) => value === null));
}

export function buildCohortOption(matrix: CohortMatrix, grain: Grain): ChartOption {
  const rows = matrix.cohorts.map(
    (cohort) =>
      (matrix.by === null ? '' : `${cohort.segment ?? '(none)'} · `) +
      `${formatPeriod(cohort.cohort_start, grain)} · ${formatCount(cohort.customers)}`,
  );
  const width = Math.max(0, ...matrix.cohorts.map((cohort) => cohort.retention.length));
  const cells = matrix.cohorts.flatMap((cohort, row) =>
    cohort.retention.flatMap((value, offset) => (value === null ? [] : [[offset, row, value]])),
  );
  const highest = Math.max(1, ...cells.map((cell) => cell[2] ?? 0));
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (params) => {
        const cell = (Array.isArray(params) ? params[0] : params)?.value;
        if (!Array.isArray(cell)) return '';
        const [offset, row, value] = cell as [number, number, number];
        return `${rows[row] ?? ''} customers, +${offset}: ${formatPercent(value)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: Array.from({ length: width }, (_, offset) => `+${offset}`),
      name: `${grain}s after acquisition`,
      nameLocation: 'middle',
      nameGap: 24,
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: rows, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: highest,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      calculable: false,
      formatter: (value) => formatPercent(Number(value)),
      inRange: { color: ['#eff6ff', '#93c5fd', '#1d4ed8'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: {
          show: true,
          fontSize: 10,
          formatter: (params) => String(Math.round(((params.value as number[])[2] ?? 0) * 100)),
        },
      },
    ],
  };
}
