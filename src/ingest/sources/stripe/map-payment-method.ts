/**
 * Stripe card columns → payment_methods, from either export that has them.
 * The customers export shows each customer's default card (so is_default is
 * true); the payments export shows the card of every charge, so a card
 * appears once per charge and the row of its latest charge is kept (its
 * expiry is the current one). Rows without a card (a customer with none on
 * file, a bank debit) hold no payment method and are passed over; only the
 * Card columns are kept as attributes, the rest describe the customer or the charge.
 */
import { parseField } from '../../../domain/entities/fields.js';
import { defineExportMapping, type ExportColumn } from '../export-mapping.js';
import type { ExportRow } from '../export-row.js';

const cardColumns = {
  card: { label: 'Card ID', aliases: ['card_id'], isRequired: true },
  expMonth: { label: 'Card Exp Month', aliases: ['card_exp_month'], isRequired: true },
  expYear: { label: 'Card Exp Year', aliases: ['card_exp_year'], isRequired: true },
} satisfies Record<string, ExportColumn>;

const isCardColumn = (column: string) => column.startsWith('card_');

function mapCard(row: ExportRow<keyof typeof cardColumns | 'customer'>) {
  return {
    id: row.field('card', 'id'),
    customer_id: row.field('customer', 'customer_id'),
    kind: 'card',
    exp_month: row.field('expMonth', 'exp_month'),
    exp_year: row.field('expYear', 'exp_year'),
  };
}

export const stripePaymentsCardsExport = defineExportMapping({
  vendor: 'Stripe',
  exportName: 'payments export',
  howToExport: 'the Stripe Dashboard (Payments → Export)',
  columns: {
    customer: { label: 'Customer ID', aliases: ['customer_id'], isRequired: true },
    created: { label: 'Created (UTC)', aliases: ['created_utc', 'created'], isRequired: true },
    ...cardColumns,
  },
  keepsColumn: isCardColumn,
  latestPerId: { newestBy: 'last_charge_at' },
  map(row) {
    if (row.text('card') === '') return undefined;
    const chargedAt = row.parse('created', (text) =>
      parseField({ kind: 'timestamp', required: true }, text),
    );
    // ISO-8601 in UTC, so that the latest charge is the greatest text whatever the export's format.
    return {
      ...mapCard(row),
      last_charge_at: `${chargedAt.slice(0, 10)}T${chargedAt.slice(11, 19)}Z`,
    };
  },
});

export const stripeCustomersCardsExport = defineExportMapping({
  vendor: 'Stripe',
  exportName: 'customers export',
  howToExport: 'the Stripe Dashboard (Customers → Export, with the card columns)',
  columns: {
    customer: { label: 'id', aliases: ['id'], isRequired: true },
    ...cardColumns,
  },
  keepsColumn: isCardColumn,
  map(row) {
    if (row.text('card') === '') return undefined;
    return { ...mapCard(row), is_default: 'true' };
  },
});
