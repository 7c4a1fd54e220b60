/** The MRR bridge for one period of the range, chosen beside the title (the latest by default). */
import { useMemo, useState } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { EChart } from '../../components/EChart.js';
import { Panel } from '../../components/Panel.js';
import type { Grain, MetricResult } from '../../lib/api-types.js';
import { formatPeriod } from '../../lib/format.js';
import { useFilters } from '../../lib/useFilters.js';
import { useMetrics } from '../metrics/useMetrics.js';
import {
  buildWaterfallOption,
  buildWaterfallSteps,
  listWaterfallPeriods,
  WATERFALL_METRICS,
} from './build-waterfall.js';

const TITLE = 'MRR movements';

export function MrrWaterfallPanel() {
  const [filters] = useFilters();
  const state = useMetrics(WATERFALL_METRICS);
  return (
    <Panel
      title={TITLE}
      wide
      description="Start MRR, plus new, expansion and reactivation, minus contraction and churned, gives end MRR."
    >
      <AsyncView
        state={state}
        label="the MRR movements"
        isEmpty={({ results }) => listWaterfallPeriods(results).length === 0}
        emptyMessage="No MRR in this range for these filters."
      >
        {({ results }) => <MrrWaterfall results={results} grain={filters.grain} />}
      </AsyncView>
    </Panel>
  );
}

type MrrWaterfallProps = { results: MetricResult[]; grain: Grain };

function MrrWaterfall({ results, grain }: MrrWaterfallProps) {
  const periods = useMemo(() => listWaterfallPeriods(results), [results]);
  const [chosen, setChosen] = useState<string>();
  const period = chosen !== undefined && periods.includes(chosen) ? chosen : periods.at(-1);
  const option = useMemo(
    () => buildWaterfallOption(buildWaterfallSteps(results, period ?? '')),
    [results, period],
  );
  return (
    <>
      <label className="inline-field">
        Period
        <select value={period} onChange={(event) => setChosen(event.target.value)}>
          {periods.map((start) => (
            <option key={start} value={start}>
              {formatPeriod(start, grain)}
            </option>
          ))}
        </select>
      </label>
      <EChart option={option} height={300} label={TITLE} />
    </>
  );
}
