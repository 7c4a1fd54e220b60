/**
 * `--source salesforce`: report exports (Details Only, CSV) of opportunities
 * (as deals) and accounts (as customers), with their trailer of totals and
 * copyright lines. Dates may be US M/D/YYYY or YYYY-MM-DD, as the user's
 * locale prints them; owners are matched to reps by name or e-mail.
 */
import { defineExportSource } from '../source.js';
import { salesforceAccountsExport } from './map-customer.js';
import { salesforceOpportunitiesExport } from './map-deal.js';

export const salesforceSource = defineExportSource('salesforce', {
  customers: [salesforceAccountsExport],
  deals: [salesforceOpportunitiesExport],
});
