/**
 * The default card lapsing before the next renewal charge: the charge will
 * fail, and a failed renewal is how most delinquent churn starts. Only
 * paying customers count, with "paying" exactly as the KPI engine has it
 * (the `mrr` KPI's own rows, via readCurrentMrr), so an alert never names a
 * customer the dashboard shows as gone.
 */
import type { MetricCache } from '../../metrics/metric-cache.js';
import { readCurrentMrr } from '../../metrics/customer-mrr.js';
import type { Store } from '../../store/store.js';
import type { AlertCandidate } from '../alert.js';
import { toIsoDate, toSqlTimestamp } from '../sql-time.js';
import { computeCardLapse, computeNextCharge, type BillingInterval } from './next-charge.js';

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

type Charge = { row: CardRow; nextCharge: Date };

export async function findExpiringCards(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
): Promise<AlertCandidate[]> {
  const paying = await readCurrentMrr(store, asOf, cache);
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
  const soonest = new Map<string, Charge>();
  for (const row of rows) {
    if (!paying.has(row.customer_id)) continue;
    const interval: BillingInterval = row.billing_interval === 'year' ? 'year' : 'month';
    const nextCharge = computeNextCharge(new Date(row.billing_anchor), interval, asOf);
    const key = `${row.customer_id}\u0000${row.payment_method_id}`;
    const known = soonest.get(key);
    if (!known || nextCharge < known.nextCharge) soonest.set(key, { row, nextCharge });
  }
  return [...soonest.values()]
    .filter(({ row, nextCharge }) => computeCardLapse(row.exp_month, row.exp_year) <= nextCharge)
    .map((charge) => toCandidate(charge, asOf));
}

function toCandidate({ row, nextCharge }: Charge, asOf: Date): AlertCandidate {
  const name = row.name ?? row.customer_id;
  const expiry = `${String(row.exp_month).padStart(2, '0')}/${row.exp_year}`;
  const charge = toIsoDate(nextCharge);
  return {
    kind: 'card_expiring',
    subject_kind: 'customer',
    subject_id: row.customer_id,
    assignee_rep_id: row.owner_rep_id,
    // One alert per card: a renewed card (new expiry) is a new situation.
    dedupe_key: `card_expiring:${row.customer_id}:${row.payment_method_id}:${expiry}`,
    title:
      computeCardLapse(row.exp_month, row.exp_year) <= asOf
        ? `${name}'s card expired ${expiry}; the next charge is on ${charge}`
        : `${name}'s card expires ${expiry}, before the next charge on ${charge}`,
    task: `Ask ${name} to update the card on file before ${charge}.`,
    detail: {
      customer_id: row.customer_id,
      customer_name: row.name,
      payment_method_id: row.payment_method_id,
      exp_month: row.exp_month,
      exp_year: row.exp_year,
      subscription_id: row.subscription_id,
      billing_interval: row.billing_interval ?? 'month',
      next_charge: charge,
    },
  };
}
