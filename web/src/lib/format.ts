/**
 * Every number and date the dashboard shows is formatted here and nowhere
 * else, in en-US whatever the browser's locale, so a tile reads the same for
 * everyone and the browser tests can compare it with the API's raw values.
 * Money has no currency sign: the API reports amounts in the workspace's
 * reporting currency without naming it.
 */
import type { Grain, Kpi } from './api-types.js';

type KpiDisplay = { unit: Kpi['unit']; display?: Kpi['display'] };

const LOCALE = 'en-US';
const MONEY_WHOLE = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const MONEY_CENTS = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const COMPACT = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const ONE_DECIMAL = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const TWO_DECIMALS_AT_MOST = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const SIGNED_ONE_DECIMAL = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const SIGNED_TWO_DECIMALS = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});
const SIGNED_POINTS = new Intl.NumberFormat(LOCALE, {
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What the dashboard shows for a missing value (an empty denominator, no data). */
const NO_VALUE = '—';

/** Whole units from 100 up (cents there are noise), cents below. */
export function formatMoney(value: number | null): string {
  if (value === null) return NO_VALUE;
  return Math.abs(value) >= 100 ? MONEY_WHOLE.format(value) : MONEY_CENTS.format(value);
}

/** A movement of money with its sign: +1,250 or -300. */
export function formatSignedMoney(value: number): string {
  const sign = value > 0 ? '+' : '';
  return `${sign}${formatMoney(value)}`;
}

/** A fraction as a percentage: 0.0425 → 4.3%. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? NO_VALUE : `${ONE_DECIMAL.format(ratio * 100)}%`;
}

export function formatCount(value: number | null): string {
  return value === null ? NO_VALUE : ONE_DECIMAL.format(value);
}

/** Up to two decimals, for small rates such as 0.37 meetings a day. */
export function formatPrecise(value: number | null): string {
  return value === null ? NO_VALUE : TWO_DECIMALS_AT_MOST.format(value);
}

/** Points a health rule adds or takes off: -15 pts, +5 pts. */
export function formatPoints(value: number): string {
  return `${SIGNED_POINTS.format(value)} pts`;
}

export function formatDays(value: number | null): string {
  return value === null ? NO_VALUE : `${ONE_DECIMAL.format(value)} d`;
}

/** A KPI value by its unit: money, percent (or a multiple such as LTV:CAC 3.20×), count, days, score. */
export function formatKpiValue(value: number | null, kpi: KpiDisplay): string {
  if (value === null) return NO_VALUE;
  switch (kpi.unit) {
    case 'currency':
      return formatMoney(value);
    case 'ratio':
      return kpi.display === 'multiple' ? `${TWO_DECIMALS.format(value)}×` : formatPercent(value);
    case 'days':
      return formatDays(value);
    case 'months':
      return `${ONE_DECIMAL.format(value)} mo`;
    case 'count':
    case 'score':
      return formatCount(value);
  }
}

/** Short axis labels: 118k, 4%, 3.2×. */
export function formatAxisValue(value: number, kpi: KpiDisplay): string {
  switch (kpi.unit) {
    case 'currency':
    case 'count':
      return COMPACT.format(value);
    case 'ratio':
      return kpi.display === 'multiple'
        ? `${ONE_DECIMAL.format(value)}×`
        : `${ONE_DECIMAL.format(value * 100)}%`;
    case 'days':
    case 'months':
    case 'score':
      return ONE_DECIMAL.format(value);
  }
}

/**
 * The change from the previous period: percentage points for percentages,
 * points for scores (NPS), the difference for multiples, and the relative
 * change for amounts, counts and days (the difference when the previous
 * value was 0, where a relative change has no meaning).
 */
export function formatKpiChange(
  current: number | null,
  previous: number | null,
  kpi: KpiDisplay,
): string {
  if (current === null || previous === null) return NO_VALUE;
  const difference = current - previous;
  switch (kpi.unit) {
    case 'ratio':
      return kpi.display === 'multiple'
        ? `${SIGNED_TWO_DECIMALS.format(difference)}×`
        : `${SIGNED_ONE_DECIMAL.format(difference * 100)} pp`;
    case 'score':
      return `${SIGNED_ONE_DECIMAL.format(difference)} pts`;
    case 'currency':
    case 'count':
    case 'days':
    case 'months':
      return previous === 0
        ? SIGNED_ONE_DECIMAL.format(difference)
        : `${SIGNED_ONE_DECIMAL.format((difference / Math.abs(previous)) * 100)}%`;
  }
}

/** A period by its first day: Jun 2025, Q2 2025, 2025, or the day itself for days and weeks. */
export function formatPeriod(periodStart: string, grain: Grain): string {
  const [year = '', month = '1', day = '1'] = periodStart.slice(0, 10).split('-');
  const monthName = MONTHS[Number(month) - 1] ?? month;
  switch (grain) {
    case 'year':
      return year;
    case 'quarter':
      return `Q${Math.floor((Number(month) - 1) / 3) + 1} ${year}`;
    case 'month':
      return `${monthName} ${year}`;
    case 'week':
    case 'day':
      return `${Number(day)} ${monthName} ${year}`;
  }
}

/** The calendar date of a timestamp as the API writes it (UTC), e.g. 5 Jun 2024. */
export function formatDate(timestamp: string): string {
  return formatPeriod(timestamp, 'day');
}

/** A span with an exclusive end, as the days it covers: 1 Apr 2025 – 30 Jun 2025. */
export function formatDateRange(start: string, endExclusive: string): string {
  const last = new Date(`${endExclusive.slice(0, 10)}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${formatDate(start)} – ${formatDate(last.toISOString())}`;
}
