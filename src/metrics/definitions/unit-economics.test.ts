import { describe, expect, it } from 'vitest';
import { metricFor, metricsFor } from '../../../test/helpers/metrics.js';
import { insertRows, times, type FixtureRow } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import type { Store } from '../../store/store.js';
import type { MetricResult } from '../compute-metrics.js';

const MARCH = { grain: 'month', from: '2025-03-01', to: '2025-04-01' } as const;
const JUNE = { grain: 'month', from: '2025-06-01', to: '2025-07-01' } as const;

type Customer = {
  id: string;
  created?: string;
  channel?: string;
  segment?: string;
  /** The customer's subscriptions: start, optional end and trial end, MRR (default 100). */
  subscriptions: readonly { start: string; end?: string; trialEnd?: string; mrr?: string }[];
};

async function seedCustomers(store: Store, customers: readonly Customer[]): Promise<void> {
  await insertRows(
    store,
    'customers',
    customers.map((customer) => ({
      id: customer.id,
      created_at: customer.created ?? '2023-01-01 00:00:00',
      acquisition_channel: customer.channel,
      segment: customer.segment,
    })),
  );
  await insertRows(
    store,
    'subscriptions',
    customers.flatMap((customer) =>
      customer.subscriptions.map((subscription, index): FixtureRow => ({
        id: `${customer.id}-s${index}`,
        customer_id: customer.id,
        started_at: subscription.start,
        ended_at: subscription.end,
        trial_ends_at: subscription.trialEnd,
        mrr: subscription.mrr ?? '100',
        currency: 'USD',
      })),
    ),
  );
}

type Spend = {
  id: string;
  start: string;
  end: string;
  channel: string;
  amount: string;
  kind?: string;
  currency?: string;
};

async function seedSpend(store: Store, spend: readonly Spend[]): Promise<void> {
  await insertRows(
    store,
    'marketing_spend',
    spend.map((row) => ({
      id: row.id,
      period_start: row.start,
      period_end: row.end,
      channel: row.channel,
      kind: row.kind ?? 'marketing',
      amount: row.amount,
      currency: row.currency ?? 'USD',
    })),
  );
}

async function setGrossMargin(store: Store, margin: string): Promise<void> {
  await store.query(`INSERT INTO settings (key, value) VALUES ('gross_margin', $1)`, [margin]);
}

const bySegment = (results: readonly MetricResult[]) =>
  new Map(results.map((result) => [result.segment, result]));

describe('cac', () => {
  it('divides all spend kinds in the period by customers acquired in it, not by records created in it', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        // New in March: first paying instant in March.
        {
          id: 'n1',
          created: '2025-01-10 00:00:00',
          subscriptions: [{ start: '2025-03-05 00:00:00' }],
        },
        {
          id: 'n2',
          created: '2025-03-01 00:00:00',
          subscriptions: [{ start: '2025-03-10 00:00:00' }],
        },
        // In trial from February, paying from 03-03: acquired in March.
        {
          id: 'n5',
          subscriptions: [{ start: '2025-02-01 00:00:00', trialEnd: '2025-03-03 00:00:00' }],
        },
        // Record created in March, but paying since February: not new in March.
        {
          id: 'feb',
          created: '2025-03-20 00:00:00',
          subscriptions: [{ start: '2025-02-10 00:00:00' }],
        },
        // Trial from 03-02, paying from 04-02: an April customer.
        {
          id: 'apr',
          created: '2025-03-02 00:00:00',
          subscriptions: [{ start: '2025-03-02 00:00:00', trialEnd: '2025-04-02 00:00:00' }],
        },
        // A trial that never converts never makes a customer.
        {
          id: 'trial',
          created: '2025-03-01 00:00:00',
          subscriptions: [
            {
              start: '2025-03-01 00:00:00',
              trialEnd: '2025-03-31 00:00:00',
              end: '2025-03-20 00:00:00',
            },
          ],
        },
        // Back in March after a 2024 stretch: a reactivation, not a new customer.
        {
          id: 'back',
          subscriptions: [
            { start: '2024-01-01 00:00:00', end: '2024-06-01 00:00:00' },
            { start: '2025-03-15 00:00:00' },
          ],
        },
      ]);
      await seedSpend(store, [
        { id: 'ads', start: '2025-03-01', end: '2025-04-01', channel: 'ads', amount: '2100' },
        {
          id: 'sdr',
          start: '2025-03-01',
          end: '2025-04-01',
          channel: 'outbound',
          amount: '900',
          kind: 'sales',
        },
        // February's row ends where March starts (period_end is exclusive): no overlap.
        { id: 'feb', start: '2025-02-01', end: '2025-03-01', channel: 'ads', amount: '5000' },
      ]);
      // Spend 2,100 + 900 = 3,000; new customers n1, n2, n5 = 3; 3,000 / 3 = 1,000.
      expect(await metricFor(store, 'cac', MARCH)).toMatchObject({
        numerator: 3000,
        denominator: 3,
        value: 1000,
        unit: 'currency',
      });
    });
  });

  it('converts foreign spend at the rate in force on its period_start', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'fx_rates', [
        { date: '2025-02-20', currency: 'EUR', rate_to_reporting: '1.2' },
        // Later than the row's start: not its rate.
        { date: '2025-03-15', currency: 'EUR', rate_to_reporting: '2' },
      ]);
      await seedCustomers(store, [
        { id: 'm1', subscriptions: [{ start: '2025-03-05 00:00:00' }] },
        { id: 'm2', subscriptions: [{ start: '2025-03-25 00:00:00' }] },
      ]);
      await seedSpend(store, [
        {
          id: 'eu-ads',
          start: '2025-03-01',
          end: '2025-04-01',
          channel: 'ads',
          amount: '1000',
          currency: 'EUR',
        },
        { id: 'us-ads', start: '2025-03-01', end: '2025-04-01', channel: 'ads', amount: '300' },
      ]);
      // 1,000 EUR × 1.2 + 300 USD = 1,500 over 2 new customers = 750.
      expect(await metricFor(store, 'cac', MARCH)).toMatchObject({
        numerator: 1500,
        denominator: 2,
        value: 750,
      });
    });
  });

  it('prorates a spend row spanning two months by its overlap with each', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        { id: 'm1', subscriptions: [{ start: '2025-03-20 00:00:00' }] },
        { id: 'm2', subscriptions: [{ start: '2025-03-25 00:00:00' }] },
        { id: 'a1', subscriptions: [{ start: '2025-04-05 00:00:00' }] },
      ]);
      // 2025-03-16 to 2025-04-16 (exclusive) is 31 days: 16 in March, 15 in April.
      await seedSpend(store, [
        { id: 'span', start: '2025-03-16', end: '2025-04-16', channel: 'ads', amount: '3100' },
      ]);
      const [march, april] = await metricsFor(store, {
        grain: 'month',
        from: '2025-03-01',
        to: '2025-05-01',
        metrics: ['cac'],
      });
      // March: 3,100 × 16 / 31 = 1,600 over 2 new customers = 800.
      expect(march?.numerator).toBeCloseTo(1600, 6);
      expect(march).toMatchObject({ period_start: '2025-03-01', denominator: 2 });
      expect(march?.value).toBeCloseTo(800, 6);
      // April: 3,100 × 15 / 31 = 1,500 over 1 new customer = 1,500.
      expect(april?.numerator).toBeCloseTo(1500, 6);
      expect(april).toMatchObject({ period_start: '2025-04-01', denominator: 1 });
      expect(april?.value).toBeCloseTo(1500, 6);
    });
  });

  it('splits by acquisition channel, matching spend channel to customers.acquisition_channel', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        { id: 'ads1', channel: 'ads', subscriptions: [{ start: '2025-03-05 00:00:00' }] },
        { id: 'ads2', channel: 'ads', subscriptions: [{ start: '2025-03-06 00:00:00' }] },
        { id: 'ev1', channel: 'events', subscriptions: [{ start: '2025-03-07 00:00:00' }] },
        // Came through ads in February: not one of March's new customers.
        { id: 'ads-feb', channel: 'ads', subscriptions: [{ start: '2025-02-07 00:00:00' }] },
      ]);
      await seedSpend(store, [
        { id: 'ads', start: '2025-03-01', end: '2025-04-01', channel: 'ads', amount: '1000' },
        { id: 'events', start: '2025-03-01', end: '2025-04-01', channel: 'events', amount: '900' },
      ]);
      const results = bySegment(
        await metricsFor(store, { ...MARCH, metrics: ['cac'], by: 'acquisition_channel' }),
      );
      // ads: 1,000 / 2 = 500. events: 900 / 1 = 900.
      expect(results.get('ads')).toMatchObject({ numerator: 1000, denominator: 2, value: 500 });
      expect(results.get('events')).toMatchObject({ numerator: 900, denominator: 1, value: 900 });
      // A filter to one channel gives the same number.
      expect(
        await metricFor(store, 'cac', { ...MARCH, where: ['acquisition_channel=events'] }),
      ).toMatchObject({ numerator: 900, denominator: 1, value: 900 });
    });
  });

  // DESIGN.md reading 10: CAC "is null when no spend overlaps P", not 0 / 2 = 0 (a free customer).
  it('is null when no spend overlaps the period, even with new customers', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        { id: 'n1', subscriptions: [{ start: '2025-03-05 00:00:00' }] },
        { id: 'n2', subscriptions: [{ start: '2025-03-06 00:00:00' }] },
      ]);
      // The only spend is February's.
      await seedSpend(store, [
        { id: 'feb', start: '2025-02-01', end: '2025-03-01', channel: 'ads', amount: '5000' },
      ]);
      // No spend in March: unknown cost, not 0 / 2 = 0.
      expect((await metricFor(store, 'cac', MARCH)).value).toBeNull();
    });
  });

  // The same rule per channel: a channel with a new customer but no spend of its own has no CAC.
  it('is null for a channel with new customers but no spend of its own', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        { id: 'ads1', channel: 'ads', subscriptions: [{ start: '2025-03-05 00:00:00' }] },
        { id: 'ref1', channel: 'referral', subscriptions: [{ start: '2025-03-06 00:00:00' }] },
      ]);
      await seedSpend(store, [
        { id: 'ads', start: '2025-03-01', end: '2025-04-01', channel: 'ads', amount: '1000' },
      ]);
      const results = bySegment(
        await metricsFor(store, { ...MARCH, metrics: ['cac'], by: 'acquisition_channel' }),
      );
      // ads: 1,000 / 1 = 1,000. referral: no spend → null, not 0 / 1 = 0.
      expect(results.get('ads')).toMatchObject({ value: 1000 });
      expect(results.get('referral')?.value).toBeNull();
    });
  });

  it('is null when there is neither spend nor a new customer', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        { id: 'old', subscriptions: [{ start: '2024-03-05 00:00:00' }] },
      ]);
      // 0 / 0 → null.
      expect(await metricFor(store, 'cac', MARCH)).toMatchObject({
        numerator: 0,
        denominator: 0,
        value: null,
      });
    });
  });

  it('is null when cut by a column spend cannot be attributed to, such as segment', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        {
          id: 'n1',
          segment: 'smb',
          channel: 'ads',
          subscriptions: [{ start: '2025-03-05 00:00:00' }],
        },
        {
          id: 'n2',
          segment: 'enterprise',
          channel: 'ads',
          subscriptions: [{ start: '2025-03-06 00:00:00' }],
        },
      ]);
      await seedSpend(store, [
        { id: 'ads', start: '2025-03-01', end: '2025-04-01', channel: 'ads', amount: '1000' },
      ]);
      // Spend has a channel but no segment: any per-segment CAC would be invented.
      const bySegmentResults = await metricsFor(store, {
        ...MARCH,
        metrics: ['cac'],
        by: 'segment',
      });
      expect(bySegmentResults.length).toBeGreaterThan(0);
      for (const result of bySegmentResults) {
        expect(result).toMatchObject({ metric: 'cac', value: null });
      }
      expect(await metricFor(store, 'cac', { ...MARCH, where: ['segment=smb'] })).toMatchObject({
        value: null,
      });
    });
  });
});

describe('cac_payback_months', () => {
  it('divides CAC by new-customer ARPA (new MRR / new customers) times gross margin', async () => {
    await withTempStore(async (store) => {
      await setGrossMargin(store, '0.8');
      await seedCustomers(store, [
        { id: 'a1', channel: 'ads', subscriptions: [{ start: '2025-03-05 00:00:00', mrr: '100' }] },
        { id: 'a2', channel: 'ads', subscriptions: [{ start: '2025-03-06 00:00:00', mrr: '300' }] },
        {
          id: 'e1',
          channel: 'events',
          subscriptions: [{ start: '2025-03-07 00:00:00', mrr: '200' }],
        },
        {
          id: 'e2',
          channel: 'events',
          subscriptions: [{ start: '2025-03-08 00:00:00', mrr: '400' }],
        },
        // An existing customer's MRR is not new MRR.
        {
          id: 'old',
          channel: 'ads',
          subscriptions: [{ start: '2024-01-01 00:00:00', mrr: '5000' }],
        },
      ]);
      await seedSpend(store, [
        { id: 'ads', start: '2025-03-01', end: '2025-04-01', channel: 'ads', amount: '2000' },
        { id: 'events', start: '2025-03-01', end: '2025-04-01', channel: 'events', amount: '4000' },
      ]);
      // CAC = 6,000 / 4 = 1,500. New ARPA = (100 + 300 + 200 + 400) / 4 = 250.
      // 1,500 / (250 × 0.8) = 1,500 / 200 = 7.5 months.
      const payback = await metricFor(store, 'cac_payback_months', MARCH);
      expect(payback.numerator).toBeCloseTo(1500, 9);
      expect(payback.denominator).toBeCloseTo(200, 9);
      expect(payback.value).toBeCloseTo(7.5, 9);

      const results = bySegment(
        await metricsFor(store, {
          ...MARCH,
          metrics: ['cac_payback_months'],
          by: 'acquisition_channel',
        }),
      );
      // ads: CAC 2,000 / 2 = 1,000; ARPA (100 + 300) / 2 = 200; 1,000 / (200 × 0.8) = 6.25.
      expect(results.get('ads')?.value).toBeCloseTo(6.25, 9);
      // events: CAC 4,000 / 2 = 2,000; ARPA (200 + 400) / 2 = 300; 2,000 / (300 × 0.8) = 8.333.
      expect(results.get('events')?.value).toBeCloseTo(2000 / 240, 9);
    });
  });
});

/**
 * `size` customers at $100 MRR from 2024-12-01; in each month from January
 * to June 2025, `leavers` of the first cohort leave on the 15th and as many
 * new customers join that day. So every month starts with `size` customers,
 * loses `leavers` of them, and June ends with `size` customers at $100.
 */
function steadyChurnCustomers(size: number, leavers: number): Customer[] {
  const months = ['01', '02', '03', '04', '05', '06'];
  return [
    ...times(size, (i) => {
      const leavingMonth = months[Math.floor(i / leavers)];
      return {
        id: `o${i}`,
        subscriptions: [
          {
            start: '2024-12-01 00:00:00',
            ...(leavingMonth === undefined ? {} : { end: `2025-${leavingMonth}-15 00:00:00` }),
          },
        ],
      };
    }),
    ...months.flatMap((month) =>
      times(leavers, (i) => ({
        id: `j${month}-${i}`,
        subscriptions: [{ start: `2025-${month}-15 00:00:00` }],
      })),
    ),
  ];
}

describe('clv', () => {
  it('ARPA $100 at 5 % monthly churn gives CLV $2,000', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, steadyChurnCustomers(1000, 50));
      // Each month of January to June: 50 of the 1,000 at its start leave = 5 %.
      // ARPA at the end of June: 1,000 × $100 / 1,000 = $100.
      // CLV = 100 × 1 (gross margin) / mean(5 %, 5 %, 5 %, 5 %, 5 %, 5 %) = 2,000.
      const clv = await metricFor(store, 'clv', JUNE);
      expect(clv).toMatchObject({ unit: 'currency', numerator: 100 });
      expect(clv.denominator).toBeCloseTo(0.05, 12);
      expect(clv.value).toBeCloseTo(2000, 6);

      // The second quarter ends at the same instant: the same six months.
      const quarter = await metricFor(store, 'clv', {
        grain: 'quarter',
        from: '2025-04-01',
        to: '2025-07-01',
      });
      expect(quarter.value).toBeCloseTo(2000, 6);

      // With an 80 % gross margin: 100 × 0.8 / 0.05 = 1,600.
      await setGrossMargin(store, '0.8');
      expect((await metricFor(store, 'clv', JUNE)).value).toBeCloseTo(1600, 6);
    });
  });

  it('skips months with no start cohort when averaging the six monthly churn rates', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store, [
        // 20 customers from 2025-04-01: no one is active at the start of January to April.
        ...times(20, (i) => ({
          id: `o${i}`,
          subscriptions: [
            {
              start: '2025-04-01 00:00:00',
              ...(i === 0 ? { end: '2025-05-15 00:00:00' } : {}),
              ...(i === 1 || i === 2 ? { end: '2025-06-15 00:00:00' } : {}),
            },
          ],
        })),
        { id: 'j-may', subscriptions: [{ start: '2025-05-15 00:00:00' }] },
        { id: 'j-jun1', subscriptions: [{ start: '2025-06-15 00:00:00' }] },
        { id: 'j-jun2', subscriptions: [{ start: '2025-06-15 00:00:00' }] },
      ]);
      // May: 1 of 20 = 0.05. June: 2 of 20 (19 + j-may) = 0.1. January to April skipped.
      // Mean (0.05 + 0.1) / 2 = 0.075. ARPA at the end of June: 20 × 100 / 20 = 100.
      // CLV = 100 / 0.075 = 1,333.33.
      const clv = await metricFor(store, 'clv', JUNE);
      expect(clv.numerator).toBeCloseTo(100, 9);
      expect(clv.denominator).toBeCloseTo(0.075, 12);
      expect(clv.value).toBeCloseTo(4000 / 3, 6);
    });
  });

  it('is null when nobody churned in the six months', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(
        store,
        times(10, (i) => ({ id: `c${i}`, subscriptions: [{ start: '2024-12-01 00:00:00' }] })),
      );
      // ARPA 100; churn 0 in every month → 100 / 0 → null.
      expect(await metricFor(store, 'clv', JUNE)).toMatchObject({
        numerator: 100,
        denominator: 0,
        value: null,
      });
    });
  });
});

describe('ltv_to_cac', () => {
  it('divides simple CLV by CAC', async () => {
    await withTempStore(async (store) => {
      // 20 customers at $100; 1 leaves and 1 joins each month: churn 1 / 20 = 5 %.
      await seedCustomers(store, steadyChurnCustomers(20, 1));
      // June: one new customer (j06-0) for $500 of spend.
      await seedSpend(store, [
        { id: 'june', start: '2025-06-01', end: '2025-07-01', channel: 'ads', amount: '500' },
      ]);
      // CLV = 100 / 0.05 = 2,000. CAC = 500 / 1 = 500. LTV:CAC = 2,000 / 500 = 4.
      const ratio = await metricFor(store, 'ltv_to_cac', JUNE);
      expect(ratio.numerator).toBeCloseTo(2000, 6);
      expect(ratio.denominator).toBeCloseTo(500, 9);
      expect(ratio.value).toBeCloseTo(4, 9);
    });
  });
});
