/** The keyword trackers as the Conversations page lists them, replaceable as JSON by an admin. */
import type { Tracker } from '../../lib/api-types.js';
import { TRACKER_MATCHING_NOTE } from '../conversations/TrackerListPanel.js';
import { TrackerTable } from '../conversations/TrackerTable.js';
import { SettingsDocumentPanel } from './SettingsDocumentPanel.js';

export function TrackerSettingsPanel() {
  return (
    <SettingsDocumentPanel<Tracker[]>
      title="Keyword trackers"
      description={`${TRACKER_MATCHING_NOTE} Changes apply from the next retain trackers scan.`}
      path="/api/settings/trackers"
      label="the trackers"
    >
      {(trackers) => <TrackerTable trackers={trackers} />}
    </SettingsDocumentPanel>
  );
}
