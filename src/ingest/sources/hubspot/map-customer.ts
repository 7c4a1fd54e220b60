/**
 * HubSpot companies export → customers. Every company lands, prospects
 * included: Retain derives who is a paying customer from subscriptions and
 * orders, so a company that never bought is simply never active. The owner
 * is resolved to a rep id like a deal's.
 */
import { defineExportMapping } from '../export-mapping.js';
import { parseExportDate, requireValue } from '../export-values.js';

export const hubspotCompaniesExport = defineExportMapping({
  vendor: 'HubSpot',
  exportName: 'companies export',
  howToExport: 'HubSpot (CRM → Companies → Export, CSV)',
  columns: {
    id: { label: 'Record ID', aliases: ['record_id', 'company_id'], isRequired: true },
    name: { label: 'Company name', aliases: ['company_name', 'name'], isRequired: true },
    created: { label: 'Create Date', aliases: ['create_date'], isRequired: true },
    owner: { label: 'Company owner', aliases: ['company_owner'] },
    industry: { label: 'Industry', aliases: ['industry'] },
  },
  map(row, { owners }) {
    return {
      id: row.field('id', 'id'),
      name: row.text('name'),
      created_at: row.parse('created', requireValue(parseExportDate)),
      industry: row.text('industry'),
      owner_rep_id: row.parse('owner', owners.resolve),
    };
  },
});
