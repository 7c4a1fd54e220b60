/**
 * Currency conversion at the rate in force on the date of the row that set
 * an amount (DESIGN.md, reading 5), so exchange moves never show up as
 * expansion. The lookup is an as-of join (the dialect's); a money row in a
 * foreign currency with no rate on or before its date stops the request with
 * an error naming the currency and the date.
 */
import { RetainError } from '../../domain/errors.js';
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';

/**
 * SQL joining, as `alias`, the rate in force on the date of each row of
 * `money` (whose table alias the caller's query shares); use with
 * {@link convertedAmount}. The as-of lookup runs once per currency and day
 * rather than per row: far fewer lookups, then an equality join.
 */
export function joinFx(context: MetricContext, alias: string, money: MoneySource): string {
  const day = `CAST(${money.date} AS DATE)`;
  return `LEFT JOIN (
      SELECT used.currency, used.day, rate.rate_to_reporting
      FROM (SELECT DISTINCT ${money.currency} AS currency, ${day} AS day
            FROM ${money.table} WHERE ${money.currency} <> '${context.reportingCurrency}') used
      ${context.dialect.joinLatestRate('rate', 'used.currency', 'used.day')}
    ) ${alias} ON ${alias}.currency = ${money.currency} AND ${alias}.day = ${day}`;
}

/**
 * `amount` in the reporting currency, given the join from {@link joinFx},
 * rounded half away from zero to 1/100 of a cent: exact from here on, and
 * cheap to sum. Rounding the wide product before narrowing it is several
 * times faster in DuckDB than a narrowing cast alone, with the same result.
 */
export function convertedAmount(
  context: MetricContext,
  alias: string,
  amount: string,
  currency: string,
): string {
  return `CASE WHEN ${currency} = '${context.reportingCurrency}' OR ${currency} IS NULL
    THEN CAST(${amount} AS DECIMAL(18, 4))
    ELSE CAST(round(CAST(${amount} AS DECIMAL(38, 4)) * ${alias}.rate_to_reporting, 4) AS DECIMAL(18, 4)) END`;
}

/** A money column and the date its amount was set on. */
export type MoneySource = {
  readonly table: string;
  readonly currency: string;
  readonly date: string;
};

export const SUBSCRIPTION_MONEY: readonly MoneySource[] = [
  { table: 'subscriptions s', currency: 's.currency', date: 's.started_at' },
  {
    table: 'subscription_changes c JOIN subscriptions s ON s.id = c.subscription_id',
    currency: 's.currency',
    date: 'c.effective_at',
  },
];
export const DEAL_MONEY: MoneySource = {
  table: 'deals d',
  currency: 'd.currency',
  date: 'coalesce(d.closed_at, d.created_at)',
};
export const SPEND_MONEY: MoneySource = {
  table: 'marketing_spend s',
  currency: 's.currency',
  date: 's.period_start',
};

/**
 * A rate holds from its date until the next one, so a currency is covered
 * on every date from its first rate on: it is enough to compare each
 * currency's earliest money row with its earliest rate.
 */
export async function assertFxCoverage(
  store: Store,
  context: MetricContext,
  sources: readonly MoneySource[],
): Promise<void> {
  for (const source of sources) {
    const [missing] = await store.query<{ currency: string; day: string }>(
      `SELECT used.currency, used.day
       FROM (SELECT ${source.currency} AS currency, min(CAST(${source.date} AS DATE)) AS day
             FROM ${source.table}
             WHERE ${source.currency} <> '${context.reportingCurrency}'
             GROUP BY ${source.currency}) used
       LEFT JOIN (SELECT currency, min(date) AS first_rate FROM fx_rates GROUP BY currency) rates
         ON rates.currency = used.currency
       WHERE rates.first_rate IS NULL OR used.day < rates.first_rate
       ORDER BY used.day LIMIT 1`,
    );
    if (missing) {
      const table = source.table.split(' ')[0] ?? source.table;
      throw new RetainError(
        'INVALID_ARGUMENT',
        `No exchange rate for ${missing.currency} on or before ${missing.day} (needed by ${table}).`,
        {
          hint: `Import fx_rates with a ${missing.currency} row dated ${missing.day} or earlier (rate_to_reporting: the ${context.reportingCurrency} value of one ${missing.currency}).`,
        },
      );
    }
  }
}
