/** The keyword trackers as a table: whose words each listens to and the phrases it listens for. */
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import type { Tracker } from '../../lib/api-types.js';
import { formatCount } from '../../lib/format.js';

const SPEAKER_LABELS: Readonly<Record<Tracker['speaker'], string>> = {
  customer: 'The customer',
  rep: 'The rep',
  anyone: 'Anyone',
};

const COLUMNS: readonly DataColumn<Tracker>[] = [
  { header: 'Tracker', cell: (tracker) => tracker.name },
  { header: 'Listens to', cell: (tracker) => SPEAKER_LABELS[tracker.speaker] },
  {
    header: 'Phrases',
    cell: (tracker) => <span className="cell-text">{tracker.phrases.join(', ')}</span>,
  },
  {
    header: 'Negation window',
    cell: (tracker) =>
      tracker.negation_window === 0 ? 'off' : `${formatCount(tracker.negation_window)} words`,
    isNumeric: true,
  },
];

export type TrackerTableProps = { trackers: readonly Tracker[] };

export function TrackerTable({ trackers }: TrackerTableProps) {
  return (
    <DataTable
      caption="Trackers"
      columns={COLUMNS}
      rows={trackers}
      rowKey={(tracker) => tracker.name}
      isStackedOnPhone
    />
  );
}
