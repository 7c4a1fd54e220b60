/**
 * Each customer's MRR at the end of the period holding `asOf`, and whether
 * they are active then: the `mrr` KPI's own contribution rows, so a
 * customer page can never disagree with the MRR tile. The month by default,
 * as the tiles show it; the day for models, which must not see past `asOf`.
 */
import type { Store } from '../store/store.js';
import type { MetricCache } from './metric-cache.js';
import { withMetricSession } from './metric-session.js';
import { parseMetricRequest } from './parse-metric-request.js';
import { findKpiOrThrow } from './registry.js';

export async function readCurrentMrr(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
  grain: 'day' | 'month' = 'month',
): Promise<Map<string, number>> {
  const kpi = findKpiOrThrow('mrr');
  if (kpi.kind !== 'base') throw new Error('mrr is a base KPI');
  const today = asOf.toISOString().slice(0, 10);
  const query = await parseMetricRequest(store, { metrics: ['mrr'], grain, from: today, asOf });
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
