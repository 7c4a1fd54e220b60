/** How the digest writes numbers, dates and changes, the same in text and HTML. */
import type { KpiUnit } from '../../metrics/definition.js';
import type { TrendEntry, TrendValue } from '../digest.js';

/** Rows a section shows in HTML and text; the JSON digest keeps them all. */
export const ROWS_SHOWN = 10;

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  return `${currency} ${WHOLE.format(amount)}`;
}

export function formatValue(value: number | null, unit: KpiUnit, currency: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'currency':
      return formatMoney(value, currency);
    case 'count':
    case 'days':
    case 'months':
    case 'score':
      return ONE_DECIMAL.format(value);
  }
}

/**
 * A change as people compare it: rates in percentage points (churn 2.1% →
 * 1.8% is −0.3 pp, not −14 %), NPS in points, amounts and counts relative.
 */
export function formatChange(value: TrendValue, unit: KpiUnit): string {
  const { change, previous } = value;
  if (change === null || previous === null) return '—';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  switch (unit) {
    case 'ratio':
      // Churn moves by hundredths of a point week to week: keep two decimals below one point.
      return `${sign}${Math.abs(change * 100).toFixed(Math.abs(change) < 0.01 ? 2 : 1)} pp`;
    case 'score':
      return `${sign}${Math.abs(change).toFixed(1)}`;
    case 'count':
    case 'currency':
    case 'days':
    case 'months':
      return previous === 0
        ? `${sign}${ONE_DECIMAL.format(Math.abs(change))}`
        : `${sign}${Math.abs((change / Math.abs(previous)) * 100).toFixed(0)}%`;
  }
}

/** Whether a change is good news, bad news, or neither, in the KPI's direction. */
export function toneOf(
  value: TrendValue,
  direction: TrendEntry['direction'],
): 'good' | 'bad' | 'flat' {
  if (value.change === null || value.change === 0) return 'flat';
  return value.change > 0 === (direction === 'higher_is_better') ? 'good' : 'bad';
}

/** `2026-05-04T09:25:59Z` → `2026-05-04`. */
export function formatDay(timestamp: string | null): string {
  return timestamp ? timestamp.slice(0, 10) : '—';
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** `Monday 4 May 2026`. */
export function formatLongDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
