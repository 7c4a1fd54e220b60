/**
 * Per-customer signals as of an instant, for the health score and the risk
 * model alike. Every one reads only rows stamped before `asOf`, so scores
 * can be backtested at past dates without seeing what came after. The
 * customers scored are those `customers_active` counts at the end of that
 * day (paying, or within the active window of an order in orders-only
 * workspaces); their MRR is the `mrr` KPI's. One query gathers the
 * table-wide signals; renewals and card lapses use the billing calendar.
 */
import { computeNextCharge } from '../../domain/billing-calendar.js';
import { readCurrentMrr, readCustomerContributions } from '../../metrics/customer-mrr.js';
import type { MetricCache } from '../../metrics/metric-cache.js';
import { toSqlTimestamp } from '../../store/sql-time.js';
import type { Store } from '../../store/store.js';
import { readCardLapses } from './card-lapses.js';
import type { SignalName } from './health-rules.js';

const DAY_MS = 86_400_000;

/** The numeric signals rules and the model read, by name (`null`: not known for this customer). */
export type HealthSignals = {
  /** Events in the last 30 days against the 30-day average of the 60 before, minus 1 (−0.4: down 40 %). */
  usage_trend: number | null;
  /** 1 − most active users in the last 30 days / most in the 60 before (0.5: half the users gone). */
  active_user_drop: number | null;
  failed_invoices_30d: number;
  /** 1 when the default card lapses before the next renewal charge. */
  card_lapses_before_charge: number;
  /** Complaints, objections and claims open at the as-of instant. */
  open_escalations: number;
  nps_latest: number | null;
  /** Latest NPS answer minus the one before it. */
  nps_change: number | null;
  /** Days since the owner's last activity with the customer (since the record was created, if never). */
  days_since_owner_contact: number | null;
  /** Days to the next charge of an annual subscription. */
  days_to_renewal: number | null;
  /** Relative change in seats over the last 90 days (−0.25: a quarter of the seats gone). */
  seat_change_90d: number | null;
  /** Keyword-tracker hits in what the customer said in the last 30 days. */
  tracker_hits_30d: number;
  /** P(alive) of the CLV model, for customers without subscriptions. */
  probability_alive: number | null;
  mrr: number;
  tenure_days: number | null;
};

export type CustomerHealthFeatures = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  /** Categorical descriptors for the model: segment, region, plan, and imported attributes. */
  descriptors: Record<string, string>;
  signals: HealthSignals;
};

type SignalRow = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  created_at: string;
  segment: string | null;
  region: string | null;
  industry: string | null;
  acquisition_channel: string | null;
  attributes: string | null;
  plan: string | null;
  events_recent: number | null;
  events_prior: number | null;
  users_recent: number | null;
  users_prior: number | null;
  failed_invoices: number | null;
  open_escalations: number | null;
  nps_latest: number | null;
  nps_previous: number | null;
  last_owner_contact: string | null;
  seats_now: number | null;
  seats_before: number | null;
  tracker_hits: number | null;
  probability_alive: string | null;
  acquired_at: string | null;
};

type RenewalRow = { customer_id: string; billing_anchor: string };

export async function readHealthFeatures(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
): Promise<CustomerHealthFeatures[]> {
  const active = await readCustomerContributions(store, 'customers_active', asOf, cache, 'day');
  const mrr = await readCurrentMrr(store, asOf, cache, 'day');
  const lapsing = new Set(
    (await readCardLapses(store, asOf, cache, mrr)).map((card) => card.customer_id),
  );
  const renewals = await readNextAnnualRenewals(store, asOf);
  const rows = await store.query<SignalRow>(SIGNALS_SQL, [toSqlTimestamp(asOf)]);
  return rows
    .filter((row) => active.has(row.customer_id))
    .map((row) => ({
      customer_id: row.customer_id,
      name: row.name,
      owner_rep_id: row.owner_rep_id,
      descriptors: toDescriptors(row),
      signals: toSignals(row, asOf, {
        mrr: mrr.get(row.customer_id) ?? 0,
        isCardLapsing: lapsing.has(row.customer_id),
        nextRenewal: renewals.get(row.customer_id),
      }),
    }));
}

function toSignals(
  row: SignalRow,
  asOf: Date,
  known: { mrr: number; isCardLapsing: boolean; nextRenewal: Date | undefined },
): HealthSignals {
  const hasPriorUsage = row.events_prior !== null && row.events_prior > 0;
  const daysBefore = (instant: string | null): number | null =>
    instant === null ? null : (asOf.getTime() - new Date(instant).getTime()) / DAY_MS;
  // `satisfies`: a signal the rules can name but this does not read (or back) fails to compile.
  return {
    usage_trend: hasPriorUsage
      ? (row.events_recent ?? 0) / ((row.events_prior ?? 0) / 2) - 1
      : null,
    active_user_drop:
      row.users_prior !== null && row.users_prior > 0
        ? 1 - (row.users_recent ?? 0) / row.users_prior
        : null,
    failed_invoices_30d: row.failed_invoices ?? 0,
    card_lapses_before_charge: known.isCardLapsing ? 1 : 0,
    open_escalations: row.open_escalations ?? 0,
    nps_latest: row.nps_latest,
    nps_change:
      row.nps_latest !== null && row.nps_previous !== null
        ? row.nps_latest - row.nps_previous
        : null,
    days_since_owner_contact: daysBefore(row.last_owner_contact ?? row.created_at),
    days_to_renewal:
      known.nextRenewal === undefined
        ? null
        : (known.nextRenewal.getTime() - asOf.getTime()) / DAY_MS,
    seat_change_90d:
      row.seats_before !== null && row.seats_before > 0 && row.seats_now !== null
        ? row.seats_now / row.seats_before - 1
        : null,
    tracker_hits_30d: row.tracker_hits ?? 0,
    probability_alive: row.probability_alive === null ? null : Number(row.probability_alive),
    mrr: known.mrr,
    tenure_days: daysBefore(row.acquired_at),
  } satisfies Record<SignalName, number | null>;
}

function toDescriptors(row: SignalRow): Record<string, string> {
  const descriptors: Record<string, string> = {};
  const fixed = {
    segment: row.segment,
    region: row.region,
    industry: row.industry,
    acquisition_channel: row.acquisition_channel,
    plan: row.plan,
  };
  for (const [key, value] of Object.entries(fixed)) if (value !== null) descriptors[key] = value;
  if (row.attributes !== null) {
    const parsed: unknown = JSON.parse(row.attributes);
    if (typeof parsed === 'object' && parsed !== null) {
      for (const [key, value] of Object.entries(parsed)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
          descriptors[key] ??= String(value);
      }
    }
  }
  return descriptors;
}

/** Customer → the soonest next charge of its annual subscriptions in force. */
async function readNextAnnualRenewals(store: Store, asOf: Date): Promise<Map<string, Date>> {
  const rows = await store.query<RenewalRow>(
    `SELECT customer_id,
            CASE WHEN trial_ends_at > started_at THEN trial_ends_at ELSE started_at END AS billing_anchor
     FROM subscriptions
     WHERE billing_interval = 'year' AND started_at <= CAST($1 AS TIMESTAMP)
       AND (ended_at IS NULL OR ended_at > CAST($1 AS TIMESTAMP))`,
    [toSqlTimestamp(asOf)],
  );
  const soonest = new Map<string, Date>();
  for (const row of rows) {
    const next = computeNextCharge(new Date(row.billing_anchor), 'year', asOf);
    const known = soonest.get(row.customer_id);
    if (!known || next < known) soonest.set(row.customer_id, next);
  }
  return soonest;
}

// Each CTE reads only rows stamped before the as-of instant `p.a`. Seats
// follow DESIGN.md's rule (the latest change with seats, else the
// subscription's, an empty value is one seat) at two instants 90 days apart.
// Acquisition is the first paying instant of a subscription with MRR, else
// the first order, as the KPI engine defines it for the two kinds of
// workspace; it only feeds tenure here.
const SIGNALS_SQL = `
WITH p AS (SELECT CAST($1 AS TIMESTAMP) AS a),
usage_window AS (
  SELECT u.customer_id,
         CAST(sum(CASE WHEN u.date >= p.a - INTERVAL '30 days' THEN u.events END) AS DOUBLE PRECISION) AS events_recent,
         CAST(sum(CASE WHEN u.date < p.a - INTERVAL '30 days' THEN u.events END) AS DOUBLE PRECISION) AS events_prior,
         CAST(max(CASE WHEN u.date >= p.a - INTERVAL '30 days' THEN u.active_users END) AS DOUBLE PRECISION) AS users_recent,
         CAST(max(CASE WHEN u.date < p.a - INTERVAL '30 days' THEN u.active_users END) AS DOUBLE PRECISION) AS users_prior
  FROM usage u CROSS JOIN p
  WHERE u.date >= p.a - INTERVAL '90 days' AND u.date < p.a
  GROUP BY u.customer_id),
failed AS (
  SELECT i.customer_id, CAST(count(*) AS INTEGER) AS n
  FROM invoices i CROSS JOIN p
  WHERE i.status = 'failed' AND i.issued_at >= p.a - INTERVAL '30 days' AND i.issued_at < p.a
  GROUP BY i.customer_id),
escalations AS (
  SELECT t.customer_id, CAST(count(*) AS INTEGER) AS n
  FROM tickets t CROSS JOIN p
  WHERE t.kind IN ('complaint', 'objection', 'claim') AND t.opened_at < p.a
    AND (t.closed_at IS NULL OR t.closed_at >= p.a)
  GROUP BY t.customer_id),
nps_ranked AS (
  SELECT n.customer_id, n.score,
         row_number() OVER (PARTITION BY n.customer_id ORDER BY n.responded_at DESC, n.id DESC) AS rn
  FROM nps_responses n CROSS JOIN p
  WHERE n.responded_at < p.a),
nps AS (
  SELECT customer_id,
         max(CASE WHEN rn = 1 THEN score END) AS latest,
         max(CASE WHEN rn = 2 THEN score END) AS previous
  FROM nps_ranked WHERE rn <= 2 GROUP BY customer_id),
owner_contact AS (
  SELECT c.id AS customer_id, max(a.occurred_at) AS last_at
  FROM customers c JOIN activities a ON a.customer_id = c.id AND a.rep_id = c.owner_rep_id
  CROSS JOIN p
  WHERE a.occurred_at < p.a AND a.kind <> 'note'
  GROUP BY c.id),
instants AS (
  SELECT 'now' AS k, a AS at_instant FROM p
  UNION ALL SELECT 'before', a - INTERVAL '90 days' FROM p),
seat_changes AS (
  SELECT sc.subscription_id, i.k, sc.seats,
         row_number() OVER (PARTITION BY sc.subscription_id, i.k ORDER BY sc.effective_at DESC, sc.id DESC) AS rn
  FROM subscription_changes sc JOIN instants i ON sc.effective_at < i.at_instant
  WHERE sc.seats IS NOT NULL),
seats AS (
  SELECT s.customer_id,
         CAST(sum(CASE WHEN i.k = 'now' THEN coalesce(ch.seats, s.seats, 1) END) AS DOUBLE PRECISION) AS seats_now,
         CAST(sum(CASE WHEN i.k = 'before' THEN coalesce(ch.seats, s.seats, 1) END) AS DOUBLE PRECISION) AS seats_before
  FROM subscriptions s
  JOIN instants i ON s.started_at < i.at_instant AND (s.ended_at IS NULL OR s.ended_at >= i.at_instant)
  LEFT JOIN seat_changes ch ON ch.subscription_id = s.id AND ch.k = i.k AND ch.rn = 1
  GROUP BY s.customer_id),
current_plan AS (
  SELECT customer_id, plan FROM (
    SELECT s.customer_id, s.plan,
           row_number() OVER (PARTITION BY s.customer_id ORDER BY s.mrr DESC, s.started_at DESC, s.id) AS rn
    FROM subscriptions s CROSS JOIN p
    WHERE s.started_at < p.a AND (s.ended_at IS NULL OR s.ended_at >= p.a)) ranked
  WHERE rn = 1),
hits AS (
  SELECT h.customer_id, CAST(count(*) AS INTEGER) AS n
  FROM tracker_hits h CROSS JOIN p
  WHERE h.customer_id IS NOT NULL AND h.occurred_at >= p.a - INTERVAL '30 days' AND h.occurred_at < p.a
    AND (h.is_rep_speaking IS NULL OR NOT h.is_rep_speaking)
  GROUP BY h.customer_id),
acquisition AS (
  SELECT customer_id, min(paying_at) AS acquired_at FROM (
    SELECT s.customer_id,
           CASE WHEN s.trial_ends_at > s.started_at THEN s.trial_ends_at ELSE s.started_at END AS paying_at
    FROM subscriptions s WHERE s.mrr > 0
    UNION ALL
    SELECT o.customer_id, o.ordered_at FROM orders o
    WHERE o.amount >= 0 AND NOT EXISTS (SELECT 1 FROM subscriptions s2 WHERE s2.customer_id = o.customer_id)) firsts
  CROSS JOIN p WHERE paying_at < p.a
  GROUP BY customer_id),
alive AS (
  SELECT cl.customer_id, cl.probability_alive
  FROM clv_predictions cl CROSS JOIN p
  WHERE cl.calibration_end <= CAST(p.a AS DATE)
    AND NOT EXISTS (SELECT 1 FROM subscriptions s3 WHERE s3.customer_id = cl.customer_id))
SELECT c.id AS customer_id, c.name, c.owner_rep_id, c.created_at, c.segment, c.region, c.industry,
       c.acquisition_channel, CAST(c.attributes AS TEXT) AS attributes, cp.plan,
       u.events_recent, u.events_prior, u.users_recent, u.users_prior,
       f.n AS failed_invoices, e.n AS open_escalations, n.latest AS nps_latest, n.previous AS nps_previous,
       oc.last_at AS last_owner_contact, s.seats_now, s.seats_before, h.n AS tracker_hits,
       CAST(cl.probability_alive AS TEXT) AS probability_alive, aq.acquired_at
FROM customers c
LEFT JOIN usage_window u ON u.customer_id = c.id
LEFT JOIN failed f ON f.customer_id = c.id
LEFT JOIN escalations e ON e.customer_id = c.id
LEFT JOIN nps n ON n.customer_id = c.id
LEFT JOIN owner_contact oc ON oc.customer_id = c.id
LEFT JOIN seats s ON s.customer_id = c.id
LEFT JOIN current_plan cp ON cp.customer_id = c.id
LEFT JOIN hits h ON h.customer_id = c.id
LEFT JOIN acquisition aq ON aq.customer_id = c.id
LEFT JOIN alive cl ON cl.customer_id = c.id
ORDER BY c.id`;
