/** Everyone who may sign in, each removable except the admin looking at the list. */
import { useSignedInSession } from '../../app/useSession.js';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ProblemNotice } from '../../components/LoadState.js';
import { Panel } from '../../components/Panel.js';
import { sendJson } from '../../lib/api.js';
import type { UserRow } from '../../lib/api-types.js';
import { formatDate } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { useWrite } from './useWrite.js';

export type UserListProps = { version: number; onRemoved: () => void };

export function UserList({ version, onRemoved }: UserListProps) {
  const { user, csrfToken } = useSignedInSession();
  const state = useApi<UserRow[]>('/api/users', version);
  const { run, problem } = useWrite();

  const remove = (email: string) => {
    if (!window.confirm(`Remove ${email}? They will no longer be able to sign in.`)) return;
    run(
      () => sendJson('DELETE', `/api/users/${encodeURIComponent(email)}`, { csrfToken }),
      onRemoved,
    );
  };
  const columns: DataColumn<UserRow>[] = [
    { header: 'E-mail', cell: (row) => row.email },
    { header: 'Role', cell: (row) => row.role },
    { header: 'Rep', cell: (row) => row.rep_id ?? '—' },
    { header: 'Added', cell: (row) => formatDate(row.created_at) },
    {
      header: 'Remove',
      cell: (row) =>
        row.email === user.email ? null : (
          <button
            type="button"
            className="link-button"
            aria-label={`Remove ${row.email}`}
            onClick={() => remove(row.email)}
          >
            Remove
          </button>
        ),
    },
  ];

  return (
    <Panel title="Users" wide>
      {problem === undefined ? null : <ProblemNotice problem={problem} />}
      <AsyncView state={state} label="the users" isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable caption="Users" columns={columns} rows={rows} rowKey={(row) => row.id} />
        )}
      </AsyncView>
    </Panel>
  );
}
