/**
 * Daily first and repeat purchases from `orders`, for the tracking check:
 * the customers acquired by the calibration end, their purchase days (same
 * day = one purchase; a day of refunds alone, none) up to `end`, counted per
 * day since the first one.
 */
import type { Store } from '../../store/store.js';
import type { DailyPurchaseCounts } from './model-checks.js';
import { daysBetween } from './summary-from-orders.js';

export type PurchaseCountsResult = DailyPurchaseCounts & { firstDay: string; weeks: number };

export async function readPurchaseCountsFromOrders(
  store: Store,
  calibrationEnd: string,
  end: string,
): Promise<PurchaseCountsResult> {
  const rows = await store.query<{
    first_day: string;
    day: number;
    firsts: number;
    repeats: number;
  }>(
    `WITH days AS (
       SELECT customer_id, CAST(ordered_at AS DATE) AS day FROM orders
       WHERE CAST(ordered_at AS DATE) <= CAST($2 AS DATE)
       GROUP BY customer_id, CAST(ordered_at AS DATE)
       HAVING max(amount) >= 0
     ),
     firsts AS (
       SELECT customer_id, min(day) AS first_day FROM days GROUP BY customer_id
       HAVING min(day) <= CAST($1 AS DATE)
     ),
     origin AS (SELECT min(first_day) AS start_day FROM firsts)
     SELECT CAST(o.start_day AS TEXT) AS first_day, CAST(d.day - o.start_day AS INTEGER) AS day,
            CAST(count(*) FILTER (WHERE d.day = f.first_day) AS INTEGER) AS firsts,
            CAST(count(*) FILTER (WHERE d.day > f.first_day) AS INTEGER) AS repeats
     FROM days d JOIN firsts f ON f.customer_id = d.customer_id CROSS JOIN origin o
     GROUP BY o.start_day, d.day - o.start_day
     ORDER BY 2`,
    [calibrationEnd, end],
  );
  const firstDay = rows[0]?.first_day ?? calibrationEnd;
  return {
    firstDay,
    weeks: Math.ceil((daysBetween(firstDay, end) + 1) / 7),
    day: Int32Array.from(rows, (row) => Number(row.day)),
    firsts: Float64Array.from(rows, (row) => Number(row.firsts)),
    repeats: Float64Array.from(rows, (row) => Number(row.repeats)),
  };
}
