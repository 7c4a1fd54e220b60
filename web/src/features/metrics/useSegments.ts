/** The customer segments the caller can see, read from a segment breakdown of active customers. */
import { useMemo } from 'react';
import type { MetricResult } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import { mapApiState, useApi, type ApiState } from '../../lib/useApi.js';

export function useSegments(): ApiState<string[]> {
  const state = useApi<MetricResult[]>(
    buildPath('/api/metrics', { metric: 'customers_active', by: 'segment' }),
  );
  return useMemo(
    () =>
      mapApiState(state, (results) =>
        [
          ...new Set(
            results.flatMap((result) => (result.segment === null ? [] : [result.segment])),
          ),
        ].sort(),
      ),
    [state],
  );
}
