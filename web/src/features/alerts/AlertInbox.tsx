/**
 * The alerts of one query, each with the step it can take next. A changed
 * alert replaces its row with the server's answer in place, so it stays where
 * the person was looking even when it no longer matches the state filter.
 * A refused step (someone else moved the alert first) reloads the list from
 * the server, so no row keeps showing a step that is no longer there.
 */
import { useMemo, useState } from 'react';
import { useSignedInSession } from '../../app/useSession.js';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ProblemNotice } from '../../components/LoadState.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { sendJson, type ApiProblem } from '../../lib/api.js';
import type { Alert, AlertState } from '../../lib/api-types.js';
import { formatDate } from '../../lib/format.js';
import { mapApiState, toProblem, useApi } from '../../lib/useApi.js';
import {
  ALERT_KIND_LABELS,
  ALERT_STATE_LABELS,
  ALERT_STATE_TONES,
  isOverdue,
} from './alert-labels.js';

type AlertAction = 'acknowledge' | 'resolve';

/** The steps the API allows from each state: states only move forward. */
const ACTIONS: readonly { action: AlertAction; label: string; from: readonly AlertState[] }[] = [
  { action: 'acknowledge', label: 'Acknowledge', from: ['open'] },
  { action: 'resolve', label: 'Resolve', from: ['open', 'acknowledged'] },
];

export type AlertInboxProps = { path: string; emptyMessage: string };

export function AlertInbox({ path, emptyMessage }: AlertInboxProps) {
  const { csrfToken } = useSignedInSession();
  const [version, setVersion] = useState(0);
  const loaded = useApi<{ alerts: Alert[] }>(path, version);
  const [changed, setChanged] = useState<ReadonlyMap<string, Alert>>(new Map());
  const [pendingId, setPendingId] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const rows = useMemo(
    () =>
      mapApiState(loaded, ({ alerts }) => alerts.map((alert) => changed.get(alert.id) ?? alert)),
    [loaded, changed],
  );

  const advance = (alert: Alert, action: AlertAction) => {
    setPendingId(alert.id);
    sendJson<Alert>('POST', `/api/alerts/${encodeURIComponent(alert.id)}/${action}`, { csrfToken })
      .then((updated) => {
        setProblem(undefined);
        if (updated) setChanged((current) => new Map(current).set(updated.id, updated));
      })
      .catch((error: unknown) => {
        setProblem(toProblem(error));
        setChanged(new Map());
        setVersion((current) => current + 1);
      })
      .finally(() => setPendingId(undefined));
  };
  const today = new Date().toISOString().slice(0, 10);
  const columns: DataColumn<Alert>[] = [
    { header: 'Raised', cell: (alert) => formatDate(alert.raised_at) },
    { header: 'Kind', cell: (alert) => ALERT_KIND_LABELS[alert.kind] },
    { header: 'Alert', cell: (alert) => <span className="cell-text">{alert.title}</span> },
    { header: 'Assignee', cell: (alert) => alert.assignee_rep_id ?? 'Unassigned' },
    {
      header: 'Follow-up',
      cell: (alert) => (
        <span className="cell-text">
          {alert.task}
          <span className="cell-note">
            Due {formatDate(alert.task_due)}{' '}
            {isOverdue(alert, today) ? <StatusBadge label="Overdue" tone="bad" /> : null}
          </span>
        </span>
      ),
    },
    {
      header: 'State',
      cell: (alert) => (
        <StatusBadge
          label={ALERT_STATE_LABELS[alert.state]}
          tone={ALERT_STATE_TONES[alert.state]}
        />
      ),
    },
    {
      header: 'Next step',
      cell: (alert) => (
        <span className="cell-actions">
          {ACTIONS.filter(({ from }) => from.includes(alert.state)).map(({ action, label }) => (
            <button
              key={action}
              type="button"
              className="link-button"
              aria-label={`${label}: ${alert.title}`}
              disabled={pendingId === alert.id}
              onClick={() => advance(alert, action)}
            >
              {label}
            </button>
          ))}
        </span>
      ),
    },
  ];

  return (
    <>
      {problem === undefined ? null : <ProblemNotice problem={problem} />}
      <AsyncView
        state={rows}
        label="the alerts"
        isEmpty={(list) => list.length === 0}
        emptyMessage={emptyMessage}
      >
        {(list) => (
          <DataTable
            caption="Alerts"
            columns={columns}
            rows={list}
            rowKey={(alert) => alert.id}
            isStackedOnPhone
          />
        )}
      </AsyncView>
    </>
  );
}
