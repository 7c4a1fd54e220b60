/**
 * HubSpot deals export → deals. The stage label is kept as the stage; the
 * status is won or lost for HubSpot's default Closed Won and Closed Lost
 * stages (or from the Is Closed Won / Is Deal Closed? columns, which custom
 * pipelines need), open otherwise. HubSpot's Close Date is the actual close
 * of a closed deal but the forecast of an open one, so it fills closed_at or
 * expected_close_at accordingly. The owner's name or e-mail is resolved to a
 * rep id through the reps in the store.
 */
import { defineExportMapping } from '../export-mapping.js';
import { toDealKind } from '../deal-kind.js';
import { toDealStatus } from '../deal-status.js';
import { parseExportAmount, parseExportDate, parseFlag, requireValue } from '../export-values.js';

export const hubspotDealsExport = defineExportMapping({
  vendor: 'HubSpot',
  exportName: 'deals export',
  howToExport: 'HubSpot (CRM → Deals → Export, CSV)',
  columns: {
    id: { label: 'Record ID', aliases: ['record_id', 'deal_id'], isRequired: true },
    name: { label: 'Deal Name', aliases: ['deal_name'], isRequired: true },
    amount: { label: 'Amount', aliases: ['amount'], isRequired: true },
    currency: { label: 'Currency', aliases: ['currency', 'deal_currency_code'] },
    stage: { label: 'Deal Stage', aliases: ['deal_stage'], isRequired: true },
    closeDate: { label: 'Close Date', aliases: ['close_date'], isRequired: true },
    owner: { label: 'Deal Owner', aliases: ['deal_owner'], isRequired: true },
    created: { label: 'Create Date', aliases: ['create_date'], isRequired: true },
    isWon: { label: 'Is Closed Won', aliases: ['is_closed_won'], isKept: true },
    isClosed: { label: 'Is Deal Closed?', aliases: ['is_deal_closed', 'is_closed'], isKept: true },
    lostReason: { label: 'Closed Lost Reason', aliases: ['closed_lost_reason'] },
    type: { label: 'Deal Type', aliases: ['deal_type'], isKept: true },
    source: { label: 'Original Source Type', aliases: ['original_source_type', 'original_source'] },
  },
  map(row, { owners }) {
    const isWon = row.parse('isWon', parseFlag);
    const isClosed = row.parse('isClosed', parseFlag);
    const status = toDealStatus(row.text('stage'), {
      isWon: isWon === '' ? undefined : isWon === 'true',
      isClosed: isClosed === '' ? undefined : isClosed === 'true',
    });
    const closeDate = row.parse('closeDate', parseExportDate);
    return {
      id: row.field('id', 'id'),
      name: row.text('name'),
      owner_rep_id: row.parse('owner', requireValue(owners.resolve)),
      amount: row.parse('amount', parseExportAmount({ kind: 'decimal', required: true, min: 0 })),
      currency: row.field('currency', 'currency'),
      stage: row.field('stage', 'stage'),
      status,
      created_at: row.parse('created', requireValue(parseExportDate)),
      closed_at: status === 'open' ? '' : closeDate,
      expected_close_at: status === 'open' ? closeDate : '',
      lost_reason: row.text('lostReason'),
      source: row.text('source'),
      kind: toDealKind(row.text('type')) ?? '',
    };
  },
});
