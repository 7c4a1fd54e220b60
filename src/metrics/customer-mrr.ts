/**
 * Each customer's contribution to a base KPI at the end of the period
 * holding `asOf`: the KPI's own contribution rows, so a customer page, a
 * health score or an alert can never disagree with the tile. The month by
 * default, as the tiles show it; the day for models, which must not see
 * past `asOf`.
 */
import type { Store } from '../store/store.js';
import type { MetricCache } from './metric-cache.js';
import { withMetricSession } from './metric-session.js';
import { parseMetricRequest } from './parse-metric-request.js';
import { findKpiOrThrow } from './registry.js';

export type BalanceGrain = 'day' | 'month';

/** Customer id → MRR, for the customers paying then. */
export function readCurrentMrr(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
  grain: BalanceGrain = 'month',
): Promise<Map<string, number>> {
  return readCustomerContributions(store, 'mrr', asOf, cache, grain);
}

/** Customer id → what they add to `kpiId` (1 for a count such as `customers_active`). */
export async function readCustomerContributions(
  store: Store,
  kpiId: string,
  asOf: Date,
  cache?: MetricCache,
  grain: BalanceGrain = 'month',
): Promise<Map<string, number>> {
  const kpi = findKpiOrThrow(kpiId);
  if (kpi.kind !== 'base') throw new Error(`${kpiId} is not a base KPI`);
  const today = asOf.toISOString().slice(0, 10);
  const query = await parseMetricRequest(store, { metrics: [kpiId], grain, from: today, asOf });
  const period = query.periods[0];
  if (!period) return new Map();
  const rows = await withMetricSession(
    store,
    { ...query, periods: [period] },
    (session) => session.contributions(kpi, period.startUtc),
    cache,
  );
  return new Map(rows.map((row) => [row.subject_id, row.num ?? 0]));
}
