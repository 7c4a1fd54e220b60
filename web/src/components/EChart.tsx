/**
 * The one place the dashboard touches ECharts: registers the few chart kinds
 * and components it uses (tree-shaken from `echarts/core`), and renders an
 * option object into a resizing SVG chart. Everything else builds plain
 * `ChartOption` objects. Animation is off for people who ask for reduced motion.
 */
import {
  BarChart,
  HeatmapChart,
  LineChart,
  type BarSeriesOption,
  type HeatmapSeriesOption,
  type LineSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** The series colours, in order; the stylesheet uses the same ones. */
export const CHART_COLORS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2'];

export type EChartProps = {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
};

export function EChart({ option, height, label }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    const isMotionReduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.current?.setOption(
      { color: CHART_COLORS, animation: !isMotionReduced, ...option },
      { notMerge: true },
    );
  }, [option]);

  return <div ref={container} className="chart" style={{ height }} role="img" aria-label={label} />;
}
