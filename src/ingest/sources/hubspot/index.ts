/**
 * `--source hubspot`: HubSpot's CSV exports of deals, companies (as
 * customers) and contacts (as leads). Dates may be YYYY-MM-DD or US
 * M/D/YYYY, with or without a time; owners are matched to reps by name or e-mail.
 */
import { defineExportSource } from '../source.js';
import { hubspotCompaniesExport } from './map-customer.js';
import { hubspotDealsExport } from './map-deal.js';
import { hubspotContactsExport } from './map-lead.js';

export const hubspotSource = defineExportSource('hubspot', {
  customers: [hubspotCompaniesExport],
  leads: [hubspotContactsExport],
  deals: [hubspotDealsExport],
});
