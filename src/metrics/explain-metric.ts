/**
 * `--explain`: a KPI's definition and, for one period, every row behind its
 * number: the customers, deals, reps or responses counted, with what each
 * adds to the numerator and the denominator. The rows come from the same SQL
 * as the value, so the two cannot disagree.
 */
import type { Store } from '../store/store.js';
import { computeMetrics, type MetricQuery, type MetricResult } from './compute-metrics.js';
import { withMetricSession, type ContributionRow } from './metric-session.js';
import type { KpiDefinition } from './definition.js';
import { findKpiOrThrow } from './registry.js';

export type MetricExplanation = {
  kpi: KpiDefinition;
  /** The results of the period, one per segment. */
  results: MetricResult[];
  /** Rows behind a base KPI; empty for a composite. */
  contributions: ContributionRow[];
  /** A composite's inputs for the period. */
  components: MetricResult[];
};

/** Explains `query.kpis[0]` for the first period of `query`. */
export async function explainMetric(store: Store, query: MetricQuery): Promise<MetricExplanation> {
  const kpi = query.kpis[0];
  const period = query.periods[0];
  if (!kpi || !period) throw new Error('explainMetric needs one KPI and one period');
  const single = { ...query, periods: [period] };
  const results = await computeMetrics(store, single);
  if (kpi.kind === 'composite') {
    const components = await computeMetrics(store, {
      ...single,
      kpis: kpi.components.map(findKpiOrThrow),
    });
    return { kpi, results, contributions: [], components };
  }
  const contributions = await withMetricSession(store, single, (session) =>
    session.contributions(kpi, period.startUtc),
  );
  return { kpi, results, contributions, components: [] };
}
