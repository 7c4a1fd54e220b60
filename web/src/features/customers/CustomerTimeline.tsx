/** A customer's events, newest first, as the API lists them. */
import { EmptyState } from '../../components/LoadState.js';
import type { CustomerDetail } from '../../lib/api-types.js';
import { formatDate } from '../../lib/format.js';

type TimelineEvent = CustomerDetail['timeline'][number];

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
        </li>
      ))}
    </ol>
  );
}
