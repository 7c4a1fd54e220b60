/** The shared `from` and `to` (exclusive) of the URL as two date fields, for any page's filter bar. */
import { useFilters } from '../../lib/useFilters.js';

export function RangeFields() {
  const [filters, updateFilters] = useFilters();
  return (
    <>
      <label>
        From
        <input
          type="date"
          value={filters.from ?? ''}
          onChange={(event) => updateFilters({ from: event.target.value })}
        />
      </label>
      <label>
        To (exclusive)
        <input
          type="date"
          value={filters.to ?? ''}
          onChange={(event) => updateFilters({ to: event.target.value })}
        />
      </label>
    </>
  );
}
