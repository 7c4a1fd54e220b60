/** The cohort retention heatmap, by customer count or by revenue, split by segment on request. */
import { useMemo, useState } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { EChart } from '../../components/EChart.js';
import { Panel } from '../../components/Panel.js';
import type { CohortBasis, CohortMatrix } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import { toMetricQuery } from '../../lib/filters.js';
import { useApi } from '../../lib/useApi.js';
import { useFilters } from '../../lib/useFilters.js';
import { buildCohortOption, isCohortMatrixEmpty } from './build-cohort-option.js';

const DESCRIPTIONS: Record<CohortBasis, string> = {
  logos: 'Share of each acquisition cohort still a customer at the end of each later period.',
  revenue:
    'MRR of each cohort at the end of each later period, against its MRR at the end of its first; expansion can take it past 100 %.',
};

export function CohortPanel() {
  const [filters] = useFilters();
  const [basis, setBasis] = useState<CohortBasis>('logos');
  const by = filters.isSplitBySegment ? 'segment' : undefined;
  const state = useApi<CohortMatrix>(
    buildPath('/api/cohorts', { ...toMetricQuery(filters, [], { by }), basis }),
  );
  const title = 'Cohort retention';
  return (
    <Panel
      title={title}
      description={DESCRIPTIONS[basis]}
      wide
      actions={
        <select
          aria-label="Cohort basis"
          value={basis}
          onChange={(event) => setBasis(event.target.value === 'revenue' ? 'revenue' : 'logos')}
        >
          <option value="logos">Customers</option>
          <option value="revenue">Revenue</option>
        </select>
      }
    >
      <AsyncView
        state={state}
        label="the cohorts"
        isEmpty={isCohortMatrixEmpty}
        emptyMessage="No customers were acquired in this range for these filters."
      >
        {(matrix) => <CohortHeatmap matrix={matrix} title={title} />}
      </AsyncView>
    </Panel>
  );
}

type CohortHeatmapProps = { matrix: CohortMatrix; title: string };

function CohortHeatmap({ matrix, title }: CohortHeatmapProps) {
  const [filters] = useFilters();
  const option = useMemo(() => buildCohortOption(matrix, filters.grain), [matrix, filters.grain]);
  return <EChart option={option} height={96 + matrix.cohorts.length * 26} label={title} />;
}
