/**
 * Customers acquired in the seven days before the digest date (the
 * `new_customers` KPI's own rows, day by day, so the list and the KPI always
 * agree) and how their onboarding goes: first usage, active users, and
 * whether the first invoice has been paid.
 */
import { findKpiOrThrow } from '../../metrics/registry.js';
import { withMetricSession } from '../../metrics/metric-session.js';
import type { MetricCache } from '../../metrics/metric-cache.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import type { SqlValue, Store } from '../../store/store.js';
import { addDays, toInstant } from '../digest-dates.js';
import type { DigestPerson, NewCustomerEntry } from '../digest.js';
import { toMetricFilters } from '../metric-scope.js';

export const NEW_CUSTOMER_DAYS = 7;

type OnboardingRow = Omit<NewCustomerEntry, 'acquired_on'>;

export async function readNewCustomersSection(
  store: Store,
  date: string,
  person: DigestPerson,
  cache?: MetricCache,
): Promise<NewCustomerEntry[]> {
  const kpi = findKpiOrThrow('new_customers');
  if (kpi.kind !== 'base') throw new Error('new_customers is a base KPI');
  const query = await parseMetricRequest(store, {
    metrics: ['new_customers'],
    grain: 'day',
    from: addDays(date, -NEW_CUSTOMER_DAYS),
    to: date,
    where: toMetricFilters(person),
    asOf: toInstant(date),
  });
  const acquired = new Map<string, string>();
  await withMetricSession(
    store,
    query,
    async (session) => {
      for (const period of query.periods) {
        for (const row of await session.contributions(kpi, period.startUtc)) {
          if ((row.num ?? 0) > 0) acquired.set(row.subject_id, period.startDate);
        }
      }
    },
    cache,
  );
  if (acquired.size === 0) return [];
  const ids = [...acquired.keys()];
  const list = ids.map((_, index) => `$${index + 2}`).join(', ');
  const params: SqlValue[] = [date, ...ids];
  const rows = await store.query<OnboardingRow>(
    `SELECT c.id AS customer_id, c.name, c.owner_rep_id, r.name AS owner_name,
            (SELECT CAST(min(u.date) AS TEXT) FROM usage u
              WHERE u.customer_id = c.id AND u.date < CAST($1 AS DATE)
                AND (coalesce(u.active_users, 0) > 0 OR coalesce(u.events, 0) > 0)) AS first_usage_on,
            (SELECT u.active_users FROM usage u
              WHERE u.customer_id = c.id AND u.date < CAST($1 AS DATE)
              ORDER BY u.date DESC LIMIT 1) AS active_users,
            (SELECT min(i.paid_at) FROM invoices i
              WHERE i.customer_id = c.id AND i.status = 'paid' AND i.paid_at < CAST($1 AS TIMESTAMP)) AS first_invoice_paid_at
     FROM customers c LEFT JOIN reps r ON r.id = c.owner_rep_id
     WHERE c.id IN (${list})`,
    params,
  );
  return rows
    .map((row) => ({ ...row, acquired_on: acquired.get(row.customer_id) ?? '' }))
    .sort(
      (a, b) =>
        b.acquired_on.localeCompare(a.acquired_on) || a.customer_id.localeCompare(b.customer_id),
    );
}
