/** How long customers acquired in the range stay, as a survival curve with its band. */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { EChart } from '../../components/EChart.js';
import { Panel } from '../../components/Panel.js';
import type { SurvivalReport } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import { toMetricQuery } from '../../lib/filters.js';
import { useApi } from '../../lib/useApi.js';
import { useFilters } from '../../lib/useFilters.js';
import { buildSurvivalOption, describeSurvival } from './build-survival-option.js';

const TITLE = 'Customer survival';

export function SurvivalPanel() {
  const [filters] = useFilters();
  const state = useApi<SurvivalReport>(buildPath('/api/survival', toMetricQuery(filters, [])));
  return (
    <Panel title={TITLE}>
      <AsyncView
        state={state}
        label="the survival curve"
        isEmpty={(report) => report.customers === 0}
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
      <p className="panel-description">{describeSurvival(report)}</p>
      <EChart option={option} height={280} label={TITLE} />
    </>
  );
}
