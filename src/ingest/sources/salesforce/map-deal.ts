/**
 * Salesforce opportunity report export → deals. The Won and Closed columns
 * decide the status when the report has them (stage names are per-org),
 * else the default Closed Won / Closed Lost stages do; Close Date is the
 * actual close of a closed opportunity and the forecast of an open one. Type
 * becomes the deal kind when recognisable (deal-kind.ts), Lead Source the
 * source, and the owner's name a rep id through the reps in the store.
 * Reports often leave out the Opportunity ID: the id is then the account and
 * opportunity names, which holds as long as neither is renamed.
 */
import { defineExportMapping } from '../export-mapping.js';
import type { ExportRow } from '../export-row.js';
import { toDealKind } from '../deal-kind.js';
import { toDealStatus } from '../deal-status.js';
import { parseExportAmount, parseExportDate, parseFlag, requireValue } from '../export-values.js';
import { SALESFORCE_REPORT_FOOTER } from './report-footer.js';

const columns = {
  id: { label: 'Opportunity ID', aliases: ['opportunity_id', 'opportunity_id_18', 'id'] },
  name: { label: 'Opportunity Name', aliases: ['opportunity_name'], isRequired: true },
  account: { label: 'Account Name', aliases: ['account_name'], isKept: true },
  accountId: { label: 'Account ID', aliases: ['account_id'] },
  amount: { label: 'Amount', aliases: ['amount', 'total_amount'], isRequired: true },
  currency: {
    label: 'Opportunity Currency',
    aliases: ['opportunity_currency', 'amount_currency', 'total_amount_currency', 'currency'],
  },
  stage: { label: 'Stage', aliases: ['stage', 'stage_name'], isRequired: true },
  closeDate: { label: 'Close Date', aliases: ['close_date'], isRequired: true },
  created: { label: 'Created Date', aliases: ['created_date'], isRequired: true },
  owner: { label: 'Opportunity Owner', aliases: ['opportunity_owner'], isRequired: true },
  isWon: { label: 'Won', aliases: ['won'], isKept: true },
  isClosed: { label: 'Closed', aliases: ['closed'], isKept: true },
  type: { label: 'Type', aliases: ['type', 'opportunity_type'], isKept: true },
  source: { label: 'Lead Source', aliases: ['lead_source'] },
  lostReason: {
    label: 'Loss Reason',
    aliases: ['loss_reason', 'closed_lost_reason', 'lost_reason'],
  },
} as const;

export const salesforceOpportunitiesExport = defineExportMapping({
  vendor: 'Salesforce',
  exportName: 'opportunity report export',
  howToExport: 'a Salesforce opportunities report (Export → Details Only → CSV)',
  columns,
  footer: SALESFORCE_REPORT_FOOTER,
  map(row, { owners }) {
    const isWon = row.parse('isWon', parseFlag);
    const isClosed = row.parse('isClosed', parseFlag);
    const status = toDealStatus(row.text('stage'), {
      isWon: isWon === '' ? undefined : isWon === 'true',
      isClosed: isClosed === '' ? undefined : isClosed === 'true',
    });
    const closeDate = row.parse('closeDate', parseExportDate);
    return {
      id: toOpportunityId(row),
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
      customer_id: row.text('accountId'),
    };
  },
});

function toOpportunityId(row: ExportRow<keyof typeof columns>): string {
  if (row.has('id')) return row.field('id', 'id');
  return [row.text('account'), row.text('name')].filter(Boolean).join(' / ');
}
