/** Loads the KPI catalogue once for every page of a signed-in session. */
import type { ReactNode } from 'react';
import type { Kpi } from '../../lib/api-types.js';
import { useApi } from '../../lib/useApi.js';
import { CatalogueContext } from './useCatalogue.js';

export type CatalogueProviderProps = { children: ReactNode };

export function CatalogueProvider({ children }: CatalogueProviderProps) {
  const catalogue = useApi<Kpi[]>('/api/metrics/catalogue');
  return <CatalogueContext.Provider value={catalogue}>{children}</CatalogueContext.Provider>;
}
