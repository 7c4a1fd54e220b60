/**
 * Paying customers whose default card lapses (end of its expiry month)
 * before their next renewal charge: the charge will fail, and a failed
 * renewal is how most delinquent churn starts. "Paying" is exactly the `mrr`
 * KPI's (readCurrentMrr at the day), so neither the health score nor an alert
 * ever names a customer the dashboard shows as gone. The health score reads
 * it as a feature, the card-expiring alert rule raises on it.
 */
import {
  computeCardLapse,
  computeNextCharge,
  type BillingInterval,
} from '../../domain/billing-calendar.js';
import { readCurrentMrr } from '../../metrics/customer-mrr.js';
import type { MetricCache } from '../../metrics/metric-cache.js';
import { toSqlTimestamp } from '../../store/sql-time.js';
import type { Store } from '../../store/store.js';

export type CardLapse = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  subscription_id: string;
  billing_interval: BillingInterval;
  payment_method_id: string;
  exp_month: number;
  exp_year: number;
  /** The first renewal charge after the as-of instant (of the soonest-charged subscription). */
  nextCharge: Date;
  /** When the card stops working. */
  lapse: Date;
};

type CardRow = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  subscription_id: string;
  billing_anchor: string;
  billing_interval: string | null;
  payment_method_id: string;
  exp_month: number;
  exp_year: number;
};

/** `paying`: the customers paying at the day, when the caller has read them already. */
export async function readCardLapses(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
  paying?: ReadonlyMap<string, number>,
): Promise<CardLapse[]> {
  paying ??= await readCurrentMrr(store, asOf, cache, 'day');
  const rows = await store.query<CardRow>(
    `SELECT s.customer_id, c.name, c.owner_rep_id, s.id AS subscription_id,
            CASE WHEN s.trial_ends_at > s.started_at THEN s.trial_ends_at ELSE s.started_at END AS billing_anchor,
            s.billing_interval, p.id AS payment_method_id, p.exp_month, p.exp_year
     FROM subscriptions s
     JOIN payment_methods p ON p.customer_id = s.customer_id AND p.is_default
     LEFT JOIN customers c ON c.id = s.customer_id
     WHERE s.started_at <= CAST($1 AS TIMESTAMP)
       AND (s.ended_at IS NULL OR s.ended_at > CAST($1 AS TIMESTAMP))
       AND p.exp_month IS NOT NULL AND p.exp_year IS NOT NULL
     ORDER BY s.customer_id, s.id, p.id`,
    [toSqlTimestamp(asOf)],
  );
  // A customer with several subscriptions is charged first by the soonest one.
  const soonest = new Map<string, CardLapse>();
  for (const row of rows) {
    if (!paying.has(row.customer_id)) continue;
    const interval: BillingInterval = row.billing_interval === 'year' ? 'year' : 'month';
    const nextCharge = computeNextCharge(new Date(row.billing_anchor), interval, asOf);
    const key = `${row.customer_id}\u0000${row.payment_method_id}`;
    const known = soonest.get(key);
    if (known && known.nextCharge <= nextCharge) continue;
    soonest.set(key, {
      customer_id: row.customer_id,
      name: row.name,
      owner_rep_id: row.owner_rep_id,
      subscription_id: row.subscription_id,
      billing_interval: interval,
      payment_method_id: row.payment_method_id,
      exp_month: row.exp_month,
      exp_year: row.exp_year,
      nextCharge,
      lapse: computeCardLapse(row.exp_month, row.exp_year),
    });
  }
  return [...soonest.values()].filter((card) => card.lapse <= card.nextCharge);
}
