import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { formatReject } from '../../../domain/reject.js';
import type { Store } from '../../../store/store.js';
import { stripeSource } from './index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const HEADER =
  'id,Number,Customer,Subscription,Status,Currency,Amount Due,Amount Paid,Total,Attempt Count,Attempted,Date (UTC),Paid At (UTC),Failure Code\n';

async function importCustomersAndSubscriptions(store: Store) {
  await importExport(store, stripeSource, 'customers', join(FIXTURES, 'customers.csv'));
  await importExport(store, stripeSource, 'subscriptions', join(FIXTURES, 'subscriptions.csv'));
}

describe('Stripe invoices export → invoices', () => {
  it('maps statuses, totals, dates and failure codes', async () => {
    await withTempStore(async (store) => {
      await importCustomersAndSubscriptions(store);
      const summary = await importExport(
        store,
        stripeSource,
        'invoices',
        join(FIXTURES, 'invoices.csv'),
      );
      expect(summary.rejectedRows).toBe(0);
      expect(
        await store.query(
          `SELECT id, customer_id, subscription_id, issued_at, amount, currency, status, paid_at, failure_code
           FROM invoices ORDER BY id`,
        ),
      ).toEqual([
        {
          id: 'in_1OqAcme0003',
          customer_id: 'cus_PqAcme01',
          subscription_id: 'sub_1OqAcmeBase',
          issued_at: '2024-03-05T10:00:00Z',
          amount: '64',
          currency: 'USD',
          status: 'paid',
          paid_at: '2024-03-05T10:01:00Z',
          failure_code: null,
        },
        // The Total is after the 25 % coupon: 75, not the 100 subtotal.
        {
          id: 'in_1OqDelta003',
          customer_id: 'cus_PqDelta4',
          subscription_id: 'sub_1OqDeltaPro',
          issued_at: '2024-03-10T16:50:00Z',
          amount: '75',
          currency: 'USD',
          status: 'paid',
          paid_at: '2024-03-10T16:52:00Z',
          failure_code: null,
        },
        // uncollectible: Stripe stopped trying, so the payment failed.
        {
          id: 'in_1OqGum0003',
          customer_id: 'cus_PqGum007',
          subscription_id: 'sub_1OqGumStart',
          issued_at: '2024-02-20T10:10:00Z',
          amount: '39',
          currency: 'USD',
          status: 'failed',
          paid_at: null,
          failure_code: 'expired_card',
        },
        // Open and not yet attempted; the Dashboard groups thousands.
        {
          id: 'in_1OqHazel02',
          customer_id: 'cus_PqHazel8',
          subscription_id: null,
          issued_at: '2024-03-28T09:00:00Z',
          amount: '1250',
          currency: 'USD',
          status: 'open',
          paid_at: null,
          failure_code: null,
        },
        // Open after a declined attempt: a failed payment.
        {
          id: 'in_1OqJunip02',
          customer_id: 'cus_PqJunip0',
          subscription_id: 'sub_1OqJunipGrow',
          issued_at: '2024-04-05T15:25:00Z',
          amount: '80',
          currency: 'USD',
          status: 'failed',
          paid_at: null,
          failure_code: 'card_declined',
        },
      ]);
      // Stripe's own status is kept beside Retain's, renamed because invoices have a status column.
      const [gum] = await store.query<{ attributes: string }>(
        `SELECT attributes FROM invoices WHERE id = 'in_1OqGum0003'`,
      );
      expect(JSON.parse(gum?.attributes ?? '{}')).toMatchObject({
        number: 'GUM-0003',
        stripe_status: 'uncollectible',
        amount_due: '39.00',
        amount_paid: '0.00',
        attempt_count: '4',
      });
    });
  });

  it('rejects void and draft invoices and unknown statuses, with the fix, and writes nothing', async () => {
    await withTempStore(async (store, dir) => {
      await importCustomersAndSubscriptions(store);
      const file = await writeFixture(
        dir,
        'invoices.csv',
        HEADER +
          'in_ok,ACME-1,cus_PqAcme01,,paid,usd,10.00,10.00,10.00,1,true,2024-03-01 10:00,2024-03-01 10:00,\n' +
          'in_void,ACME-2,cus_PqAcme01,,void,usd,10.00,0.00,10.00,0,false,2024-03-02 10:00,,\n' +
          'in_draft,ACME-3,cus_PqAcme01,,draft,usd,10.00,0.00,10.00,0,false,2024-03-03 10:00,,\n' +
          'in_odd,ACME-4,cus_PqAcme01,,settled,usd,10.00,0.00,10.00,0,false,2024-03-04 10:00,,\n' +
          'in_flag,ACME-5,cus_PqAcme01,,open,usd,10.00,0.00,10.00,0,maybe,2024-03-05 10:00,,\n',
      );
      const summary = await importExport(store, stripeSource, 'invoices', file);
      const notBilled = (status: string) =>
        `is a ${status} invoice, which bills nothing; Retain's invoices are paid, failed, refunded or open — leave void and draft invoices out of the export (filter on Status in the Dashboard), or import with --keep-good-rows`;
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:3:status: "void" ${notBilled('void')}`,
        `${file}:4:status: "draft" ${notBilled('draft')}`,
        `${file}:5:status: "settled" is not a Stripe invoice status — use one of: paid, open, uncollectible (void and draft invoices are not imported)`,
        `${file}:6:attempted: "maybe" is not a yes/no value — use true or false`,
      ]);
      expect(summary.committed).toBe(false);
      expect(await store.query(`SELECT id FROM invoices`)).toEqual([]);
    });
  });
});
