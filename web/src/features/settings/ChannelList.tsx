/** The alert delivery channels, targets masked by the API, each removable. */
import { useSignedInSession } from '../../app/useSession.js';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ProblemNotice } from '../../components/LoadState.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { sendJson } from '../../lib/api.js';
import type { DeliveryChannel } from '../../lib/api-types.js';
import { formatDate } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useWrite } from './useWrite.js';

export type ChannelListProps = { version: number; onRemoved: () => void };

export function ChannelList({ version, onRemoved }: ChannelListProps) {
  const { csrfToken } = useSignedInSession();
  const state = useApi<DeliveryChannel[]>('/api/settings/channels', version);
  const { run, problem, isSending } = useWrite();

  const remove = (channel: DeliveryChannel) => {
    if (
      !window.confirm(
        `Remove the ${channel.kind} channel ${channel.target}? Alerts it still owes are kept as failed.`,
      )
    )
      return;
    run(
      () =>
        sendJson('DELETE', `/api/settings/channels/${encodeURIComponent(channel.id)}`, {
          csrfToken,
        }),
      onRemoved,
    );
  };
  const columns: DataColumn<DeliveryChannel>[] = [
    { header: 'Kind', cell: (channel) => channel.kind },
    {
      header: 'Target',
      cell: (channel) => <span className="cell-text cell-break">{channel.target}</span>,
    },
    {
      header: 'Signed',
      cell: (channel) =>
        channel.is_signed ? <StatusBadge label="Signed" tone="good" /> : 'No secret',
    },
    {
      header: 'State',
      cell: (channel) =>
        channel.enabled ? (
          <StatusBadge label="Enabled" tone="good" />
        ) : (
          <StatusBadge label="Disabled" tone="neutral" />
        ),
    },
    { header: 'Added', cell: (channel) => formatDate(channel.created_at) },
    {
      header: 'Remove',
      cell: (channel) => (
        <button
          type="button"
          className="link-button"
          aria-label={`Remove channel ${channel.id}`}
          disabled={isSending}
          onClick={() => remove(channel)}
        >
          Remove
        </button>
      ),
    },
  ];

  return (
    <>
      {problem === undefined ? null : <ProblemNotice problem={problem} />}
      <AsyncView
        state={state}
        label="the channels"
        isEmpty={(channels) => channels.length === 0}
        emptyMessage="No delivery channel: alerts stay in the alert log until you add one."
      >
        {(channels) => (
          <DataTable
            caption="Delivery channels"
            columns={columns}
            rows={channels}
            rowKey={(channel) => channel.id}
            isStackedOnPhone
          />
        )}
      </AsyncView>
    </>
  );
}
