/** The workspace's keyword trackers, so a trend can be read against the phrases behind it. */
import { AsyncView } from '../../components/AsyncView.js';
import { Panel } from '../../components/Panel.js';
import type { Tracker } from '../../lib/api-types.js';
import { useApi } from '../../lib/useApi.js';
import { TrackerTable } from './TrackerTable.js';

/** How matching works, for every place the trackers are listed. */
export const TRACKER_MATCHING_NOTE =
  "Phrases match whole words with their simple inflections (cancel also finds cancelled), and a phrase with a negation a few words before it (“we won't cancel”) does not count.";

export function TrackerListPanel() {
  const state = useApi<Tracker[]>('/api/settings/trackers');
  return (
    <Panel title="Trackers" wide description={TRACKER_MATCHING_NOTE}>
      <AsyncView state={state} label="the trackers" isEmpty={(trackers) => trackers.length === 0}>
        {(trackers) => <TrackerTable trackers={trackers} />}
      </AsyncView>
    </Panel>
  );
}
