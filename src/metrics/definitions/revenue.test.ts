import { describe, expect, it } from 'vitest';
import { metricFor, metricsFor } from '../../../test/helpers/metrics.js';
import { insertRows, times } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import { RetainError } from '../../domain/errors.js';

const MARCH = { grain: 'month', from: '2024-03-01', to: '2024-04-01' } as const;

function customers(ids: readonly string[]) {
  return ids.map((id) => ({ id, created_at: '2023-01-01 00:00:00' }));
}

describe('MRR and its movements', () => {
  it('gives MRR $12,500 for 100 customers at $100 a month plus 50 at $600 a year (mrr is already monthly)', async () => {
    await withTempStore(async (store) => {
      const ids = times(150, (i) => `c${i}`);
      await insertRows(store, 'customers', customers(ids));
      await insertRows(
        store,
        'subscriptions',
        ids.map((id, i) => ({
          id: `s${i}`,
          customer_id: id,
          started_at: '2024-01-01 00:00:00',
          // An annual plan of $600 a year is stated as 50 a month; billing_interval never divides it.
          mrr: i < 100 ? '100' : '50',
          billing_interval: i < 100 ? 'month' : 'year',
          currency: 'USD',
        })),
      );
      // 100 × 100 + 50 × 50 = 12,500; ARR 12 × 12,500; ARPA 12,500 / 150.
      const results = await metricsFor(store, { ...MARCH, metrics: ['mrr', 'arr', 'arpa'] });
      expect(
        results.map((result) => [
          result.metric,
          result.value,
          result.numerator,
          result.denominator,
        ]),
      ).toEqual([
        ['mrr', 12_500, null, null],
        ['arr', 150_000, null, null],
        ['arpa', 12_500 / 150, 12_500, 150],
      ]);
    });
  });

  it('gives gross MRR churn 20 % and net 10 % for $100 at start with $10 churned, $10 contraction and $10 expansion', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', customers(['churner', 'shrinker', 'grower', 'steady']));
      await insertRows(store, 'subscriptions', [
        {
          id: 'a',
          customer_id: 'churner',
          started_at: '2024-01-01 00:00:00',
          ended_at: '2024-03-15 00:00:00',
          mrr: '10',
          currency: 'USD',
        },
        {
          id: 'b',
          customer_id: 'shrinker',
          started_at: '2024-01-01 00:00:00',
          mrr: '30',
          currency: 'USD',
        },
        {
          id: 'c',
          customer_id: 'grower',
          started_at: '2024-01-01 00:00:00',
          mrr: '30',
          currency: 'USD',
        },
        {
          id: 'd',
          customer_id: 'steady',
          started_at: '2024-01-01 00:00:00',
          mrr: '30',
          currency: 'USD',
        },
      ]);
      await insertRows(store, 'subscription_changes', [
        { id: 'down', subscription_id: 'b', effective_at: '2024-03-10 00:00:00', mrr: '20' },
        { id: 'up', subscription_id: 'c', effective_at: '2024-03-10 00:00:00', mrr: '40' },
      ]);
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: [
          'gross_mrr_churn_rate',
          'net_mrr_churn_rate',
          'net_revenue_retention',
          'gross_revenue_retention',
          'quick_ratio',
        ],
      });
      // Gross: (10 + 10) / 100; net: (10 + 10 − 10) / 100; NRR: (0 + 20 + 40 + 30) / 100; GRR: (0 + 20 + 30 + 30) / 100;
      // quick ratio: (0 + 10 + 0) / (10 + 10).
      expect(
        results.map((result) => [
          result.metric,
          result.numerator,
          result.denominator,
          result.value,
        ]),
      ).toEqual([
        ['gross_mrr_churn_rate', 20, 100, 0.2],
        ['net_mrr_churn_rate', 10, 100, 0.1],
        ['quick_ratio', 10, 20, 0.5],
        ['net_revenue_retention', 90, 100, 0.9],
        ['gross_revenue_retention', 80, 100, 0.8],
      ]);
      // The movements behind them: 10 churned, 10 contraction, 10 expansion; MRR 100 → 90.
      const movements = await metricsFor(store, { ...MARCH, metrics: ['mrr', 'mrr_movements'] });
      expect(movements.map((result) => [result.metric, result.value])).toEqual([
        ['mrr', 90],
        ['mrr_new', 0],
        ['mrr_expansion', 10],
        ['mrr_contraction', 10],
        ['mrr_churned', 10],
        ['mrr_reactivation', 0],
      ]);
    });
  });

  it('nets out an upgrade and a downgrade inside one period, and counts a second subscription as expansion', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', customers(['c1', 'c2']));
      await insertRows(store, 'subscriptions', [
        {
          id: 'a',
          customer_id: 'c1',
          started_at: '2024-01-01 00:00:00',
          mrr: '100',
          currency: 'USD',
        },
        {
          id: 'b',
          customer_id: 'c2',
          started_at: '2024-01-01 00:00:00',
          mrr: '100',
          currency: 'USD',
        },
        {
          id: 'addon',
          customer_id: 'c2',
          started_at: '2024-03-12 00:00:00',
          mrr: '25',
          currency: 'USD',
        },
      ]);
      await insertRows(store, 'subscription_changes', [
        { id: 'up', subscription_id: 'a', effective_at: '2024-03-05 00:00:00', mrr: '300' },
        { id: 'down', subscription_id: 'a', effective_at: '2024-03-20 00:00:00', mrr: '110' },
      ]);
      const results = await metricsFor(store, { ...MARCH, metrics: ['mrr_movements'] });
      // c1: 100 → 110 (the 300 in between nets out): +10; c2: 100 → 125: +25.
      expect(Object.fromEntries(results.map((result) => [result.metric, result.value]))).toEqual({
        mrr_new: 0,
        mrr_expansion: 35,
        mrr_contraction: 0,
        mrr_churned: 0,
        mrr_reactivation: 0,
      });
    });
  });

  it('takes MRR at t from the latest change before t, so a change at the boundary counts in the period it opens', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', customers(['c1']));
      await insertRows(store, 'subscriptions', [
        {
          id: 'a',
          customer_id: 'c1',
          started_at: '2024-01-01 00:00:00',
          mrr: '100',
          currency: 'USD',
        },
      ]);
      await insertRows(store, 'subscription_changes', [
        {
          id: 'up',
          subscription_id: 'a',
          effective_at: '2024-04-01 00:00:00',
          mrr: '150',
          seats: 3,
        },
      ]);
      expect(await metricFor(store, 'mrr', MARCH)).toMatchObject({ value: 100 });
      expect(
        await metricFor(store, 'mrr_expansion', {
          grain: 'month',
          from: '2024-04-01',
          to: '2024-05-01',
        }),
      ).toMatchObject({ value: 50 });
    });
  });

  it('converts at the rate of the day each amount was set, so exchange moves never show as expansion', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'fx_rates', [
        { date: '2024-01-01', currency: 'EUR', rate_to_reporting: '1.1' },
        { date: '2024-03-01', currency: 'EUR', rate_to_reporting: '1.3' },
      ]);
      await insertRows(store, 'customers', customers(['eu', 'eu2', 'eu3']));
      await insertRows(store, 'subscriptions', [
        {
          id: 'a',
          customer_id: 'eu',
          started_at: '2024-01-15 00:00:00',
          mrr: '100',
          currency: 'EUR',
        },
        {
          id: 'b',
          customer_id: 'eu2',
          started_at: '2024-03-15 00:00:00',
          mrr: '100',
          currency: 'EUR',
        },
        {
          id: 'c',
          customer_id: 'eu3',
          started_at: '2024-01-15 00:00:00',
          mrr: '100',
          currency: 'EUR',
        },
      ]);
      await insertRows(store, 'subscription_changes', [
        { id: 'up', subscription_id: 'c', effective_at: '2024-03-20 00:00:00', mrr: '200' },
      ]);
      // a: 100 EUR set on 15 January at 1.1 = 110, unchanged when the rate moves in March.
      // b: 100 EUR set on 15 March at 1.3 = 130, new.
      // c: 110 at the start; its change to 200 EUR on 20 March converts at that day's 1.3 = 260,
      //    so expansion is 260 − 110 = 150 (not 200 × 1.1 − 110, nor (200 − 100) × 1.3).
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: ['mrr', 'mrr_expansion', 'mrr_new'],
      });
      expect(results.map((result) => [result.metric, result.value])).toEqual([
        ['mrr', 500],
        ['mrr_new', 130],
        ['mrr_expansion', 150],
      ]);
    });
  });

  it('refuses to convert without a rate, naming the currency and the date', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', customers(['gb']));
      await insertRows(store, 'subscriptions', [
        {
          id: 'a',
          customer_id: 'gb',
          started_at: '2024-02-03 00:00:00',
          mrr: '100',
          currency: 'GBP',
        },
      ]);
      const error = await metricsFor(store, { ...MARCH, metrics: ['mrr'] }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(RetainError);
      expect(error).toMatchObject({
        message: 'No exchange rate for GBP on or before 2024-02-03 (needed by subscriptions).',
        hint: 'Import fx_rates with a GBP row dated 2024-02-03 or earlier (rate_to_reporting: the USD value of one GBP).',
      });
    });
  });

  it('makes the five movements sum exactly to the change in MRR, period after period', async () => {
    await withTempStore(async (store) => {
      const ids = times(40, (i) => `c${i}`);
      await insertRows(store, 'customers', customers(ids));
      // A deterministic churny mix: staggered starts, ends, returns and changes.
      await insertRows(
        store,
        'subscriptions',
        ids.flatMap((id, i) => [
          {
            id: `s${i}`,
            customer_id: id,
            started_at: `2024-0${1 + (i % 4)}-${String(1 + (i % 27)).padStart(2, '0')} 00:00:00`,
            ...(i % 3 === 0
              ? {
                  ended_at: `2024-0${5 + (i % 3)}-${String(2 + (i % 20)).padStart(2, '0')} 00:00:00`,
                }
              : {}),
            mrr: String(50 + 7 * i),
            currency: 'USD',
          },
          ...(i % 6 === 0
            ? [
                {
                  id: `r${i}`,
                  customer_id: id,
                  started_at: '2024-07-15 00:00:00',
                  mrr: '99',
                  currency: 'USD',
                },
              ]
            : []),
          // A second subscription for a customer who stays: expansion.
          ...(i % 8 === 2 && i % 3 !== 0
            ? [
                {
                  id: `x${i}`,
                  customer_id: id,
                  started_at: '2024-08-20 00:00:00',
                  mrr: '25',
                  currency: 'USD',
                },
              ]
            : []),
        ]),
      );
      await insertRows(
        store,
        'subscription_changes',
        ids
          .filter((_, i) => i % 4 === 1)
          .map((_, k) => ({
            id: `ch${k}`,
            subscription_id: `s${4 * k + 1}`,
            effective_at: `2024-06-${String(3 + k).padStart(2, '0')} 00:00:00`,
            mrr: String(20 + 11 * k),
          })),
      );
      const results = await metricsFor(store, {
        grain: 'month',
        from: '2024-01-01',
        to: '2024-10-01',
        metrics: ['mrr', 'mrr_movements'],
      });
      const movements = [
        'mrr_new',
        'mrr_expansion',
        'mrr_contraction',
        'mrr_churned',
        'mrr_reactivation',
      ];
      const byPeriod = new Map<string, Record<string, number>>();
      for (const result of results) {
        expect(result.value, `${result.metric} ${result.period_start}`).not.toBeNull();
        byPeriod.set(result.period_start, {
          ...byPeriod.get(result.period_start),
          [result.metric]: result.value as number,
        });
      }
      expect(byPeriod.size).toBe(9);
      let previousMrr = 0;
      for (const values of byPeriod.values()) {
        expect(Object.keys(values).sort()).toEqual(['mrr', ...movements].sort());
        const net =
          (values.mrr_new ?? NaN) +
          (values.mrr_expansion ?? NaN) +
          (values.mrr_reactivation ?? NaN) -
          (values.mrr_contraction ?? NaN) -
          (values.mrr_churned ?? NaN);
        // Whole dollars: the sum is exact, not merely close.
        expect(net).toBe((values.mrr ?? NaN) - previousMrr);
        previousMrr = values.mrr ?? NaN;
      }
      // Each movement happens in some month, so the identity is not 0 = 0.
      for (const movement of movements) {
        expect(
          [...byPeriod.values()].some((values) => (values[movement] ?? 0) > 0),
          movement,
        ).toBe(true);
      }
      // MRR on 1 October, by hand: the subscriptions never ended (i % 3 ≠ 0) at
      // their own MRR, or the changed one for i = 4k + 1, plus the 99 returns
      // and the 25 second subscriptions.
      let octoberMrr = 0;
      for (let i = 0; i < 40; i++) {
        if (i % 3 !== 0) octoberMrr += i % 4 === 1 ? 20 + 11 * ((i - 1) / 4) : 50 + 7 * i;
        if (i % 6 === 0) octoberMrr += 99;
        if (i % 8 === 2 && i % 3 !== 0) octoberMrr += 25;
      }
      expect(previousMrr).toBe(octoberMrr);
    });
  });
});

describe('orders-only workspaces', () => {
  it('keeps a customer active for 365 days after each order and reports MRR as null', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', customers(['buyer', 'lapsed']));
      await insertRows(store, 'orders', [
        {
          id: 'o1',
          customer_id: 'buyer',
          ordered_at: '2023-06-10 00:00:00',
          amount: '40',
          currency: 'USD',
        },
        {
          id: 'o2',
          customer_id: 'buyer',
          ordered_at: '2024-02-01 00:00:00',
          amount: '40',
          currency: 'USD',
        },
        {
          id: 'o3',
          customer_id: 'lapsed',
          ordered_at: '2023-03-10 00:00:00',
          amount: '40',
          currency: 'USD',
        },
        // A refund buys nothing: it neither keeps "lapsed" active nor counts as a March purchase.
        {
          id: 'o3-refund',
          customer_id: 'lapsed',
          ordered_at: '2024-03-05 00:00:00',
          amount: '-40',
          currency: 'USD',
        },
      ]);
      // "lapsed" ordered on 10 March 2023: active until 9 March 2024, so churned in March.
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: ['customer_churn_rate', 'customers_active', 'mrr', 'repeat_customer_rate'],
      });
      expect(
        results.map((result) => [
          result.metric,
          result.value,
          result.numerator,
          result.denominator,
        ]),
      ).toEqual([
        ['customers_active', 1, null, null],
        // No purchase in March: no one to count.
        ['repeat_customer_rate', null, 0, 0],
        ['customer_churn_rate', 0.5, 1, 2],
        ['mrr', null, null, null],
      ]);
    });
  });
});
