/**
 * One customer: its health from the stored snapshots, its fields and imported
 * attributes, and the timeline of its subscriptions, invoices, tickets, NPS
 * answers and conversations (with their tracker hits). A customer
 * the person may not see answers 404, shown as the API words it.
 */
import { Link, useParams } from 'react-router';
import { AsyncView } from '../../components/AsyncView.js';
import { Panel } from '../../components/Panel.js';
import type { CustomerDetail } from '../../lib/api-types.js';
import { formatDate, formatMoney } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { ActiveBadge } from './ActiveBadge.js';
import { CustomerTimeline } from './CustomerTimeline.js';
import { HealthPanel } from './HealthPanel.js';

export function CustomerPage() {
  const { id = '' } = useParams();
  const state = useApi<CustomerDetail>(`/api/customers/${encodeURIComponent(id)}`);
  return (
    <>
      <Link to="/customers" className="back-link">
        ← Customers
      </Link>
      <AsyncView state={state} label="the customer">
        {(detail) => <CustomerView detail={detail} />}
      </AsyncView>
    </>
  );
}

type CustomerViewProps = { detail: CustomerDetail };

function CustomerView({ detail: { customer, health, timeline } }: CustomerViewProps) {
  const fields: [string, string][] = [
    ['Id', customer.id],
    ['MRR', formatMoney(customer.mrr)],
    ['Segment', customer.segment ?? '—'],
    ['Region', customer.region ?? '—'],
    ['Industry', customer.industry ?? '—'],
    ['Acquisition channel', customer.acquisition_channel ?? '—'],
    ['Owner', customer.owner_rep_id ?? '—'],
    ['Record created', formatDate(customer.created_at)],
    ...Object.entries(customer.attributes),
  ];
  return (
    <>
      <h1>
        {customer.name ?? customer.id} <ActiveBadge isActive={customer.is_active} />
      </h1>
      <div className="panel-grid">
        <HealthPanel snapshots={health} />
        <Panel title="Details">
          <dl className="fields">
            {fields.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Panel>
        <Panel title="Timeline">
          <CustomerTimeline events={timeline} />
        </Panel>
      </div>
    </>
  );
}
