/**
 * Conversations: what the keyword trackers hear in calls week by week, and
 * the phrases behind them. The range is the metric pages' own `from` and
 * `to` in the URL, so moving between them keeps one period in view.
 */
import { buildPath } from '../../lib/api.js';
import { useFilters } from '../../lib/useFilters.js';
import { RangeFields } from '../metrics/RangeFields.js';
import { TrackerListPanel } from './TrackerListPanel.js';
import { TrackerTrendPanel } from './TrackerTrendPanel.js';

export function ConversationsPage() {
  const [filters] = useFilters();
  const path = buildPath('/api/trackers/trends', { from: filters.from, to: filters.to });
  return (
    <>
      <h1>Conversations</h1>
      <form
        className="filter-bar"
        aria-label="Conversation filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <RangeFields />
        {filters.from === undefined && filters.to === undefined ? (
          <span className="filter-note">The last 12 weeks</span>
        ) : null}
      </form>
      <div className="panel-grid">
        <TrackerTrendPanel path={path} />
        <TrackerListPanel />
      </div>
    </>
  );
}
