/** KPI results for the page's shared filters (and an optional breakdown), with the catalogue entries of the KPIs asked for. */
import { useMemo } from 'react';
import type { Kpi, MetricResult } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import { toMetricQuery } from '../../lib/filters.js';
import { combineApiStates, mapApiState, useApi, type ApiState } from '../../lib/useApi.js';
import { useFilters } from '../../lib/useFilters.js';
import { useCatalogue } from './useCatalogue.js';

export type MetricData = {
  results: MetricResult[];
  /** Catalogue entries by KPI id. */
  kpis: ReadonlyMap<string, Kpi>;
};

export function useMetrics(
  metrics: readonly string[],
  options: { by?: string | undefined } = {},
): ApiState<MetricData> {
  const [filters] = useFilters();
  const results = useApi<MetricResult[]>(
    buildPath('/api/metrics', toMetricQuery(filters, metrics, options)),
  );
  const catalogue = useCatalogue();
  // Charts redraw when their data object changes: keep it the same object until an answer changes.
  return useMemo(
    () =>
      mapApiState(combineApiStates(results, catalogue), ([data, kpis]) => ({
        results: data,
        kpis: new Map(kpis.map((kpi) => [kpi.id, kpi])),
      })),
    [results, catalogue],
  );
}
