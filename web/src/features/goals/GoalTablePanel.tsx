/** Each current goal: its period, target, actual and expected to date, projection and status. */
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateRange } from '../../lib/format.js';
import type { ApiState } from '../../lib/useApi.js';
import { GOAL_STATUS_LABELS, GOAL_STATUS_TONES, type GoalRow } from './goal-rows.js';

const PACE_NOTES: Readonly<Record<GoalRow['goal']['pace'], string>> = {
  linear: 'linear pace',
  seasonal: 'last year’s pace',
  rate: 'the target rate',
  level: 'the target level',
};

const COLUMNS: readonly DataColumn<GoalRow>[] = [
  {
    header: 'Goal',
    cell: (row) => (
      <>
        {row.title}
        <span className="cell-note">{row.scope}</span>
      </>
    ),
  },
  {
    header: 'Period',
    cell: (row) => formatDateRange(row.goal.period_start, row.goal.period_end),
  },
  { header: 'Target', cell: (row) => row.format(row.goal.target), isNumeric: true },
  { header: 'Actual to date', cell: (row) => row.format(row.goal.actual), isNumeric: true },
  {
    header: 'Expected to date',
    cell: (row) => (
      <>
        {row.format(row.goal.expected)}
        <span className="cell-note">{PACE_NOTES[row.goal.pace]}</span>
      </>
    ),
    isNumeric: true,
  },
  { header: 'Projected', cell: (row) => row.format(row.goal.projected), isNumeric: true },
  {
    header: 'Status',
    cell: (row) => (
      <StatusBadge
        label={GOAL_STATUS_LABELS[row.goal.status]}
        tone={GOAL_STATUS_TONES[row.goal.status]}
      />
    ),
  },
];

export type GoalTablePanelProps = { rows: ApiState<GoalRow[]> };

export function GoalTablePanel({ rows }: GoalTablePanelProps) {
  return (
    <Panel
      title="Progress"
      wide
      description="Sums (revenue, new customers) are projected from their run rate; rates (churn, calls a day) are compared with the target as they stand."
    >
      <AsyncView
        state={rows}
        label="the goals"
        isEmpty={(list) => list.length === 0}
        emptyMessage="No goal of yours runs through this day."
      >
        {(list) => (
          <DataTable
            caption="Goals"
            columns={COLUMNS}
            rows={list}
            rowKey={(row) => row.goal.id}
            isStackedOnPhone
          />
        )}
      </AsyncView>
    </Panel>
  );
}
