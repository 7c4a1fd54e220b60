import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { formatReject } from '../../../domain/reject.js';
import { stripeSource } from './index.js';

const CUSTOMERS = join(import.meta.dirname, 'fixtures/customers.csv');

describe('Stripe customers export → customers', () => {
  it('imports every customer with its name, creation time and the rest as attributes', async () => {
    await withTempStore(async (store) => {
      const summary = await importExport(store, stripeSource, 'customers', CUSTOMERS);
      expect(summary.rejectedRows).toBe(0);
      expect(summary.counts).toEqual([
        { entity: 'customers', inserted: 11, updated: 0, unchanged: 0, rejected: 0 },
      ]);
      const rows = await store.query<{ id: string; name: string; created_at: string }>(
        `SELECT id, name, created_at FROM customers WHERE id IN ('cus_PqAcme01', 'cus_PqLarch1') ORDER BY id`,
      );
      // Larch has no Name, only the Description older Stripe accounts use instead.
      expect(rows).toEqual([
        { id: 'cus_PqAcme01', name: 'Acme, Inc.', created_at: '2024-01-05T09:58:00Z' },
        {
          id: 'cus_PqLarch1',
          name: 'Larch Logistics (legacy account)',
          created_at: '2023-12-01T13:37:00Z',
        },
      ]);
      const [acme] = await store.query<{ attributes: string }>(
        `SELECT attributes FROM customers WHERE id = 'cus_PqAcme01'`,
      );
      // `tier (metadata)` is kept under its key; a quoted value keeps its comma.
      expect(JSON.parse(acme?.attributes ?? '{}')).toEqual({
        email: 'billing@acme.example',
        delinquent: 'false',
        plan: 'starter',
        status: 'active',
        total_spend: '192.00',
        payment_count: '4',
        refunded_volume: '0.00',
        dispute_losses: '0.00',
        card_id: 'card_1OqAcme01',
        card_last4: '4242',
        card_brand: 'Visa',
        card_exp_month: '4',
        card_exp_year: '2027',
        tier: 'gold, annual review',
      });
    });
  });

  it('re-importing the same export changes nothing', async () => {
    await withTempStore(async (store) => {
      await importExport(store, stripeSource, 'customers', CUSTOMERS);
      const again = await importExport(store, stripeSource, 'customers', CUSTOMERS);
      expect(again.counts).toEqual([
        { entity: 'customers', inserted: 0, updated: 0, unchanged: 11, rejected: 0 },
      ]);
    });
  });

  it('rejects a bad creation time on the vendor column, with line and fix, and writes nothing', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(
        dir,
        'customers.csv',
        'id,Description,Email,Name,Created (UTC),Delinquent\n' +
          'cus_Ok000001,,a@example.com,Ok,2024-01-05 09:58,false\n' +
          'cus_Bad00002,,b@example.com,Bad,2024-02-30 10:00,false\n',
      );
      const summary = await importExport(store, stripeSource, 'customers', file);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:3:created_utc: "2024-02-30 10:00" is not a calendar date — use ISO-8601, e.g. 2025-08-01 or 2025-08-01T14:30:00Z (UTC unless an offset such as +02:00 is given)`,
      ]);
      expect(summary.committed).toBe(false);
      expect(await store.query(`SELECT id FROM customers`)).toEqual([]);
    });
  });

  it('refuses a file that is not a Stripe customers export, naming the columns it needs', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(dir, 'customers.csv', 'id,created_at\nc1,2024-01-01\n');
      const summary = await importExport(store, stripeSource, 'customers', file);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:1:Created (UTC): is missing from the header, so this is not a Stripe customers export; no row of this file was read — use the file from the Stripe Dashboard (Customers → Export): a Stripe customers export has the columns id, Created (UTC) (columns found: id, created_at); for a file in Retain's own columns use --source native`,
      ]);
      expect(summary.committed).toBe(false);
    });
  });
});
