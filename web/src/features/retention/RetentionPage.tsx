/** Who stays: churn by type, cohorts, tenure survival, and revenue retention. */
import { MetricTrendPanel } from '../metrics/MetricTrendPanel.js';
import { CohortPanel } from './CohortPanel.js';
import { SurvivalPanel } from './SurvivalPanel.js';

const CHURN_BY_TYPE = ['customer_churn_rate', 'voluntary_churn_rate', 'delinquent_churn_rate'];
const REVENUE_RETENTION = ['net_revenue_retention', 'gross_revenue_retention'];

export function RetentionPage() {
  return (
    <>
      <h1>Retention</h1>
      <div className="panel-grid">
        <MetricTrendPanel
          title="Churn by type"
          metrics={CHURN_BY_TYPE}
          description="Customers lost in each period over those active at its start; voluntary and delinquent split it by why the last subscription ended."
        />
        <MetricTrendPanel
          title="Net and gross revenue retention"
          metrics={REVENUE_RETENTION}
          description="MRR at the end of each period from the customers active at its start, over their MRR at the start (gross caps each at its start)."
        />
        <CohortPanel />
        <SurvivalPanel />
      </div>
    </>
  );
}
