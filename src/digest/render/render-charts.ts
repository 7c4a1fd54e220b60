/**
 * Charts for the HTML digest, rendered on the server to SVG strings with
 * ECharts' server-side renderer (no browser, no DOM), so the page reads the
 * same in a mail client as in a browser. Animation is off: an e-mail shows
 * the first frame only.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  type GridComponentOption,
  type LegendComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption
>;

export const CHART_COLORS = ['#2563eb', '#94a3b8', '#d97706', '#059669'];
const FONT = { fontFamily: 'Helvetica, Arial, sans-serif', fontSize: 11, color: '#475569' };

export function renderSvgChart(option: ChartOption, width: number, height: number): string {
  // Registration is idempotent; doing it here keeps the module free of import-time effects.
  use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: CHART_COLORS, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A 120 × 28 line of monthly values; gaps where a month has none. */
export function renderSparkline(values: readonly (number | null)[], color: string): string {
  return renderSvgChart(
    {
      grid: { left: 2, right: 2, top: 3, bottom: 3 },
      xAxis: { type: 'category', show: false, data: values.map((_, index) => String(index)) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: values.map((value) => value ?? '-'),
          symbol: 'none',
          lineStyle: { width: 1.5, color },
          areaStyle: { color, opacity: 0.08 },
        },
      ],
    },
    120,
    28,
  );
}

/** Horizontal bars, one per label, longest first. */
export function renderBarList(
  rows: readonly { label: string; value: number }[],
  valueName: string,
  width: number,
): string {
  const ordered = [...rows].reverse();
  return renderSvgChart(
    {
      grid: { left: 150, right: 40, top: 8, bottom: 20 },
      xAxis: {
        type: 'value',
        name: valueName,
        nameLocation: 'middle',
        nameGap: 14,
        splitLine: { lineStyle: { color: '#e2e8f0' } },
      },
      yAxis: { type: 'category', data: ordered.map((row) => row.label), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          data: ordered.map((row) => row.value),
          barMaxWidth: 14,
          label: { show: true, position: 'right', fontSize: 10 },
        },
      ],
    },
    width,
    Math.max(80, 28 + rows.length * 24),
  );
}

/** Grouped bars: this period against the one before, per category. */
export function renderComparisonBars(
  categories: readonly string[],
  current: readonly (number | null)[],
  previous: readonly (number | null)[],
  names: readonly [string, string],
  width: number,
): string {
  return renderSvgChart(
    {
      legend: { top: 0, right: 16, itemWidth: 10, itemHeight: 10, itemGap: 16 },
      grid: { left: 60, right: 10, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: [...categories], axisTick: { show: false } },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e2e8f0' } } },
      series: [
        {
          type: 'bar',
          name: names[0],
          data: current.map((value) => value ?? '-'),
          barMaxWidth: 18,
        },
        {
          type: 'bar',
          name: names[1],
          data: previous.map((value) => value ?? '-'),
          barMaxWidth: 18,
        },
      ],
    },
    width,
    200,
  );
}
