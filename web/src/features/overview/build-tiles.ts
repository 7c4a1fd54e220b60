/**
 * The Overview tiles from one /api/metrics answer: per KPI, the value of the
 * last period in range (the current one by default), its change from the
 * period before, coloured by whether the KPI is better higher or lower, and
 * the values of the whole range for the sparkline.
 */
import type { ChangeTone, KpiTileProps } from '../../components/KpiTile.js';
import type { Grain, Kpi, MetricResult } from '../../lib/api-types.js';
import { formatKpiChange, formatKpiValue, formatPeriod } from '../../lib/format.js';

export const OVERVIEW_KPIS = [
  'customers_active',
  'mrr',
  'arr',
  'customer_churn_rate',
  'net_revenue_retention',
  'new_customers',
  'nps',
  'win_rate',
  'cac',
  'ltv_to_cac',
] as const;

export type Tile = { id: string; props: KpiTileProps };

export function buildTiles(
  results: readonly MetricResult[],
  kpis: ReadonlyMap<string, Kpi>,
  ids: readonly string[],
  grain: Grain,
): Tile[] {
  return ids.flatMap((id) => {
    const kpi = kpis.get(id);
    const series = results
      .filter((result) => result.metric === id && result.segment === null)
      .sort((a, b) => a.period_start.localeCompare(b.period_start));
    const current = series.at(-1);
    if (!kpi || !current) return [];
    const previous = series.at(-2)?.value ?? null;
    return [
      {
        id,
        props: {
          title: kpi.title,
          description: kpi.description,
          periodLabel: formatPeriod(current.period_start, grain),
          value: formatKpiValue(current.value, kpi),
          change: formatKpiChange(current.value, previous, kpi),
          tone: toChangeTone(current.value, previous, kpi.direction),
          sparkline: series.map((result) => result.value),
        },
      },
    ];
  });
}

function toChangeTone(
  current: number | null,
  previous: number | null,
  direction: Kpi['direction'],
): ChangeTone {
  if (current === null || previous === null || current === previous) return 'flat';
  const isUp = current > previous;
  return isUp === (direction === 'higher_is_better') ? 'good' : 'bad';
}
