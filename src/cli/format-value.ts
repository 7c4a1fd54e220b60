/** KPI values as people read them in a terminal; JSON and CSV keep the raw numbers. */
import type { KpiUnit } from '../metrics/definition.js';

const MONEY = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(2)}%`;
    case 'currency':
      return MONEY.format(value);
    case 'count':
    case 'days':
    case 'score':
      return DECIMAL.format(value);
  }
}
