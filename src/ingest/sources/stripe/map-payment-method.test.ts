import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { formatReject } from '../../../domain/reject.js';
import { stripeSource } from './index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const CUSTOMERS = join(FIXTURES, 'customers.csv');

describe('Stripe card columns → payment_methods', () => {
  it('takes each customer’s default card from the customers export', async () => {
    await withTempStore(async (store) => {
      await importExport(store, stripeSource, 'customers', CUSTOMERS);
      const summary = await importExport(store, stripeSource, 'payment_methods', CUSTOMERS);
      // 11 customers, of whom Elm (in trial) has no card on file: 10 cards.
      expect(summary.counts).toEqual([
        { entity: 'payment_methods', inserted: 10, updated: 0, unchanged: 0, rejected: 0 },
      ]);
      const [gum] = await store.query(
        `SELECT id, customer_id, kind, exp_month, exp_year, is_default, attributes FROM payment_methods WHERE customer_id = 'cus_PqGum007'`,
      );
      // Only the card columns are kept: the rest describes the customer, not the card.
      expect(gum).toEqual({
        id: 'card_1OqGum007',
        customer_id: 'cus_PqGum007',
        kind: 'card',
        exp_month: 2,
        exp_year: 2024,
        is_default: true,
        attributes: '{"card_last4":"0341","card_brand":"Visa"}',
      });
    });
  });

  it('keeps one row per card from the payments export, with the expiry of its latest charge', async () => {
    await withTempStore(async (store) => {
      await importExport(store, stripeSource, 'customers', CUSTOMERS);
      const summary = await importExport(
        store,
        stripeSource,
        'payment_methods',
        join(FIXTURES, 'payments.csv'),
      );
      expect(summary.rejectedRows).toBe(0);
      // Acme's card was charged in January (expiring 4/2024) and in March, after the
      // card updater renewed it (4/2027): the March row wins, although it comes first.
      // Cedar paid by bank debit: no card, no payment method.
      const rows = await store.query<{ attributes: string }>(
        `SELECT id, customer_id, exp_month, exp_year, is_default, attributes FROM payment_methods ORDER BY id`,
      );
      expect(
        rows.map((row) => ({ ...row, attributes: JSON.parse(row.attributes) as unknown })),
      ).toEqual([
        {
          id: 'card_1OqAcme01',
          customer_id: 'cus_PqAcme01',
          exp_month: 4,
          exp_year: 2027,
          is_default: null,
          attributes: {
            card_last4: '4242',
            card_brand: 'Visa',
            card_funding: 'credit',
            card_name: 'Acme, Inc.',
            card_address_country: 'US',
            card_address_zip: '94107',
            card_issue_country: 'US',
            card_fingerprint: 'Xq1AcmeFp4242',
            card_cvc_status: 'pass',
            card_avs_zip_status: 'pass',
            last_charge_at: '2024-03-05T10:01:00Z',
          },
        },
        {
          id: 'card_1OqGum007',
          customer_id: 'cus_PqGum007',
          exp_month: 2,
          exp_year: 2024,
          is_default: null,
          attributes: {
            card_last4: '0341',
            card_brand: 'Visa',
            card_funding: 'credit',
            card_address_country: 'GB',
            card_issue_country: 'GB',
            card_fingerprint: 'Xq1GumFp0341',
            card_cvc_status: 'pass',
            last_charge_at: '2024-03-20T10:12:00Z',
          },
        },
      ]);
    });
  });

  it('rejects an expiry month out of range on the card column', async () => {
    await withTempStore(async (store, dir) => {
      await importExport(store, stripeSource, 'customers', CUSTOMERS);
      const file = await writeFixture(
        dir,
        'customers.csv',
        'id,Email,Created (UTC),Card ID,Card Exp Month,Card Exp Year\n' +
          'cus_PqAcme01,billing@acme.example,2024-01-05 09:58,card_1OqAcme01,13,2027\n',
      );
      const summary = await importExport(store, stripeSource, 'payment_methods', file);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:2:card_exp_month: "13" is out of range — use a value between 1 and 12`,
      ]);
      expect(await store.query(`SELECT id FROM payment_methods`)).toEqual([]);
    });
  });

  it('refuses a file without card columns, naming both exports that have them', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(
        dir,
        'customers.csv',
        'id,Email,Created (UTC)\ncus_1,a@example.com,2024-01-05 09:58\n',
      );
      const summary = await importExport(store, stripeSource, 'payment_methods', file);
      const fix =
        "use the file from the Stripe Dashboard (Payments → Export): a Stripe payments export has the columns Customer ID, Created (UTC), Card ID, Card Exp Month, Card Exp Year; or from the Stripe Dashboard (Customers → Export, with the card columns): a Stripe customers export has the columns id, Card ID, Card Exp Month, Card Exp Year (columns found: id, email, created_utc); for a file in Retain's own columns use --source native";
      expect(summary.sampleRejects.map(formatReject)).toEqual(
        ['Card ID', 'Card Exp Month', 'Card Exp Year'].map(
          (column) =>
            `${file}:1:${column}: is missing from the header, so this is not a Stripe customers export; no row of this file was read — ${fix}`,
        ),
      );
    });
  });
});
