/** How the pipeline converts: win rate, velocity, cycle, deal size, and each rep's results and activity. */
import { MetricTrendPanel } from '../metrics/MetricTrendPanel.js';
import { RepActivityPanel } from './RepActivityPanel.js';
import { RepLeaderboardPanel } from './RepLeaderboardPanel.js';

const WIN_RATE = ['win_rate'];
const VELOCITY = ['sales_velocity'];
const CYCLE = ['sales_cycle_days'];
const DEAL_SIZE = ['average_deal_size'];

export function SalesPage() {
  return (
    <>
      <h1>Sales</h1>
      <div className="panel-grid">
        <MetricTrendPanel
          title="Win rate"
          metrics={WIN_RATE}
          description="Deals won over deals won or lost in each period."
        />
        <MetricTrendPanel
          title="Sales velocity"
          metrics={VELOCITY}
          description="Open deals × win rate × average deal size ÷ cycle days: revenue per day."
        />
        <MetricTrendPanel
          title="Sales cycle"
          metrics={CYCLE}
          description="Mean days from creation to close of the deals won."
        />
        <MetricTrendPanel
          title="Average deal size"
          metrics={DEAL_SIZE}
          description="Mean amount of the deals won."
        />
        <RepLeaderboardPanel />
        <RepActivityPanel />
      </div>
    </>
  );
}
