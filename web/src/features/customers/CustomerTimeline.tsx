/**
 * A customer's events, newest first, as the API lists them; a conversation
 * names the trackers it fired and quotes the sentence of each hit.
 */
import { EmptyState } from '../../components/LoadState.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { TimelineEvent } from '../../lib/api-types.js';
import { formatDate } from '../../lib/format.js';

const KIND_LABELS: Record<TimelineEvent['kind'], string> = {
  subscription_started: 'Subscription started',
  subscription_ended: 'Subscription ended',
  subscription_changed: 'Subscription changed',
  invoice: 'Invoice',
  ticket: 'Ticket',
  nps: 'NPS answer',
  conversation: 'Conversation',
};

export type CustomerTimelineProps = { events: readonly TimelineEvent[] };

export function CustomerTimeline({ events }: CustomerTimelineProps) {
  if (events.length === 0)
    return <EmptyState message="Nothing has happened with this customer yet." />;
  return (
    <ol className="timeline" aria-label="Timeline">
      {events.map((event) => (
        <li key={`${event.kind}:${event.id}`} className={`timeline-${event.kind}`}>
          <time dateTime={event.at}>{formatDate(event.at)}</time>
          <span className="timeline-kind">{KIND_LABELS[event.kind]}</span>
          <span className="timeline-summary">{event.summary}</span>
          {event.trackers.length === 0 ? null : <TrackerHits hits={event.trackers} />}
        </li>
      ))}
    </ol>
  );
}

type TrackerHitsProps = { hits: TimelineEvent['trackers'] };

function TrackerHits({ hits }: TrackerHitsProps) {
  const trackers = [...new Set(hits.map((hit) => hit.tracker))];
  // Spans, not a nested list: the timeline's items stay the events alone.
  return (
    <span className="timeline-hits">
      <span className="cell-actions">
        {trackers.map((tracker) => (
          <StatusBadge key={tracker} label={tracker} tone="warn" />
        ))}
      </span>
      {hits.map((hit, index) => (
        // One phrase can recur in a call: the position tells the hits apart.
        <span key={`${index}:${hit.tracker}`} className="timeline-hit">
          <q>{hit.snippet}</q>{' '}
          <span className="cell-note">
            {hit.tracker}: “{hit.phrase}”
          </span>
        </span>
      ))}
    </span>
  );
}
