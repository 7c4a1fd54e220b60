/** The KPI catalogue (titles, descriptions, units, directions), loaded once per session. */
import { createContext, useContext } from 'react';
import type { Kpi } from '../../lib/api-types.js';
import type { ApiState } from '../../lib/useApi.js';

export const CatalogueContext = createContext<ApiState<Kpi[]>>({ status: 'loading' });

export function useCatalogue(): ApiState<Kpi[]> {
  return useContext(CatalogueContext);
}
