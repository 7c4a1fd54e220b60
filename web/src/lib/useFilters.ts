/** The shared filters of the current URL, and a setter that writes them back to it. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseFilters, type FilterKey, type Filters } from './filters.js';

export type FilterPatch = Partial<Record<FilterKey, string | undefined>>;

export function useFilters(): [Filters, (patch: FilterPatch) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const update = useCallback(
    (patch: FilterPatch) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      }),
    [setParams],
  );
  return [filters, update];
}
