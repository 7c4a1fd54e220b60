/** Every goal's actual and expected to date against its target, on one axis of shares. */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { EChart } from '../../components/EChart.js';
import { Panel } from '../../components/Panel.js';
import type { ApiState } from '../../lib/useApi.js';
import { buildGoalChartOption, GOAL_CHART_ROW_HEIGHT } from './build-goal-chart.js';
import type { GoalRow } from './goal-rows.js';

const TITLE = 'Against target';

export type GoalChartPanelProps = { rows: ApiState<GoalRow[]> };

export function GoalChartPanel({ rows }: GoalChartPanelProps) {
  return (
    <Panel
      title={TITLE}
      wide
      description="Actual and expected to date as a share of each goal's target (the line at 100%). Where lower is better (churn), short of the line is good."
    >
      <AsyncView
        state={rows}
        label="the goals"
        isEmpty={(list) => list.length === 0}
        emptyMessage="No goal to chart."
      >
        {(list) => <GoalChart rows={list} />}
      </AsyncView>
    </Panel>
  );
}

type GoalChartProps = { rows: readonly GoalRow[] };

function GoalChart({ rows }: GoalChartProps) {
  const option = useMemo(() => buildGoalChartOption(rows), [rows]);
  return <EChart option={option} height={60 + rows.length * GOAL_CHART_ROW_HEIGHT} label={TITLE} />;
}
