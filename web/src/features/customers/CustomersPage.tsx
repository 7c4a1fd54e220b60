/**
 * The customers the signed-in person may see: those at risk first, then the
 * whole list, searchable by id or name, a page at a time.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import type { CustomerPage, CustomerSummary } from '../../lib/api-types.js';
import { buildPath } from '../../lib/api.js';
import { formatCount, formatMoney } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { ActiveBadge } from './ActiveBadge.js';
import { AtRiskPanel } from './AtRiskPanel.js';

const PAGE_SIZE = 25;

const COLUMNS: readonly DataColumn<CustomerSummary>[] = [
  {
    header: 'Customer',
    cell: (customer) => (
      <Link to={`/customers/${encodeURIComponent(customer.id)}`}>
        {customer.name ?? customer.id}
      </Link>
    ),
  },
  { header: 'Segment', cell: (customer) => customer.segment ?? '—' },
  { header: 'Region', cell: (customer) => customer.region ?? '—' },
  { header: 'Owner', cell: (customer) => customer.owner_rep_id ?? '—' },
  { header: 'MRR', cell: (customer) => formatMoney(customer.mrr), isNumeric: true },
  { header: 'Status', cell: (customer) => <ActiveBadge isActive={customer.is_active} /> },
];

export function CustomersPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState(search);
  const state = useApi<CustomerPage>(
    buildPath('/api/customers', { search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  );

  const go = (patch: { search?: string; page?: number }) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      const nextSearch = patch.search ?? search;
      if (nextSearch === '') next.delete('search');
      else next.set('search', nextSearch);
      if ((patch.page ?? 1) === 1) next.delete('page');
      else next.set('page', String(patch.page));
      return next;
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ search: draft.trim() });
  };

  return (
    <>
      <h1>Customers</h1>
      <div className="panel-stack">
        <AtRiskPanel />
      </div>
      <form className="search-bar" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Search customers"
          placeholder="Name or id"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      <Panel title="Customer list" wide>
        <AsyncView
          state={state}
          label="the customers"
          isEmpty={(data) => data.customers.length === 0}
          emptyMessage={
            search === '' ? 'No customers to show.' : `No customer matches “${search}”.`
          }
        >
          {(data) => (
            <>
              <DataTable
                caption="Customers"
                columns={COLUMNS}
                rows={data.customers}
                rowKey={(customer) => customer.id}
              />
              <div className="pager">
                <span>
                  {formatCount((page - 1) * PAGE_SIZE + 1)}–
                  {formatCount((page - 1) * PAGE_SIZE + data.customers.length)} of{' '}
                  {formatCount(data.total)}
                </span>
                <button type="button" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                  Previous
                </button>
                <button
                  type="button"
                  disabled={page * PAGE_SIZE >= data.total}
                  onClick={() => go({ page: page + 1 })}
                >
                  Next
                </button>
              </div>
            </>
          )}
        </AsyncView>
      </Panel>
    </>
  );
}
