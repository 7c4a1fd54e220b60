/** The plan for a revenue goal: the daily activity per rep, what it adds up to, and each funnel ratio with its sample. */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { ActivityPlan, Kpi, PlanStep } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import {
  formatCount,
  formatDateRange,
  formatKpiValue,
  formatMoney,
  formatPrecise,
} from '../../lib/format.js';
import { combineApiStates, useApi } from '../../lib/useApi.js';
import { useCatalogue } from '../metrics/useCatalogue.js';

export type PlanViewProps = { revenue: string; period: string };

export function PlanView({ revenue, period }: PlanViewProps) {
  const plan = useApi<ActivityPlan>(buildPath('/api/goals/plan', { revenue, period }));
  const catalogue = useCatalogue();
  const state = useMemo(() => combineApiStates(plan, catalogue), [plan, catalogue]);
  return (
    <AsyncView state={state} label="the plan">
      {([data, kpis]) => <Plan plan={data} kpis={kpis} />}
    </AsyncView>
  );
}

type PlanProps = { plan: ActivityPlan; kpis: readonly Kpi[] };

function Plan({ plan, kpis }: PlanProps) {
  const columns = useMemo<DataColumn<PlanStep>[]>(() => {
    const kpiOf = (step: PlanStep) => kpis.find((kpi) => kpi.id === step.source.kpi);
    return [
      { header: 'Step', cell: (step) => step.step },
      { header: 'Ratio', cell: (step) => <span className="cell-text">{step.ratio}</span> },
      {
        header: 'Value',
        cell: (step) => {
          const kpi = kpiOf(step);
          return kpi ? formatKpiValue(step.value, kpi) : formatPrecise(step.value);
        },
        isNumeric: true,
      },
      { header: 'Sample', cell: (step) => formatCount(step.sample_size), isNumeric: true },
      {
        header: 'Sample check',
        cell: (step) =>
          step.is_thin ? (
            <StatusBadge label="Too small to trust" tone="warn" />
          ) : (
            <StatusBadge label="Enough" tone="good" />
          ),
      },
    ];
  }, [kpis]);
  const { needed, reps, per_rep_per_day: perRep } = plan;
  return (
    <>
      <p className="plan-headline">
        <strong>{formatCount(perRep.dials)}</strong> dials and{' '}
        <strong>{formatPrecise(perRep.meetings)}</strong> meetings per rep per working day
      </p>
      <p className="panel-description">
        {formatMoney(plan.revenue)} of revenue over{' '}
        {formatDateRange(plan.period.start, plan.period.end)}
        {plan.team === null ? '' : ` for team ${plan.team}`} takes {formatCount(needed.deals)} deals
        won, {formatCount(needed.opportunities)} opportunities, {formatCount(needed.meetings)}{' '}
        meetings and {formatCount(needed.dials)} dials: {formatCount(reps.dialing)} reps dialing
        over {formatCount(reps.working_days)} working days. Ratios measured{' '}
        {formatDateRange(plan.lookback.start, plan.lookback.end)}.
      </p>
      <DataTable
        caption="Funnel steps"
        columns={columns}
        rows={plan.steps}
        rowKey={(step) => step.step}
        isStackedOnPhone
      />
    </>
  );
}
