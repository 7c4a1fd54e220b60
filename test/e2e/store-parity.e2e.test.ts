import { describe, expect, it } from 'vitest';
import { loadDemoCompany } from '../../src/ingest/demo/load-demo-company.js';
import { computeMetrics, type MetricResult } from '../../src/metrics/compute-metrics.js';
import { computeCohorts } from '../../src/metrics/cohorts.js';
import { parseMetricRequest } from '../../src/metrics/parse-metric-request.js';
import type { Store } from '../../src/store/store.js';
import { withTempDuckDb, withTempPostgres } from '../helpers/temp-store.js';

const AS_OF = new Date('2026-11-23T00:00:00Z');
const DEMO = { customers: 300, seed: 11, asOf: AS_OF };

async function everyKpi(
  store: Store,
): Promise<{ overall: MetricResult[]; bySegment: MetricResult[]; cohorts: unknown }> {
  await loadDemoCompany(store, DEMO);
  const base = { asOf: AS_OF, from: '2024-12-01', to: '2026-12-01' };
  const overall = await parseMetricRequest(store, base);
  const bySegment = await parseMetricRequest(store, {
    ...base,
    by: 'segment',
    where: ['region=emea', 'region=north_america'],
  });
  return {
    overall: await computeMetrics(store, overall),
    bySegment: await computeMetrics(store, bySegment),
    cohorts: await computeCohorts(store, overall, 'revenue'),
  };
}

describe.runIf(process.env.RETAIN_TEST_PG_URL)('DuckDB and PostgreSQL', () => {
  it('compute every KPI of the demo company identically, overall, by segment and as cohorts', async () => {
    const duck = await withTempDuckDb(everyKpi);
    const postgres = await withTempPostgres(everyKpi);
    expect(duck.overall.length).toBeGreaterThan(1000);
    expect(postgres.overall).toEqual(duck.overall);
    expect(postgres.bySegment).toEqual(duck.bySegment);
    expect(postgres.cohorts).toEqual(duck.cohorts);
  });
});
