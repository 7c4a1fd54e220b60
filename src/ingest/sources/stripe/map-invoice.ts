/**
 * Stripe invoices export → invoices. Stripe's statuses become Retain's:
 * paid → paid; uncollectible → failed (Stripe gave up collecting); open →
 * failed once a payment attempt has failed (a failure code, Attempted, or an
 * attempt count above zero), else open. Void and draft invoices bill nothing
 * and fit none of Retain's statuses, so they are rejected with a fix rather
 * than imported as something they are not. The amount is the Total (after
 * discounts and tax), else Amount Due, else Amount Paid.
 */
import { parseField } from '../../../domain/entities/fields.js';
import { defineExportMapping } from '../export-mapping.js';
import type { ExportRow } from '../export-row.js';
import { parseExportAmount, parseFlag, toMatchKey } from '../export-values.js';

const columns = {
  id: { label: 'id', aliases: ['id', 'invoice_id'], isRequired: true },
  customer: { label: 'Customer', aliases: ['customer', 'customer_id'], isRequired: true },
  subscription: { label: 'Subscription', aliases: ['subscription', 'subscription_id'] },
  status: { label: 'Status', aliases: ['status'], isRequired: true, isKept: true },
  amount: {
    label: 'Total',
    aliases: ['total', 'amount_due', 'amount', 'amount_paid'],
    isRequired: true,
  },
  currency: { label: 'Currency', aliases: ['currency'] },
  issued: {
    label: 'Date (UTC)',
    aliases: ['date_utc', 'date', 'created_utc', 'created', 'invoice_date'],
    isRequired: true,
  },
  paidAt: { label: 'Paid At (UTC)', aliases: ['paid_at_utc', 'paid_at'] },
  failureCode: {
    label: 'Failure Code',
    aliases: ['failure_code', 'last_payment_error_code', 'charge_failure_code', 'decline_code'],
  },
  attempted: { label: 'Attempted', aliases: ['attempted'], isKept: true },
  attemptCount: { label: 'Attempt Count', aliases: ['attempt_count'], isKept: true },
} as const;

type Key = keyof typeof columns;

const NOT_BILLED = new Set(['void', 'draft']);

export const stripeInvoicesExport = defineExportMapping({
  vendor: 'Stripe',
  exportName: 'invoices export',
  howToExport: 'the Stripe Dashboard (Billing → Invoices → Export)',
  columns,
  map(row) {
    return {
      id: row.field('id', 'id'),
      customer_id: row.field('customer', 'customer_id'),
      subscription_id: row.field('subscription', 'subscription_id'),
      issued_at: row.field('issued', 'issued_at'),
      amount: row.parse('amount', parseExportAmount({ kind: 'decimal', required: true })),
      currency: row.field('currency', 'currency'),
      status: toStatus(row),
      paid_at: row.field('paidAt', 'paid_at'),
      failure_code: row.text('failureCode'),
    };
  },
});

function toStatus(row: ExportRow<Key>): string {
  const status = toMatchKey(row.text('status'));
  if (status === 'paid') return 'paid';
  if (status === 'uncollectible') return 'failed';
  if (status === 'open') return hasFailedAttempt(row) ? 'failed' : 'open';
  if (NOT_BILLED.has(status)) {
    row.fail(
      'status',
      `is a ${status} invoice, which bills nothing; Retain's invoices are paid, failed, refunded or open`,
      'leave void and draft invoices out of the export (filter on Status in the Dashboard), or import with --keep-good-rows',
    );
  } else {
    row.fail(
      'status',
      'is not a Stripe invoice status',
      'use one of: paid, open, uncollectible (void and draft invoices are not imported)',
    );
  }
  return '';
}

function hasFailedAttempt(row: ExportRow<Key>): boolean {
  const attempted = row.parse('attempted', parseFlag);
  const count = row.parse('attemptCount', (text) => parseField({ kind: 'integer', min: 0 }, text));
  return row.text('failureCode') !== '' || attempted === 'true' || Number(count) > 0;
}
