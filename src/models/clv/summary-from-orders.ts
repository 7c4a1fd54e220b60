/**
 * Builds the per-customer summary from the `orders` table, in SQL through
 * the Store, with the conventions of lifetimes' `summary_data_from_transaction_data`
 * and of the CDNOW summary (shared/datasets/cdnow/README.md): orders on the
 * same calendar day (UTC) are one purchase with their amounts added (a
 * same-day refund nets out); a day of refunds or credits alone (negative
 * amounts, which name no purchase they undo) is no purchase, while a $0
 * order is one (CDNOW has them);
 * frequency counts purchase days after the first up to the calibration end
 * (inclusive); recency and T are days from the first purchase to the last
 * one and to the calibration end, divided by 7 for weeks; monetary value is
 * the mean of the repeat purchases. With a holdout end, purchase days after
 * calibration and up to it are counted per customer.
 */
import { RetainError } from '../../domain/errors.js';
import { readWorkspaceSettings } from '../../metrics/workspace-settings.js';
import type { Store } from '../../store/store.js';
import type { CustomerSummary, TimeUnit } from './customer-summary.js';

export type OrderSummaryRequest = {
  /** Last day of calibration, YYYY-MM-DD (default: the day of the last order). */
  calibrationEnd?: string;
  /** Last day of the holdout, YYYY-MM-DD; after the calibration end. */
  holdoutEnd?: string;
  unit: TimeUnit;
};

export type OrderSummary = CustomerSummary & {
  calibrationEnd: string;
  holdoutEnd: string | undefined;
  unit: TimeUnit;
};

export const DAYS_PER_UNIT: Record<TimeUnit, number> = { days: 1, weeks: 7 };

type SummaryRow = {
  customer_id: string;
  frequency: number;
  recency_days: number;
  age_days: number;
  monetary_value: number | null;
  holdout_frequency: number;
};

/** Reads the summary of every customer whose first order is on or before the calibration end. */
export async function readSummaryFromOrders(
  store: Store,
  request: OrderSummaryRequest,
): Promise<OrderSummary> {
  const calibrationEnd = request.calibrationEnd ?? (await readLastOrderDay(store));
  const holdoutEnd = request.holdoutEnd;
  if (holdoutEnd !== undefined && holdoutEnd <= calibrationEnd) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `--holdout-end ${holdoutEnd} is not after the calibration end ${calibrationEnd}.`,
      {
        hint: 'Give a holdout end later than --calibration-end.',
      },
    );
  }
  await assertOneCurrency(store, holdoutEnd ?? calibrationEnd);
  const rows = await store.query<SummaryRow>(
    `WITH days AS (
       SELECT customer_id, CAST(ordered_at AS DATE) AS day, sum(amount) AS amount
       FROM orders
       WHERE CAST(ordered_at AS DATE) <= CAST($2 AS DATE)
       GROUP BY customer_id, CAST(ordered_at AS DATE)
       HAVING max(amount) >= 0
     ),
     firsts AS (SELECT customer_id, min(day) AS first_day FROM days GROUP BY customer_id)
     SELECT f.customer_id,
            CAST(count(*) FILTER (WHERE d.day <= CAST($1 AS DATE)) - 1 AS INTEGER) AS frequency,
            CAST(max(d.day) FILTER (WHERE d.day <= CAST($1 AS DATE)) - f.first_day AS INTEGER) AS recency_days,
            CAST(CAST($1 AS DATE) - f.first_day AS INTEGER) AS age_days,
            CAST(avg(d.amount) FILTER (WHERE d.day > f.first_day AND d.day <= CAST($1 AS DATE)) AS DOUBLE PRECISION) AS monetary_value,
            CAST(count(*) FILTER (WHERE d.day > CAST($1 AS DATE)) AS INTEGER) AS holdout_frequency
     FROM firsts f JOIN days d ON d.customer_id = f.customer_id
     WHERE f.first_day <= CAST($1 AS DATE)
     GROUP BY f.customer_id, f.first_day
     ORDER BY f.customer_id`,
    [calibrationEnd, holdoutEnd ?? calibrationEnd],
  );
  const perUnit = DAYS_PER_UNIT[request.unit];
  const n = rows.length;
  const summary = {
    customerIds: rows.map((row) => row.customer_id),
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    monetaryValue: new Float64Array(n),
  };
  const holdoutFrequency = new Float64Array(n);
  rows.forEach((row, i) => {
    summary.frequency[i] = Number(row.frequency);
    summary.recency[i] = Number(row.recency_days) / perUnit;
    summary.T[i] = Number(row.age_days) / perUnit;
    summary.monetaryValue[i] = row.monetary_value === null ? 0 : Number(row.monetary_value);
    holdoutFrequency[i] = Number(row.holdout_frequency);
  });
  return {
    ...summary,
    holdout:
      holdoutEnd === undefined
        ? undefined
        : {
            frequency: holdoutFrequency,
            duration: daysBetween(calibrationEnd, holdoutEnd) / perUnit,
          },
    calibrationEnd,
    holdoutEnd,
    unit: request.unit,
  };
}

async function readLastOrderDay(store: Store): Promise<string> {
  const rows = await store.query<{ day: string | null }>(
    `SELECT CAST(CAST(max(ordered_at) AS DATE) AS TEXT) AS day FROM orders`,
  );
  const day = rows[0]?.day;
  if (!day) {
    throw new RetainError('NOT_FOUND', 'There are no orders to summarise.', {
      hint: 'Import orders first: retain import orders orders.csv',
    });
  }
  return day;
}

// Spend is averaged as stored; adding amounts in two currencies would be silently wrong.
async function assertOneCurrency(store: Store, lastDay: string): Promise<void> {
  const { reportingCurrency } = await readWorkspaceSettings(store);
  const rows = await store.query<{ currency: string }>(
    `SELECT DISTINCT coalesce(currency, $1) AS currency FROM orders
     WHERE CAST(ordered_at AS DATE) <= CAST($2 AS DATE) ORDER BY 1`,
    [reportingCurrency, lastDay],
  );
  if (rows.length > 1) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `Orders are in ${rows.map((row) => row.currency).join(', ')}; the CLV summary averages amounts in one currency.`,
      {
        hint: 'Summarise one currency at a time, or convert the amounts before importing.',
      },
    );
  }
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
