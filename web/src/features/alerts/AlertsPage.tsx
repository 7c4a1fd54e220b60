/** The alert inbox: the alerts the API lets this person see, filtered by state in the URL. */
import { useSearchParams } from 'react-router';
import { Panel } from '../../components/Panel.js';
import { buildPath } from '../../lib/api.js';
import { useSearchPatch } from '../../lib/useSearchPatch.js';
import { AlertInbox } from './AlertInbox.js';
import { ALERT_STATE_LABELS, ALERT_STATES } from './alert-labels.js';

export function AlertsPage() {
  const [params] = useSearchParams();
  const patchSearch = useSearchPatch();
  const state = ALERT_STATES.find((known) => known === params.get('state'));
  const path = buildPath('/api/alerts', { state });
  return (
    <>
      <h1>Alerts</h1>
      <form
        className="filter-bar"
        aria-label="Alert filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          State
          <select
            value={state ?? ''}
            onChange={(event) => patchSearch({ state: event.target.value })}
          >
            <option value="">Any state</option>
            {ALERT_STATES.map((known) => (
              <option key={known} value={known}>
                {ALERT_STATE_LABELS[known]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Panel
        title="Inbox"
        wide
        description="Newest first. Acknowledge an alert when you take it on; resolve it when the follow-up is done."
      >
        {/* A new filter is a new list: the rows changed on the old one start over from the server. */}
        <AlertInbox
          key={path}
          path={path}
          emptyMessage={
            state === undefined
              ? 'No alerts for you: nothing needs your attention.'
              : `No ${ALERT_STATE_LABELS[state].toLowerCase()} alerts.`
          }
        />
      </Panel>
    </>
  );
}
