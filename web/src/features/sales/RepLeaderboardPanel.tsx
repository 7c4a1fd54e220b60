/** Reps ranked by revenue won in the range, with their win rate. */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { formatCount, formatMoney, formatPercent } from '../../lib/format.js';
import { mapApiState } from '../../lib/useApi.js';
import { useMetrics } from '../metrics/useMetrics.js';
import { buildLeaderboard, LEADERBOARD_METRICS, type LeaderboardRow } from './build-rep-stats.js';

const BY_REP = { by: 'owner_rep_id' };

const COLUMNS: readonly DataColumn<LeaderboardRow>[] = [
  { header: 'Rep', cell: (row) => row.rep },
  { header: 'Won revenue', cell: (row) => formatMoney(row.wonRevenue), isNumeric: true },
  { header: 'Won', cell: (row) => formatCount(row.won), isNumeric: true },
  { header: 'Closed', cell: (row) => formatCount(row.closed), isNumeric: true },
  { header: 'Win rate', cell: (row) => formatPercent(row.winRate), isNumeric: true },
];

export function RepLeaderboardPanel() {
  const state = useMetrics(LEADERBOARD_METRICS, BY_REP);
  const rows = useMemo(
    () => mapApiState(state, ({ results }) => buildLeaderboard(results)),
    [state],
  );
  return (
    <Panel title="Rep leaderboard" description="Deals closed in the range, by owner.">
      <AsyncView
        state={rows}
        label="the leaderboard"
        isEmpty={(list) => list.length === 0}
        emptyMessage="No deals were closed in this range for these filters."
      >
        {(list) => (
          <DataTable
            caption="Reps by won revenue"
            columns={COLUMNS}
            rows={list}
            rowKey={(row) => row.rep}
          />
        )}
      </AsyncView>
    </Panel>
  );
}
