/**
 * The at-risk customers of the latest stored health snapshot that the
 * person may see (the API narrows a rep to their book, a manager to their
 * team), least healthy first, with the reasons that weigh most.
 */
import { Link } from 'react-router';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { EmptyState } from '../../components/LoadState.js';
import { Panel } from '../../components/Panel.js';
import type { AtRiskList } from '../../lib/api-types.js';
import { formatCount, formatDate, formatPercent } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { ReasonList } from './ReasonList.js';

/** The reasons a row shows; the customer's page has them all. */
const TOP_REASONS = 3;

type AtRiskCustomer = AtRiskList['customers'][number];

const COLUMNS: readonly DataColumn<AtRiskCustomer>[] = [
  {
    header: 'Customer',
    cell: (row) => (
      <Link to={`/customers/${encodeURIComponent(row.customer_id)}`}>
        {row.name ?? row.customer_id}
      </Link>
    ),
  },
  { header: 'Health', cell: (row) => formatCount(row.health), isNumeric: true },
  {
    header: 'Churn risk',
    cell: (row) => formatPercent(row.risk_probability),
    isNumeric: true,
  },
  {
    header: 'Top reasons',
    cell: (row) => (
      <span className="cell-text">
        <ReasonList
          reasons={row.reasons.slice(0, TOP_REASONS)}
          label={`Reasons for ${row.name ?? row.customer_id}`}
        />
      </span>
    ),
  },
  { header: 'Owner', cell: (row) => row.owner_name ?? row.owner_rep_id ?? 'Unassigned' },
  { header: 'At risk since', cell: (row) => formatDate(row.since) },
];

export function AtRiskPanel() {
  const state = useApi<AtRiskList>('/api/risk');
  return (
    <Panel
      title="At risk"
      wide
      description={
        state.status === 'ok' && state.data.as_of !== null
          ? `Health below the threshold in the snapshot of ${formatDate(state.data.as_of)}, least healthy first. Churn risk is the learned model's chance of leaving within 90 days.`
          : undefined
      }
    >
      <AsyncView state={state} label="the at-risk customers">
        {(data) =>
          data.as_of === null ? (
            <EmptyState message="No health snapshot yet: run retain risk --store to score every customer." />
          ) : data.customers.length === 0 ? (
            <EmptyState message="No customer of yours is at risk in the latest snapshot." />
          ) : (
            <DataTable
              caption="At-risk customers"
              columns={COLUMNS}
              rows={data.customers}
              rowKey={(row) => row.customer_id}
              isStackedOnPhone
            />
          )
        }
      </AsyncView>
    </Panel>
  );
}
