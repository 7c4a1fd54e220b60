/** Where MRR comes from and goes: the period's movements, and MRR and ARR over time. */
import { MetricTrendPanel } from '../metrics/MetricTrendPanel.js';
import { MrrWaterfallPanel } from './MrrWaterfallPanel.js';

const MRR = ['mrr'];
const ARR = ['arr'];

export function RevenuePage() {
  return (
    <>
      <h1>Revenue</h1>
      <div className="panel-grid">
        <MrrWaterfallPanel />
        <MetricTrendPanel
          title="MRR"
          metrics={MRR}
          description="Recurring revenue at the end of each period."
        />
        <MetricTrendPanel
          title="ARR"
          metrics={ARR}
          description="12 × MRR at the end of each period."
        />
      </div>
    </>
  );
}
