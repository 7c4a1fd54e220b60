/**
 * How long customers acquired in the range stay, as a survival curve with its
 * band, or a curve per segment when the filters split by segment.
 */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { EChart } from '../../components/EChart.js';
import { Panel } from '../../components/Panel.js';
import type { SurvivalReport } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import { toMetricQuery } from '../../lib/filters.js';
import { useApi } from '../../lib/useApi.js';
import { useFilters } from '../../lib/useFilters.js';
import {
  buildSurvivalOption,
  describeSurvival,
  isSurvivalEmpty,
  toCurveLabel,
} from './build-survival-option.js';

const TITLE = 'Customer survival';

export function SurvivalPanel() {
  const [filters] = useFilters();
  const by = filters.isSplitBySegment ? 'segment' : undefined;
  // Survival has no grain: the range picks customers by acquisition date.
  const query = { ...toMetricQuery(filters, [], { by }), grain: undefined };
  const state = useApi<SurvivalReport>(buildPath('/api/survival', query));
  return (
    <Panel title={TITLE}>
      <AsyncView
        state={state}
        label="the survival curve"
        isEmpty={isSurvivalEmpty}
        emptyMessage="No customers were acquired in this range for these filters."
      >
        {(report) => <SurvivalChart report={report} />}
      </AsyncView>
    </Panel>
  );
}

type SurvivalChartProps = { report: SurvivalReport };

function SurvivalChart({ report }: SurvivalChartProps) {
  const option = useMemo(() => buildSurvivalOption(report), [report]);
  return (
    <>
      {report.curves.map((curve) => (
        <p key={toCurveLabel(curve)} className="panel-description">
          {report.by === null ? '' : `${toCurveLabel(curve)}: `}
          {describeSurvival(curve)}
        </p>
      ))}
      <EChart option={option} height={280} label={TITLE} />
    </>
  );
}
