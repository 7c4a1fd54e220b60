/**
 * HubSpot contacts export → leads. HubSpot's default lead statuses become
 * Retain's: New and Open → new; Attempted to Contact, Connected and In
 * Progress → contacted; Open Deal → qualified; Unqualified and Bad Timing →
 * disqualified. A contact whose Lifecycle Stage is Customer is converted,
 * whatever its lead status. Other statuses stay empty (kept as an attribute).
 */
import { defineExportMapping } from '../export-mapping.js';
import type { ExportRow } from '../export-row.js';
import { parseExportDate, requireValue, toMatchKey } from '../export-values.js';

const LEAD_STATUSES: Readonly<Record<string, string>> = {
  new: 'new',
  open: 'new',
  attemptedtocontact: 'contacted',
  connected: 'contacted',
  inprogress: 'contacted',
  opendeal: 'qualified',
  unqualified: 'disqualified',
  badtiming: 'disqualified',
};

const columns = {
  id: { label: 'Record ID', aliases: ['record_id', 'contact_id'], isRequired: true },
  firstName: { label: 'First Name', aliases: ['first_name'] },
  lastName: { label: 'Last Name', aliases: ['last_name'] },
  email: { label: 'Email', aliases: ['email'], isRequired: true, isKept: true },
  company: { label: 'Company Name', aliases: ['company_name', 'company'] },
  created: { label: 'Create Date', aliases: ['create_date'], isRequired: true },
  owner: { label: 'Contact owner', aliases: ['contact_owner'] },
  source: { label: 'Original Source', aliases: ['original_source', 'original_source_type'] },
  leadStatus: { label: 'Lead Status', aliases: ['lead_status'], isKept: true },
  lifecycleStage: { label: 'Lifecycle Stage', aliases: ['lifecycle_stage'], isKept: true },
} as const;

export const hubspotContactsExport = defineExportMapping({
  vendor: 'HubSpot',
  exportName: 'contacts export',
  howToExport: 'HubSpot (CRM → Contacts → Export, CSV)',
  columns,
  map(row, { owners }) {
    const name = [row.text('firstName'), row.text('lastName')].filter(Boolean).join(' ');
    return {
      id: row.field('id', 'id'),
      name: name || row.text('email'),
      company: row.text('company'),
      source: row.text('source'),
      created_at: row.parse('created', requireValue(parseExportDate)),
      owner_rep_id: row.parse('owner', owners.resolve),
      status: toLeadStatus(row),
    };
  },
});

function toLeadStatus(row: ExportRow<keyof typeof columns>): string {
  if (toMatchKey(row.text('lifecycleStage')) === 'customer') return 'converted';
  return LEAD_STATUSES[toMatchKey(row.text('leadStatus'))] ?? '';
}
