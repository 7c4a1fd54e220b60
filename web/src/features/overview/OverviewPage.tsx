/** The headline KPIs as tiles, for the shared filters. */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { KpiTile } from '../../components/KpiTile.js';
import { mapApiState } from '../../lib/useApi.js';
import { useFilters } from '../../lib/useFilters.js';
import { useMetrics } from '../metrics/useMetrics.js';
import { buildTiles, OVERVIEW_KPIS } from './build-tiles.js';

export function OverviewPage() {
  const [filters] = useFilters();
  const state = useMetrics(OVERVIEW_KPIS);
  const tiles = useMemo(
    () =>
      mapApiState(state, ({ results, kpis }) =>
        buildTiles(results, kpis, OVERVIEW_KPIS, filters.grain),
      ),
    [state, filters.grain],
  );
  return (
    <>
      <h1>Overview</h1>
      <AsyncView
        state={tiles}
        label="the KPIs"
        isEmpty={(list) => list.length === 0}
        emptyMessage="No KPI values for these filters."
      >
        {(list) => (
          <div className="tile-grid">
            {list.map((tile) => (
              <KpiTile key={tile.id} {...tile.props} />
            ))}
          </div>
        )}
      </AsyncView>
    </>
  );
}
