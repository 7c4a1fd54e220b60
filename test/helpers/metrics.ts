/**
 * Computes KPIs the way every surface does (parse the request, then compute)
 * with a fixed as-of date, so fixtures never depend on today.
 */
import { computeMetrics, type MetricResult } from '../../src/metrics/compute-metrics.js';
import { parseMetricRequest, type MetricRequest } from '../../src/metrics/parse-metric-request.js';
import type { Store } from '../../src/store/store.js';

export const FIXTURE_AS_OF = new Date('2025-06-30T00:00:00Z');

export async function metricsFor(
  store: Store,
  request: Omit<MetricRequest, 'asOf'> & { asOf?: Date },
): Promise<MetricResult[]> {
  return computeMetrics(
    store,
    await parseMetricRequest(store, { asOf: FIXTURE_AS_OF, ...request }),
  );
}

/** The one result of `metric` (for the only period and segment of the request). */
export async function metricFor(
  store: Store,
  metric: string,
  request: Omit<MetricRequest, 'asOf' | 'metrics'> & { asOf?: Date },
): Promise<MetricResult> {
  const results = (await metricsFor(store, { ...request, metrics: [metric] })).filter(
    (result) => result.metric === metric,
  );
  if (results.length !== 1) throw new Error(`expected one ${metric} result, got ${results.length}`);
  return results[0] as MetricResult;
}
