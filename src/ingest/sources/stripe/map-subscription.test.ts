import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { metricsFor } from '../../../../test/helpers/metrics.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { formatReject } from '../../../domain/reject.js';
import type { Store } from '../../../store/store.js';
import { stripeSource } from './index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SUBSCRIPTIONS = join(FIXTURES, 'subscriptions.csv');

async function importCustomersAndSubscriptions(store: Store) {
  await importExport(store, stripeSource, 'customers', join(FIXTURES, 'customers.csv'));
  return importExport(store, stripeSource, 'subscriptions', SUBSCRIPTIONS);
}

/** The export's header; each test writes its own rows under it. */
const HEADER =
  'id,Customer ID,Plan,Quantity,Interval,Amount,Currency,Status,Cancellation Reason,Created (UTC),Start (UTC),Trial End (UTC),Canceled At (UTC),Ended At (UTC)\n';

describe('Stripe subscriptions export → subscriptions', () => {
  it('maps each subscription: monthly MRR, seats, trial, end and end reason', async () => {
    await withTempStore(async (store) => {
      const summary = await importCustomersAndSubscriptions(store);
      expect(summary.rejectedRows).toBe(0);
      expect(summary.counts[0]).toMatchObject({ entity: 'subscriptions', inserted: 12 });
      const rows = await store.query(
        `SELECT id, mrr, seats, billing_interval, started_at, trial_ends_at, ended_at, end_reason, cancel_reason
         FROM subscriptions ORDER BY id`,
      );
      const base = { seats: 1, billing_interval: 'month', trial_ends_at: null };
      const open = { ended_at: null, end_reason: null, cancel_reason: null };
      expect(rows).toEqual([
        // Cancelled at period end on 10 March: still in force, so not ended (DESIGN.md).
        {
          id: 'sub_1OqAcmeBase',
          mrr: '49',
          ...base,
          started_at: '2024-01-05T10:00:00Z',
          ...open,
        },
        {
          id: 'sub_1OqAcmeDisk',
          mrr: '15',
          ...base,
          started_at: '2024-02-20T08:30:00Z',
          ...open,
          cancel_reason: 'cancellation_requested',
        },
        // 1200.00 a year: 1200 / 12 = 100 a month.
        {
          id: 'sub_1OqBirchPro',
          mrr: '100',
          ...base,
          billing_interval: 'year',
          started_at: '2023-11-20T14:05:00Z',
          ...open,
        },
        // 5 seats at 20.00: 100.
        {
          id: 'sub_1OqCedarTeam',
          mrr: '100',
          ...base,
          seats: 5,
          started_at: '2024-02-01T08:00:00Z',
          ...open,
        },
        // 25 % off 100.00, forever: 75.
        {
          id: 'sub_1OqDeltaPro',
          mrr: '75',
          ...base,
          started_at: '2024-01-10T16:50:00Z',
          ...open,
        },
        {
          id: 'sub_1OqElmPro',
          mrr: '30',
          ...base,
          started_at: '2024-03-10T12:00:00Z',
          trial_ends_at: '2024-04-10T12:00:00Z',
          ...open,
        },
        {
          id: 'sub_1OqFirStart',
          mrr: '59',
          ...base,
          started_at: '2023-12-01T07:30:00Z',
          ended_at: '2024-03-15T11:00:00Z',
          end_reason: 'voluntary',
          cancel_reason: 'cancellation_requested',
        },
        // past_due and ended: the card failed until Stripe gave up.
        {
          id: 'sub_1OqGumStart',
          mrr: '39',
          ...base,
          started_at: '2024-01-20T10:10:00Z',
          ended_at: '2024-03-20T10:10:00Z',
          end_reason: 'delinquent',
          cancel_reason: null,
        },
        // 2 seats at 2400.00 a year: 4800 / 12 = 400.
        {
          id: 'sub_1OqHazelBiz',
          mrr: '400',
          ...base,
          seats: 2,
          billing_interval: 'year',
          started_at: '2024-02-15T11:15:00Z',
          ...open,
        },
        {
          id: 'sub_1OqIvyStart',
          mrr: '25',
          ...base,
          started_at: '2023-10-01T09:00:00Z',
          ended_at: '2024-02-10T17:00:00Z',
          end_reason: 'voluntary',
          cancel_reason: 'cancellation_requested',
        },
        {
          id: 'sub_1OqJunipGrow',
          mrr: '80',
          ...base,
          started_at: '2024-03-05T15:25:00Z',
          ...open,
        },
        // 120.00 off an annual 600.00, forever: (600 − 120) / 12 = 40.
        {
          id: 'sub_1OqLarchPro',
          mrr: '40',
          ...base,
          billing_interval: 'year',
          started_at: '2023-12-01T13:40:00Z',
          ...open,
        },
      ]);
    });
  });

  it('keeps Stripe’s own status, price and metadata as attributes, and the currency', async () => {
    await withTempStore(async (store) => {
      await importCustomersAndSubscriptions(store);
      const [cedar] = await store.query<{ currency: string; plan: string; attributes: string }>(
        `SELECT currency, plan, attributes FROM subscriptions WHERE id = 'sub_1OqCedarTeam'`,
      );
      expect(cedar?.currency).toBe('USD');
      expect(cedar?.plan).toBe('Team');
      expect(JSON.parse(cedar?.attributes ?? '{}')).toEqual({
        customer_name: 'Cedar & Co',
        customer_email: 'it@cedar.example',
        interval: 'month',
        amount: '20.00',
        status: 'active',
        created_utc: '2024-02-01 08:00',
        current_period_start_utc: '2024-03-01 08:00',
        current_period_end_utc: '2024-04-01 08:00',
        seats_note: '5 seats, billed per seat',
      });
    });
  });

  it('normalises weekly, daily and multi-month prices, ignores a one-off coupon, and bills nothing while incomplete', async () => {
    await withTempStore(async (store, dir) => {
      await importExport(store, stripeSource, 'customers', join(FIXTURES, 'customers.csv'));
      const file = await writeFixture(
        dir,
        'subscriptions.csv',
        'id,Customer ID,Quantity,Interval,Interval Count,Amount,Status,Start (UTC),Coupon Percent Off,Coupon Duration\n' +
          'sub_week,cus_PqAcme01,1,week,1,12.00,active,2024-01-01 00:00,,\n' +
          'sub_day,cus_PqAcme01,1,day,1,1.00,active,2024-01-01 00:00,,\n' +
          'sub_quarter,cus_PqAcme01,1,month,3,300.00,active,2024-01-01 00:00,,\n' +
          'sub_once,cus_PqAcme01,1,month,1,100.00,active,2024-01-01 00:00,50,once\n' +
          'sub_new,cus_PqAcme01,1,month,1,100.00,incomplete,2024-01-01 00:00,,\n' +
          'sub_paused,cus_PqAcme01,1,month,1,100.00,Paused,2024-01-01 00:00,,\n',
      );
      const summary = await importExport(store, stripeSource, 'subscriptions', file);
      expect(summary.rejectedRows).toBe(0);
      // Weekly: 12 × 52 / 12 = 52. Daily: 365 / 12 = 30.41666… → 30.4167.
      // Every 3 months: 300 / 3 = 100. A `once` coupon is not recurring: 100.
      expect(
        await store.query(`SELECT id, mrr, billing_interval FROM subscriptions ORDER BY id`),
      ).toEqual([
        { id: 'sub_day', mrr: '30.4167', billing_interval: null },
        { id: 'sub_new', mrr: '0', billing_interval: 'month' },
        { id: 'sub_once', mrr: '100', billing_interval: 'month' },
        { id: 'sub_paused', mrr: '0', billing_interval: 'month' },
        { id: 'sub_quarter', mrr: '100', billing_interval: null },
        { id: 'sub_week', mrr: '52', billing_interval: null },
      ]);
    });
  });

  it('ends an immediately cancelled subscription at Canceled At, delinquent when payment failed', async () => {
    await withTempStore(async (store, dir) => {
      await importExport(store, stripeSource, 'customers', join(FIXTURES, 'customers.csv'));
      const file = await writeFixture(
        dir,
        'subscriptions.csv',
        HEADER +
          'sub_now,cus_PqAcme01,Starter,1,month,49.00,usd,canceled,cancellation_requested,2024-01-05 10:00,2024-01-05 10:00,,2024-02-01 09:00,\n' +
          'sub_dunned,cus_PqAcme01,Starter,1,month,49.00,usd,canceled,payment_failed,2024-01-05 10:00,2024-01-05 10:00,,2024-03-01 09:00,2024-03-01 09:00\n',
      );
      await importExport(store, stripeSource, 'subscriptions', file);
      expect(
        await store.query(`SELECT id, ended_at, end_reason FROM subscriptions ORDER BY id`),
      ).toEqual([
        { id: 'sub_dunned', ended_at: '2024-03-01T09:00:00Z', end_reason: 'delinquent' },
        { id: 'sub_now', ended_at: '2024-02-01T09:00:00Z', end_reason: 'voluntary' },
      ]);
    });
  });

  describe('rejects rows it cannot map, on the export’s column, and writes nothing', () => {
    const cases: { name: string; row: string; expected: string[] }[] = [
      {
        name: 'an unknown status',
        row: 'sub_x,cus_PqAcme01,Starter,1,month,49.00,usd,on_hold,,2024-01-05,2024-01-05,,,',
        expected: [
          ':2:status: "on_hold" is not a Stripe subscription status — use one of: active, trialing, past_due, unpaid, canceled, incomplete, incomplete_expired, paused',
        ],
      },
      {
        name: 'an unknown interval and an amount with a currency sign',
        row: 'sub_x,cus_PqAcme01,Starter,1,fortnight,$49.00,usd,active,,2024-01-05,2024-01-05,,,',
        expected: [
          ':2:amount: "$49.00" is not a decimal number — write the bare amount (e.g. 49.90) and put the ISO currency code in the currency column',
          ':2:interval: "fortnight" is not a Stripe billing interval — use one of: day, week, month, year',
        ],
      },
      {
        name: 'a trial without its end',
        row: 'sub_x,cus_PqAcme01,Starter,1,month,49.00,usd,trialing,,2024-01-05,2024-01-05,,,',
        expected: [
          ':2:trial_end_utc: is empty for a trialing subscription — export the Trial End (UTC) column: a subscription in trial pays nothing until it ends',
        ],
      },
      {
        name: 'a cancelled subscription without any end',
        row: 'sub_x,cus_PqAcme01,Starter,1,month,49.00,usd,canceled,,2024-01-05,2024-01-05,,,',
        expected: [
          ':2:ended_at_utc: is empty for a canceled subscription — export the Ended At (UTC) column (or Canceled At (UTC)), so Retain knows when it ended',
        ],
      },
      {
        name: 'a fractional quantity',
        row: 'sub_x,cus_PqAcme01,Starter,1.5,month,49.00,usd,active,,2024-01-05,2024-01-05,,,',
        expected: [
          ':2:quantity: "1.5" is not a whole number — write an integer without a decimal part, e.g. 12',
        ],
      },
      {
        name: 'an end before the start (the importer’s own check, on the canonical column)',
        row: 'sub_x,cus_PqAcme01,Starter,1,month,49.00,usd,canceled,,2024-01-05,2024-01-05,,2024-01-01,2024-01-01',
        expected: [
          ':2:ended_at: "2024-01-01" is before started_at — make ended_at the same as or later than started_at, or leave it empty',
        ],
      },
      {
        name: 'a customer that is not in the store',
        row: 'sub_x,cus_Unknown,Starter,1,month,49.00,usd,active,,2024-01-05,2024-01-05,,,',
        expected: [
          ':2:customer_id: "cus_Unknown" names a customer that is neither in the store nor in this import — import the customers first, or name their file in the same retain import command',
        ],
      },
    ];
    for (const testCase of cases) {
      it(`rejects ${testCase.name}`, async () => {
        await withTempStore(async (store, dir) => {
          await importExport(store, stripeSource, 'customers', join(FIXTURES, 'customers.csv'));
          const file = await writeFixture(dir, 'subscriptions.csv', `${HEADER}${testCase.row}\n`);
          const summary = await importExport(store, stripeSource, 'subscriptions', file);
          expect(summary.sampleRejects.map(formatReject)).toEqual(
            testCase.expected.map((line) => `${file}${line}`),
          );
          expect(summary.committed).toBe(false);
          expect(await store.query(`SELECT id FROM subscriptions`)).toEqual([]);
        });
      });
    }
  });

  it('refuses a canonical subscriptions file passed as a Stripe export', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(
        dir,
        'subscriptions.csv',
        'id,customer_id,started_at,mrr\ns1,c1,2024-01-01,10\n',
      );
      const summary = await importExport(store, stripeSource, 'subscriptions', file);
      const fix =
        "use the file from the Stripe Dashboard (Billing → Subscriptions → Export): a Stripe subscriptions export has the columns id, Customer ID, Status, Amount, Interval, Start (UTC) (columns found: id, customer_id, started_at, mrr); for a file in Retain's own columns use --source native";
      const reason =
        'is missing from the header, so this is not a Stripe subscriptions export; no row of this file was read';
      expect(summary.sampleRejects.map(formatReject)).toEqual(
        ['Status', 'Amount', 'Interval', 'Start (UTC)'].map(
          (column) => `${file}:1:${column}: ${reason} — ${fix}`,
        ),
      );
    });
  });
});

describe('a Stripe subscriptions export gives the MRR and churn a person computes by hand', () => {
  // March 2024, [2024-03-01, 2024-04-01). From the export, active just before 1 March:
  //   Acme      49 + 15 (the add-on cancelled on 10 March ends at period end, after March) = 64
  //   Birch     1200 a year / 12                                                         = 100
  //   Cedar     5 seats × 20                                                             = 100
  //   Delta     100 − 25 %                                                               = 75
  //   Fir       59 (ends 15 March, cancellation_requested: voluntary)                    = 59
  //   Gum       39 (past_due, ended 20 March: delinquent)                                = 39
  //   Hazel     2 seats × 2400 a year / 12                                               = 400
  //   Larch     (600 − 120) a year / 12                                                  = 40
  //   → 8 customers, MRR 877. Ivy ended on 10 February; Elm and Juniper start in March.
  // Just before 1 April: the 8 less Fir and Gum, plus Juniper (80, from 5 March) = 7 customers;
  //   Elm is still in trial (ends 10 April), so it pays nothing yet and is not a customer.
  //   MRR = 64 + 100 + 100 + 75 + 400 + 40 + 80 = 859 = 877 + 80 new − (59 + 39) churned.
  // Customer churn = 2 of the 8 at the start = 2 / 8 = 0.25 (Juniper, new in March, is in
  //   neither side); voluntary 1 / 8 (Fir), delinquent 1 / 8 (Gum).
  // April: Elm's trial ends on 10 April, so it is April's one new customer: MRR 859 + 30 = 889.
  it('March 2024: MRR 877 → 859, churn 2 / 8, one new customer; April: the trial converts', async () => {
    await withTempStore(async (store) => {
      await importCustomersAndSubscriptions(store);
      const march = await metricsFor(store, {
        metrics: [
          'mrr',
          'customers_active',
          'new_customers',
          'customer_churn_rate',
          'voluntary_churn_rate',
          'delinquent_churn_rate',
        ],
        from: '2024-02-01',
        to: '2024-05-01',
      });
      const value = (metric: string, periodStart: string) =>
        march.find((result) => result.metric === metric && result.period_start === periodStart);
      expect(value('mrr', '2024-02-01')).toMatchObject({ value: 877 });
      expect(value('mrr', '2024-03-01')).toMatchObject({ value: 859 });
      expect(value('customers_active', '2024-03-01')).toMatchObject({ value: 7 });
      expect(value('new_customers', '2024-03-01')).toMatchObject({ value: 1 });
      expect(value('customer_churn_rate', '2024-03-01')).toMatchObject({
        value: 0.25,
        numerator: 2,
        denominator: 8,
      });
      expect(value('voluntary_churn_rate', '2024-03-01')).toMatchObject({
        value: 0.125,
        numerator: 1,
        denominator: 8,
      });
      expect(value('delinquent_churn_rate', '2024-03-01')).toMatchObject({
        value: 0.125,
        numerator: 1,
        denominator: 8,
      });
      expect(value('new_customers', '2024-04-01')).toMatchObject({ value: 1 });
      expect(value('mrr', '2024-04-01')).toMatchObject({ value: 889 });
      expect(value('customer_churn_rate', '2024-04-01')).toMatchObject({
        value: 0,
        numerator: 0,
        denominator: 7,
      });
    });
  });
});
