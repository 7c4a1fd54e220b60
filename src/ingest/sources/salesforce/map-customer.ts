/**
 * Salesforce account report export → customers. Every account lands,
 * prospects included: paying customers are derived from subscriptions and
 * orders. The id is the Account ID, or the Account Name when the report
 * leaves the ID out (as opportunity reports' Account Name then matches it).
 */
import { defineExportMapping } from '../export-mapping.js';
import { parseExportDate, requireValue } from '../export-values.js';
import { SALESFORCE_REPORT_FOOTER } from './report-footer.js';

export const salesforceAccountsExport = defineExportMapping({
  vendor: 'Salesforce',
  exportName: 'account report export',
  howToExport: 'a Salesforce accounts report (Export → Details Only → CSV)',
  columns: {
    id: { label: 'Account ID', aliases: ['account_id', 'account_id_18', 'id'] },
    name: { label: 'Account Name', aliases: ['account_name'], isRequired: true },
    created: { label: 'Created Date', aliases: ['created_date'], isRequired: true },
    owner: { label: 'Account Owner', aliases: ['account_owner'] },
    industry: { label: 'Industry', aliases: ['industry'] },
    region: { label: 'Region', aliases: ['region', 'territory_region', 'sales_region'] },
    segment: { label: 'Segment', aliases: ['segment', 'customer_segment'] },
  },
  footer: SALESFORCE_REPORT_FOOTER,
  map(row, { owners }) {
    return {
      id: row.has('id') ? row.field('id', 'id') : row.field('name', 'id'),
      name: row.text('name'),
      created_at: row.parse('created', requireValue(parseExportDate)),
      owner_rep_id: row.parse('owner', owners.resolve),
      industry: row.text('industry'),
      region: row.text('region'),
      segment: row.text('segment'),
    };
  },
});
