/** The shared filters of the current URL, and a setter that writes them back to it. */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseFilters, type FilterKey, type Filters } from './filters.js';
import { useSearchPatch } from './useSearchPatch.js';

export type FilterPatch = Partial<Record<FilterKey, string | undefined>>;

export function useFilters(): [Filters, (patch: FilterPatch) => void] {
  const [params] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  return [filters, useSearchPatch()];
}
