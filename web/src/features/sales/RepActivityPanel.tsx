/** Calls and demos per rep per working day and per week, over the range. */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { formatCount } from '../../lib/format.js';
import { mapApiState } from '../../lib/useApi.js';
import { useMetrics } from '../metrics/useMetrics.js';
import { ACTIVITY_METRICS, buildRepActivity, type RepActivityRow } from './build-rep-stats.js';

const BY_REP = { by: 'owner_rep_id' };

const COLUMNS: readonly DataColumn<RepActivityRow>[] = [
  { header: 'Rep', cell: (row) => row.rep },
  { header: 'Calls / day', cell: (row) => formatCount(row.callsPerDay), isNumeric: true },
  { header: 'Demos / day', cell: (row) => formatCount(row.demosPerDay), isNumeric: true },
  { header: 'Calls / week', cell: (row) => formatCount(row.callsPerWeek), isNumeric: true },
  { header: 'Demos / week', cell: (row) => formatCount(row.demosPerWeek), isNumeric: true },
];

export function RepActivityPanel() {
  const state = useMetrics(ACTIVITY_METRICS, BY_REP);
  const rows = useMemo(
    () => mapApiState(state, ({ results }) => buildRepActivity(results)),
    [state],
  );
  return (
    <Panel
      title="Activity per rep"
      description="Calls and demos per working day (Monday to Friday) and per week over the range."
    >
      <AsyncView
        state={rows}
        label="the activity"
        isEmpty={(list) => list.length === 0}
        emptyMessage="No calls or demos in this range for these filters."
      >
        {(list) => (
          <DataTable
            caption="Calls and demos per rep"
            columns={COLUMNS}
            rows={list}
            rowKey={(row) => row.rep}
          />
        )}
      </AsyncView>
    </Panel>
  );
}
