import { describe, expect, it } from 'vitest';
import { metricFor, metricsFor } from '../../../test/helpers/metrics.js';
import { insertRows, times, type FixtureRow } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import { RetainError } from '../../domain/errors.js';
import type { Store } from '../../store/store.js';

const MARCH = { grain: 'month', from: '2025-03-01', to: '2025-04-01' } as const;
const MARCH_AND_APRIL = { grain: 'month', from: '2025-03-01', to: '2025-05-01' } as const;
/** An as-of inside March, and one after it (the fixture default, 2025-06-30). */
const MID_MARCH = new Date('2025-03-15T00:00:00Z');

type Deal = {
  id: string;
  status: 'open' | 'won' | 'lost';
  created: string;
  closed?: string;
  amount?: string;
  currency?: string;
  stage?: string;
  expected?: string;
};

async function seedDeals(store: Store, deals: readonly Deal[]): Promise<void> {
  await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
  await insertRows(
    store,
    'deals',
    deals.map((deal): FixtureRow => ({
      id: deal.id,
      owner_rep_id: 'r1',
      amount: deal.amount ?? '1000',
      currency: deal.currency ?? 'USD',
      stage: deal.stage ?? (deal.status === 'open' ? 'proposal' : `closed_${deal.status}`),
      status: deal.status,
      created_at: deal.created,
      closed_at: deal.closed,
      expected_close_at: deal.expected,
    })),
  );
}

describe('win_rate', () => {
  it('12 won and 8 lost gives win rate 60 %', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        ...times(12, (i) => ({
          id: `won${i}`,
          status: 'won' as const,
          created: '2025-02-01 00:00:00',
          closed: '2025-03-10 00:00:00',
        })),
        ...times(8, (i) => ({
          id: `lost${i}`,
          status: 'lost' as const,
          created: '2025-02-01 00:00:00',
          closed: '2025-03-12 00:00:00',
        })),
        // Still open: neither won nor lost in March.
        { id: 'open1', status: 'open', created: '2025-02-01 00:00:00' },
      ]);
      // 12 / (12 + 8) = 0.6.
      expect(await metricFor(store, 'win_rate', MARCH)).toEqual({
        metric: 'win_rate',
        period_start: '2025-03-01',
        period_end: '2025-04-01',
        value: 0.6,
        numerator: 12,
        denominator: 20,
        unit: 'ratio',
        segment: null,
      });
    });
  });

  it('ignores won or lost deals without closed_at, which cannot be placed in any period', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        { id: 'w1', status: 'won', created: '2025-02-01 00:00:00', closed: '2025-03-05 00:00:00' },
        { id: 'l1', status: 'lost', created: '2025-02-01 00:00:00', closed: '2025-03-06 00:00:00' },
        { id: 'w-undated', status: 'won', created: '2025-03-01 00:00:00', amount: '50000' },
        { id: 'l-undated', status: 'lost', created: '2025-03-01 00:00:00' },
      ]);
      // Only w1 and l1 count: 1 / 2 = 0.5 (not 2 / 4, which is also 0.5, so the
      // counts are what shows the undated deals are left out).
      expect(await metricFor(store, 'win_rate', MARCH)).toMatchObject({
        numerator: 1,
        denominator: 2,
        value: 0.5,
      });
      // The undated $50,000 won deal adds nothing: 1,000 won in March.
      expect(await metricFor(store, 'won_revenue', MARCH)).toMatchObject({ value: 1000 });
      expect(await metricFor(store, 'average_deal_size', MARCH)).toMatchObject({
        numerator: 1000,
        denominator: 1,
        value: 1000,
      });
    });
  });

  it('puts a deal won exactly at a period boundary in the period it opens', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        { id: 'l1', status: 'lost', created: '2025-02-01 00:00:00', closed: '2025-03-31 23:59:59' },
        { id: 'w1', status: 'won', created: '2025-02-01 00:00:00', closed: '2025-04-01 00:00:00' },
      ]);
      const [march, april] = await metricsFor(store, { ...MARCH_AND_APRIL, metrics: ['win_rate'] });
      // March: l1 only, 0 / 1. April: w1, stamped at April's first instant, 1 / 1.
      expect(march).toMatchObject({
        period_start: '2025-03-01',
        numerator: 0,
        denominator: 1,
        value: 0,
      });
      expect(april).toMatchObject({
        period_start: '2025-04-01',
        numerator: 1,
        denominator: 1,
        value: 1,
      });
    });
  });

  it('gives null, not NaN, for a period with no closed deals', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [{ id: 'o1', status: 'open', created: '2025-02-01 00:00:00' }]);
      // 0 / 0 → null.
      expect(await metricFor(store, 'win_rate', MARCH)).toMatchObject({
        numerator: 0,
        denominator: 0,
        value: null,
      });
    });
  });
});

describe('average_deal_size and won_revenue', () => {
  it('averages and sums only the deals won in the period', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        {
          id: 'w1',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-02 00:00:00',
          amount: '10000',
        },
        {
          id: 'w2',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-15 00:00:00',
          amount: '20000',
        },
        {
          id: 'w3',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-31 00:00:00',
          amount: '60000',
        },
        // Lost, won in February, and open: none of them counts.
        {
          id: 'l1',
          status: 'lost',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-10 00:00:00',
          amount: '1000000',
        },
        {
          id: 'w-feb',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-02-28 00:00:00',
          amount: '500000',
        },
        { id: 'o1', status: 'open', created: '2025-01-01 00:00:00', amount: '700000' },
      ]);
      // (10,000 + 20,000 + 60,000) / 3 = 30,000.
      expect(await metricFor(store, 'average_deal_size', MARCH)).toMatchObject({
        numerator: 90000,
        denominator: 3,
        value: 30000,
        unit: 'currency',
      });
      // 10,000 + 20,000 + 60,000 = 90,000; a plain sum has no numerator or denominator.
      expect(await metricFor(store, 'won_revenue', MARCH)).toMatchObject({
        numerator: null,
        denominator: null,
        value: 90000,
        unit: 'currency',
      });
    });
  });

  it('converts another currency at the fx_rates row on or before the close date', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'fx_rates', [
        { date: '2025-02-01', currency: 'EUR', rate_to_reporting: '1.0' },
        { date: '2025-03-01', currency: 'EUR', rate_to_reporting: '1.1' },
        { date: '2025-03-16', currency: 'EUR', rate_to_reporting: '1.2' },
      ]);
      await seedDeals(store, [
        // Closed 03-15: the 03-01 row (1.1) is the latest on or before it.
        {
          id: 'eur1',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-15 18:00:00',
          amount: '1000',
          currency: 'EUR',
        },
        // Closed on 03-16 itself: that day's row (1.2) applies.
        {
          id: 'eur2',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-16 09:00:00',
          amount: '1000',
          currency: 'EUR',
        },
        {
          id: 'usd1',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-20 00:00:00',
          amount: '900',
        },
      ]);
      // 1,000 × 1.1 + 1,000 × 1.2 + 900 = 1,100 + 1,200 + 900 = 3,200 USD.
      expect((await metricFor(store, 'won_revenue', MARCH)).value).toBeCloseTo(3200, 6);
      // 3,200 / 3 = 1,066.67.
      const average = await metricFor(store, 'average_deal_size', MARCH);
      expect(average.numerator).toBeCloseTo(3200, 6);
      expect(average.denominator).toBe(3);
      expect(average.value).toBeCloseTo(1066.6667, 3);
    });
  });

  it('refuses a deal in a currency with no rate on or before its close date, naming the currency and the date', async () => {
    await withTempStore(async (store) => {
      // The first EUR rate is dated after the deal closed.
      await insertRows(store, 'fx_rates', [
        { date: '2025-03-12', currency: 'EUR', rate_to_reporting: '1.1' },
      ]);
      await seedDeals(store, [
        {
          id: 'eur1',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-10 12:00:00',
          currency: 'EUR',
        },
      ]);
      const failure = metricFor(store, 'won_revenue', MARCH);
      await expect(failure).rejects.toBeInstanceOf(RetainError);
      await expect(failure).rejects.toThrow(/EUR.*2025-03-10/);
    });
  });

  it('refuses a deal in a currency that has no rates at all', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        {
          id: 'gbp1',
          status: 'won',
          created: '2025-01-01 00:00:00',
          closed: '2025-03-10 12:00:00',
          currency: 'GBP',
        },
      ]);
      const failure = metricFor(store, 'average_deal_size', MARCH);
      await expect(failure).rejects.toBeInstanceOf(RetainError);
      await expect(failure).rejects.toThrow(/GBP.*2025-03-10/);
    });
  });
});

describe('sales_cycle_days', () => {
  it('averages fractional days from created_at to closed_at over the deals won in the period', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        // 2025-03-01 00:00 → 2025-03-11 12:00: 10.5 days.
        { id: 'w1', status: 'won', created: '2025-03-01 00:00:00', closed: '2025-03-11 12:00:00' },
        // 2025-02-22 00:00 → 2025-03-02 00:00: 8 days (February 2025 has 28 days).
        { id: 'w2', status: 'won', created: '2025-02-22 00:00:00', closed: '2025-03-02 00:00:00' },
        // Lost deals have no sales cycle here.
        { id: 'l1', status: 'lost', created: '2024-01-01 00:00:00', closed: '2025-03-20 00:00:00' },
      ]);
      // (10.5 + 8) / 2 = 9.25 days.
      const cycle = await metricFor(store, 'sales_cycle_days', MARCH);
      expect(cycle).toMatchObject({ denominator: 2, unit: 'days' });
      expect(cycle.numerator).toBeCloseTo(18.5, 9);
      expect(cycle.value).toBeCloseTo(9.25, 9);
    });
  });
});

describe('open_deals', () => {
  it('counts the deals open just before the end of the period', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        // Open, created before the end of March: counted.
        { id: 'o1', status: 'open', created: '2025-01-10 00:00:00' },
        { id: 'o2', status: 'open', created: '2025-03-31 23:00:00' },
        // Won in April: still open at the end of March.
        {
          id: 'w-apr',
          status: 'won',
          created: '2025-02-01 00:00:00',
          closed: '2025-04-10 00:00:00',
        },
        // Lost exactly at 04-01 00:00: that event belongs to April, so open at the end of March.
        {
          id: 'l-boundary',
          status: 'lost',
          created: '2025-02-01 00:00:00',
          closed: '2025-04-01 00:00:00',
        },
        // Won in March: not open at the end.
        {
          id: 'w-mar',
          status: 'won',
          created: '2025-02-01 00:00:00',
          closed: '2025-03-20 00:00:00',
        },
        // Created exactly at 04-01 00:00: an April deal.
        { id: 'o-apr', status: 'open', created: '2025-04-01 00:00:00' },
      ]);
      // o1 + o2 + w-apr + l-boundary = 4.
      expect(await metricFor(store, 'open_deals', MARCH)).toMatchObject({
        value: 4,
        numerator: null,
        denominator: null,
        unit: 'count',
      });
    });
  });
});

describe('sales_velocity', () => {
  it('18 open deals × $42,000 × 24 % ÷ 78 days gives sales velocity ≈ $2,326 a day', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        // 18 deals open at the end of March.
        ...times(18, (i) => ({
          id: `open${i}`,
          status: 'open' as const,
          created: '2025-02-15 00:00:00',
          amount: '30000',
        })),
        // 6 won in March, each worth 42,000 and created 78 days before it closed
        // (2025-01-01 + 31 + 28 + 19 days = 2025-03-20).
        ...times(6, (i) => ({
          id: `won${i}`,
          status: 'won' as const,
          created: '2025-01-01 00:00:00',
          closed: '2025-03-20 00:00:00',
          amount: '42000',
        })),
        // 19 lost in March: win rate 6 / 25 = 24 %.
        ...times(19, (i) => ({
          id: `lost${i}`,
          status: 'lost' as const,
          created: '2025-02-01 00:00:00',
          closed: '2025-03-10 00:00:00',
          amount: '99000',
        })),
      ]);
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: [
          'sales_velocity',
          'open_deals',
          'win_rate',
          'average_deal_size',
          'sales_cycle_days',
        ],
      });
      const byId = new Map(results.map((result) => [result.metric, result]));
      expect(byId.get('open_deals')).toMatchObject({ value: 18 });
      expect(byId.get('win_rate')).toMatchObject({ numerator: 6, denominator: 25, value: 0.24 });
      expect(byId.get('average_deal_size')).toMatchObject({ value: 42000 });
      expect(byId.get('sales_cycle_days')?.value).toBeCloseTo(78, 9);
      // 18 × 0.24 × 42,000 = 181,440 a cycle; ÷ 78 days = 2,326.15 a day.
      const velocity = byId.get('sales_velocity');
      expect(velocity).toMatchObject({ unit: 'currency', period_start: '2025-03-01' });
      expect(velocity?.numerator).toBeCloseTo(181440, 6);
      expect(velocity?.denominator).toBeCloseTo(78, 9);
      expect(velocity?.value).toBeCloseTo(2326.1538, 3);
    });
  });

  it('is null when no deal was won in the period (no cycle to divide by)', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        { id: 'o1', status: 'open', created: '2025-02-15 00:00:00' },
        { id: 'l1', status: 'lost', created: '2025-02-01 00:00:00', closed: '2025-03-10 00:00:00' },
      ]);
      // 1 open × 0 % × (no won deal: no average size) ÷ (no cycle) → null.
      expect(await metricFor(store, 'sales_velocity', MARCH)).toMatchObject({ value: null });
    });
  });
});

/**
 * The pipeline of March, seen from 2025-03-15 (inside March) and from the end
 * of March (the as-of 2025-06-30 clamped into it). Every deal is in stage
 * "proposal", and the closed history is half won whenever it is read:
 * before 03-15, 2 won of 4 (h1, w-mar-05; h2, h3); over all time, 3 won of 6
 * (plus w-mar-20; l-mar-22). So any reading of "the stage's historical win
 * rate" gives 0.5.
 */
async function seedMarchPipeline(store: Store): Promise<void> {
  await seedDeals(store, [
    {
      id: 'h1',
      status: 'won',
      created: '2024-12-01 00:00:00',
      closed: '2025-02-10 00:00:00',
      amount: '5000',
      stage: 'proposal',
    },
    {
      id: 'h2',
      status: 'lost',
      created: '2024-12-01 00:00:00',
      closed: '2025-02-11 00:00:00',
      amount: '5000',
      stage: 'proposal',
    },
    {
      id: 'h3',
      status: 'lost',
      created: '2024-12-01 00:00:00',
      closed: '2025-02-12 00:00:00',
      amount: '5000',
      stage: 'proposal',
    },
    // Won 03-05: "won so far" from either as-of.
    {
      id: 'w-mar-05',
      status: 'won',
      created: '2025-01-01 00:00:00',
      closed: '2025-03-05 00:00:00',
      amount: '20000',
      stage: 'proposal',
      expected: '2025-03-05 00:00:00',
    },
    // Open all of March, expected 03-25.
    {
      id: 'a',
      status: 'open',
      created: '2025-02-01 00:00:00',
      amount: '30000',
      stage: 'proposal',
      expected: '2025-03-25 00:00:00',
    },
    // Open at 03-15, won 03-20: pipeline at 03-15, won by the end.
    {
      id: 'w-mar-20',
      status: 'won',
      created: '2025-02-01 00:00:00',
      closed: '2025-03-20 00:00:00',
      amount: '10000',
      stage: 'proposal',
      expected: '2025-03-20 00:00:00',
    },
    // Open at 03-15, lost 03-22: pipeline at 03-15 only.
    {
      id: 'l-mar-22',
      status: 'lost',
      created: '2025-02-01 00:00:00',
      closed: '2025-03-22 00:00:00',
      amount: '6000',
      stage: 'proposal',
      expected: '2025-03-22 00:00:00',
    },
    // Created 03-16: pipeline at the end of March only.
    {
      id: 'y',
      status: 'open',
      created: '2025-03-16 00:00:00',
      amount: '20000',
      stage: 'proposal',
      expected: '2025-03-28 00:00:00',
    },
    // Expected to close in April: never March pipeline.
    {
      id: 'x',
      status: 'open',
      created: '2025-02-01 00:00:00',
      amount: '99000',
      stage: 'proposal',
      expected: '2025-04-10 00:00:00',
    },
  ]);
}

describe('pipeline_coverage', () => {
  it('divides open pipeline expected in the period by the goal left, as of a date inside the period', async () => {
    await withTempStore(async (store) => {
      await seedMarchPipeline(store);
      await insertRows(store, 'goals', [
        {
          id: 'g1',
          metric: 'won_revenue',
          scope: 'company',
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          target: '100000',
        },
        // A team goal is not the company's revenue goal.
        {
          id: 'g-team',
          metric: 'won_revenue',
          scope: 'team',
          scope_id: 'east',
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          target: '40000',
        },
      ]);
      // As of 03-15: open and expected in March = a 30,000 + w-mar-20 10,000 + l-mar-22 6,000 = 46,000.
      // Goal left = 100,000 − won before 03-15 (w-mar-05 20,000) = 80,000.
      // 46,000 / 80,000 = 0.575.
      expect(
        await metricFor(store, 'pipeline_coverage', { ...MARCH, asOf: MID_MARCH }),
      ).toMatchObject({
        numerator: 46000,
        denominator: 80000,
        value: 0.575,
        unit: 'ratio',
      });
    });
  });

  it('looks at the end of the period when the as-of date is after it', async () => {
    await withTempStore(async (store) => {
      await seedMarchPipeline(store);
      await insertRows(store, 'goals', [
        {
          id: 'g1',
          metric: 'won_revenue',
          scope: 'company',
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          target: '100000',
        },
      ]);
      // As of 2025-06-30, clamped to the end of March: open = a 30,000 + y 20,000 = 50,000.
      // Goal left = 100,000 − (20,000 + 10,000 won in March) = 70,000.
      // 50,000 / 70,000 = 0.714286.
      const coverage = await metricFor(store, 'pipeline_coverage', MARCH);
      expect(coverage).toMatchObject({ numerator: 50000, denominator: 70000 });
      expect(coverage.value).toBeCloseTo(5 / 7, 9);
    });
  });

  it('prorates a quarterly revenue goal to the month by overlap', async () => {
    await withTempStore(async (store) => {
      await seedMarchPipeline(store);
      await insertRows(store, 'goals', [
        // Q1 2025 has 90 days, 31 of them in March: 270,000 × 31 / 90 = 93,000.
        {
          id: 'q1',
          metric: 'won_revenue',
          scope: 'company',
          period_start: '2025-01-01',
          period_end: '2025-04-01',
          target: '270000',
        },
      ]);
      // As of 03-15: 46,000 / (93,000 − 20,000) = 46,000 / 73,000.
      const coverage = await metricFor(store, 'pipeline_coverage', { ...MARCH, asOf: MID_MARCH });
      expect(coverage.numerator).toBeCloseTo(46000, 6);
      expect(coverage.denominator).toBeCloseTo(73000, 6);
      expect(coverage.value).toBeCloseTo(46 / 73, 9);
    });
  });

  it('is null when there is no revenue goal, or it is already met', async () => {
    await withTempStore(async (store) => {
      await seedMarchPipeline(store);
      // No goal: 50,000 / (0 − 30,000) → no goal left to cover → null.
      expect(await metricFor(store, 'pipeline_coverage', MARCH)).toMatchObject({ value: null });
      await insertRows(store, 'goals', [
        {
          id: 'g1',
          metric: 'won_revenue',
          scope: 'company',
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          target: '25000',
        },
      ]);
      // Goal 25,000, 30,000 won by the end of March: 25,000 − 30,000 < 0 → null.
      expect(await metricFor(store, 'pipeline_coverage', MARCH)).toMatchObject({ value: null });
    });
  });
});

describe('weighted_pipeline', () => {
  it('weights the pipeline open at an as-of inside the period by the win probability', async () => {
    await withTempStore(async (store) => {
      await seedMarchPipeline(store);
      // As of 03-15: (30,000 + 10,000 + 6,000) × 0.5 = 23,000.
      const weighted = await metricFor(store, 'weighted_pipeline', { ...MARCH, asOf: MID_MARCH });
      expect(weighted).toMatchObject({ numerator: null, denominator: null, unit: 'currency' });
      expect(weighted.value).toBeCloseTo(23000, 6);
    });
  });

  it('weights the pipeline open at the end of the period when the as-of date is after it', async () => {
    await withTempStore(async (store) => {
      await seedMarchPipeline(store);
      // As of the end of March: (a 30,000 + y 20,000) × 0.5 = 25,000.
      expect((await metricFor(store, 'weighted_pipeline', MARCH)).value).toBeCloseTo(25000, 6);
    });
  });

  it('uses a configured stage probability, and the win rate of deals closed before the as-of date elsewhere', async () => {
    await withTempStore(async (store) => {
      await seedDeals(store, [
        // History before the as-of date (1 April): 1 won of 4 closed → 25 %.
        { id: 'w1', status: 'won', created: '2025-01-02 00:00:00', closed: '2025-02-01 00:00:00' },
        ...['l1', 'l2', 'l3'].map((id) => ({
          id,
          status: 'lost' as const,
          created: '2025-01-02 00:00:00',
          closed: '2025-02-02 00:00:00',
        })),
        // Closed after the as-of date: not history yet.
        { id: 'w2', status: 'won', created: '2025-01-02 00:00:00', closed: '2025-06-01 00:00:00' },
        {
          id: 'p1',
          status: 'open',
          created: '2025-03-01 00:00:00',
          amount: '1000',
          stage: 'negotiation',
          expected: '2025-04-20 00:00:00',
        },
        {
          id: 'p2',
          status: 'open',
          created: '2025-03-01 00:00:00',
          amount: '1000',
          stage: 'discovery',
          expected: '2025-04-25 00:00:00',
        },
      ]);
      await store.query(
        `INSERT INTO settings (key, value) VALUES ('stage_probabilities', '{"negotiation": 0.8}')`,
      );
      // p1: 1,000 × 0.8; p2: 1,000 × 0.25 (history) = 1,050.
      const april = {
        grain: 'month',
        from: '2025-04-01',
        to: '2025-05-01',
        asOf: new Date('2025-04-01T00:00:00Z'),
      } as const;
      expect((await metricFor(store, 'weighted_pipeline', april)).value).toBeCloseTo(1050, 6);
    });
  });
});
