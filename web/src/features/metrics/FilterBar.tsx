/** The shared filters of the metric pages; every change goes to the URL, which the pages read. */
import { GRAINS } from '../../lib/filters.js';
import { useFilters } from '../../lib/useFilters.js';
import { RangeFields } from './RangeFields.js';
import { useSegments } from './useSegments.js';

export function FilterBar() {
  const [filters, updateFilters] = useFilters();
  const segments = useSegments();
  const known = segments.status === 'ok' ? segments.data : [];
  // A segment from a shared link stays selectable even before (or without) the list loading.
  const options =
    filters.segment === undefined || known.includes(filters.segment)
      ? known
      : [...known, filters.segment];
  const isFiltered =
    filters.from !== undefined ||
    filters.to !== undefined ||
    filters.grain !== 'month' ||
    filters.segment !== undefined ||
    filters.isSplitBySegment;

  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <RangeFields />
      <label>
        Grain
        <select
          value={filters.grain}
          onChange={(event) => updateFilters({ grain: event.target.value })}
        >
          {GRAINS.map((grain) => (
            <option key={grain} value={grain}>
              {grain}
            </option>
          ))}
        </select>
      </label>
      <label>
        Segment
        <select
          value={filters.segment ?? ''}
          onChange={(event) => updateFilters({ segment: event.target.value })}
        >
          <option value="">All segments</option>
          {options.map((segment) => (
            <option key={segment} value={segment}>
              {segment}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filters.isSplitBySegment}
          onChange={(event) => updateFilters({ by: event.target.checked ? 'segment' : undefined })}
        />
        Split by segment
      </label>
      {filters.from === undefined && filters.to === undefined ? (
        <span className="filter-note">The last 12 periods</span>
      ) : null}
      {isFiltered ? (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            updateFilters({
              from: undefined,
              to: undefined,
              grain: undefined,
              segment: undefined,
              by: undefined,
            })
          }
        >
          Reset filters
        </button>
      ) : null}
    </form>
  );
}
