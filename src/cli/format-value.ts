/** KPI values as people read them in a terminal; JSON and CSV keep the raw numbers. */
import type { MetricResult } from '../metrics/compute-metrics.js';
import type { KpiUnit } from '../metrics/definition.js';
import { findKpi } from '../metrics/registry.js';

const MONEY = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const MULTIPLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatKpiValue(value: number | null, unit: KpiUnit, display?: 'multiple'): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ratio':
      return display === 'multiple' ? MULTIPLE.format(value) : `${(value * 100).toFixed(2)}%`;
    case 'currency':
      return MONEY.format(value);
    case 'count':
    case 'days':
    case 'months':
    case 'score':
      return DECIMAL.format(value);
  }
}

/** A result's value formatted for its KPI (unit and display). */
export function formatResultValue(result: Pick<MetricResult, 'metric' | 'value' | 'unit'>): string {
  return formatKpiValue(result.value, result.unit, findKpi(result.metric)?.display);
}
