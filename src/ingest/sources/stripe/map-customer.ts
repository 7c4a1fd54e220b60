/**
 * Stripe Dashboard customers export → customers. Stripe's `Created (UTC)` is
 * when the record was made, which is what `customers.created_at` means
 * (acquisition comes from the subscriptions). Email, Delinquent, the card
 * columns and `<key> (metadata)` columns are kept as attributes.
 */
import { defineExportMapping } from '../export-mapping.js';

export const stripeCustomersExport = defineExportMapping({
  vendor: 'Stripe',
  exportName: 'customers export',
  howToExport: 'the Stripe Dashboard (Customers → Export)',
  columns: {
    id: { label: 'id', aliases: ['id', 'customer_id'], isRequired: true },
    name: { label: 'Name', aliases: ['name', 'customer_name'] },
    // Older accounts name customers in Description only; it is kept as an attribute too.
    description: { label: 'Description', aliases: ['description'], isKept: true },
    created: { label: 'Created (UTC)', aliases: ['created_utc', 'created'], isRequired: true },
  },
  map(row) {
    return {
      id: row.field('id', 'id'),
      name: row.text('name') || row.text('description'),
      created_at: row.field('created', 'created_at'),
    };
  },
});
