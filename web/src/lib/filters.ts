/**
 * The filters every metric page shares, kept in the URL query so a view can
 * be bookmarked, shared and reloaded: `from`, `to` (exclusive), `grain`,
 * `segment` (sent as `where=segment=…`) and `by=segment` (a line per segment
 * on charts of one KPI). Without from and to the API's default applies: the
 * twelve periods ending with the current one.
 */
import type { Grain } from './api-types.js';

export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];
const FILTER_KEYS = ['from', 'to', 'grain', 'segment', 'by'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type Filters = {
  from: string | undefined;
  to: string | undefined;
  grain: Grain;
  segment: string | undefined;
  isSplitBySegment: boolean;
};

export function parseFilters(params: URLSearchParams): Filters {
  const grain = params.get('grain');
  return {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    grain: GRAINS.find((known) => known === grain) ?? 'month',
    segment: params.get('segment') ?? undefined,
    isSplitBySegment: params.get('by') === 'segment',
  };
}

/** The query of GET /api/metrics (and /api/cohorts, /api/survival) for these filters. */
export function toMetricQuery(
  filters: Filters,
  metrics: readonly string[],
  options: { by?: string | undefined } = {},
): Record<string, string | readonly string[] | undefined> {
  return {
    metric: metrics.join(','),
    grain: filters.grain,
    from: filters.from,
    to: filters.to,
    where: filters.segment === undefined ? undefined : [`segment=${filters.segment}`],
    by: options.by,
  };
}

/** The shared filters of a URL query, as a search string for links to other pages. */
export function toFilterSearch(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null) kept.set(key, value);
  }
  const search = kept.toString();
  return search === '' ? '' : `?${search}`;
}
