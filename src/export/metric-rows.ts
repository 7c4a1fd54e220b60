/** KPI results as export rows: one per KPI, period and segment, with typed columns for Parquet. */
import { Readable } from 'node:stream';
import type { MetricResult } from '../metrics/compute-metrics.js';
import type { ExportSource } from './export-rows.js';

export const METRIC_COLUMNS = [
  { name: 'metric', sqlType: 'TEXT' },
  { name: 'period_start', sqlType: 'DATE' },
  { name: 'period_end', sqlType: 'DATE' },
  { name: 'segment', sqlType: 'TEXT' },
  { name: 'value', sqlType: 'DOUBLE PRECISION' },
  { name: 'numerator', sqlType: 'DOUBLE PRECISION' },
  { name: 'denominator', sqlType: 'DOUBLE PRECISION' },
  { name: 'unit', sqlType: 'TEXT' },
  { name: 'partial', sqlType: 'BOOLEAN' },
] as const;

export function toMetricRowSource(results: readonly MetricResult[]): ExportSource {
  return {
    columns: METRIC_COLUMNS,
    pages: Readable.from([
      results.map((result) => ({
        metric: result.metric,
        period_start: result.period_start,
        period_end: result.period_end,
        segment: result.segment,
        value: result.value,
        numerator: result.numerator,
        denominator: result.denominator,
        unit: result.unit,
        partial: result.partial ?? null,
      })),
    ]),
  };
}
