/**
 * `--source stripe`: the Stripe Dashboard's CSV exports (Title Case labels,
 * `(UTC)` dates, amounts in major units, `<key> (metadata)` columns).
 * Payment methods come from the card columns of the customers or the
 * payments export: `retain import payment_methods customers.csv --source stripe`.
 */
import { defineExportSource } from '../source.js';
import { stripeCustomersExport } from './map-customer.js';
import { stripeInvoicesExport } from './map-invoice.js';
import { stripeCustomersCardsExport, stripePaymentsCardsExport } from './map-payment-method.js';
import { stripeSubscriptionsExport } from './map-subscription.js';

export const stripeSource = defineExportSource('stripe', {
  customers: [stripeCustomersExport],
  subscriptions: [stripeSubscriptionsExport],
  invoices: [stripeInvoicesExport],
  // The payments export first: the customers export has no Customer ID column to confuse it with.
  payment_methods: [stripePaymentsCardsExport, stripeCustomersCardsExport],
});
