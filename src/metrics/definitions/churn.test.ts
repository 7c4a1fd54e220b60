import { describe, expect, it } from 'vitest';
import { metricFor, metricsFor } from '../../../test/helpers/metrics.js';
import { insertRows, times } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import type { Store } from '../../store/store.js';

const MARCH = { grain: 'month', from: '2024-03-01', to: '2024-04-01' } as const;
const Q1 = { grain: 'quarter', from: '2024-01-01', to: '2024-04-01' } as const;

type Sub = {
  id: string;
  customer: string;
  start: string;
  end?: string;
  mrr?: string;
  reason?: string;
  trialEnd?: string;
};

async function seedSubscriptions(store: Store, subscriptions: readonly Sub[]): Promise<void> {
  const customers = [...new Set(subscriptions.map((sub) => sub.customer))];
  await insertRows(
    store,
    'customers',
    customers.map((id) => ({ id, created_at: '2023-01-01 00:00:00' })),
  );
  await insertRows(
    store,
    'subscriptions',
    subscriptions.map((sub) => ({
      id: sub.id,
      customer_id: sub.customer,
      started_at: sub.start,
      ended_at: sub.end,
      mrr: sub.mrr ?? '100',
      currency: 'USD',
      end_reason: sub.reason,
      trial_ends_at: sub.trialEnd,
    })),
  );
}

describe('customer churn and retention', () => {
  it('excludes customers acquired during the period from both sides (the seed example, a quarter)', async () => {
    await withTempStore(async (store) => {
      // 1000 active at the start of Q1 2024; 150 of them end during it (50 a month, 850 stay).
      // 300 new on 5 February, 15 of whom end on 20 March.
      // Right: 150 / 1000 = 15 %. Wrong (counting new leavers): 165 / 1000 = 16.5 %.
      await seedSubscriptions(store, [
        ...times(1000, (i) => ({
          id: `s${i}`,
          customer: `c${i}`,
          start: '2023-10-01 00:00:00',
          ...(i < 150 ? { end: `2024-0${1 + (i % 3)}-15 00:00:00` } : {}),
        })),
        ...times(300, (i) => ({
          id: `n${i}`,
          customer: `new${i}`,
          start: '2024-02-05 00:00:00',
          ...(i < 15 ? { end: '2024-03-20 00:00:00' } : {}),
        })),
      ]);
      expect(await metricFor(store, 'customer_churn_rate', Q1)).toMatchObject({
        period_start: '2024-01-01',
        period_end: '2024-04-01',
        numerator: 150,
        denominator: 1000,
        value: 0.15,
        unit: 'ratio',
      });
      expect(await metricFor(store, 'customer_retention_rate', Q1)).toMatchObject({
        numerator: 850,
        denominator: 1000,
        value: 0.85,
      });
      // 850 stayers + 285 new survivors.
      expect(await metricFor(store, 'customers_active', Q1)).toMatchObject({
        value: 1135,
        numerator: null,
        denominator: null,
      });
      expect(await metricFor(store, 'new_customers', Q1)).toMatchObject({ value: 300 });
      // March alone: 900 + 300 active at its start; 50 of the first and 15 of the new leave.
      expect(await metricFor(store, 'customer_churn_rate', MARCH)).toMatchObject({
        numerator: 65,
        denominator: 1200,
        value: 65 / 1200,
      });
    });
  });

  it('gives 10 % for 100 at start and 12 cancellations, one reactivated and one from a customer who joined in the period', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        // 100 at start; 11 of them cancel in March…
        ...times(100, (i) => ({
          id: `s${i}`,
          customer: `c${i}`,
          start: '2024-01-01 00:00:00',
          ...(i < 11 ? { end: '2024-03-10 00:00:00' } : {}),
        })),
        // …and one of those 11 comes back before the end of March: not churned.
        { id: 'back', customer: 'c0', start: '2024-03-25 00:00:00' },
        // The 12th cancellation is a customer who joined in March: excluded.
        { id: 'joiner', customer: 'j1', start: '2024-03-02 00:00:00', end: '2024-03-28 00:00:00' },
      ]);
      // (11 − 1) / 100 = 10 %.
      expect(await metricFor(store, 'customer_churn_rate', MARCH)).toMatchObject({
        numerator: 10,
        denominator: 100,
        value: 0.1,
      });
    });
  });

  it('does not churn a customer with two overlapping subscriptions when one of them ends', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        { id: 'a', customer: 'c1', start: '2024-01-01 00:00:00', end: '2024-03-15 00:00:00' },
        { id: 'b', customer: 'c1', start: '2024-02-01 00:00:00' },
        { id: 'x', customer: 'c2', start: '2024-01-01 00:00:00' },
      ]);
      expect(await metricFor(store, 'customer_churn_rate', MARCH)).toMatchObject({
        numerator: 0,
        denominator: 2,
        value: 0,
      });
      // c1 drops from 200 to 100: contraction, not churn.
      expect(await metricFor(store, 'mrr_contraction', MARCH)).toMatchObject({ value: 100 });
      expect(await metricFor(store, 'mrr_churned', MARCH)).toMatchObject({ value: 0 });
    });
  });

  it('counts a customer who leaves and comes back inside the period as retained, and one who returns later as a reactivation', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        { id: 'a1', customer: 'bounce', start: '2024-01-01 00:00:00', end: '2024-03-05 00:00:00' },
        { id: 'a2', customer: 'bounce', start: '2024-03-20 00:00:00', mrr: '120' },
        {
          id: 'b1',
          customer: 'returner',
          start: '2024-01-01 00:00:00',
          end: '2024-02-10 00:00:00',
        },
        { id: 'b2', customer: 'returner', start: '2024-03-10 00:00:00', mrr: '80' },
      ]);
      // Start of March: only "bounce" is active, and it is active again at the end.
      expect(await metricFor(store, 'customer_churn_rate', MARCH)).toMatchObject({
        numerator: 0,
        denominator: 1,
      });
      expect(await metricFor(store, 'mrr_expansion', MARCH)).toMatchObject({ value: 20 });
      // "returner" was a customer before March: reactivation, not new.
      expect(await metricFor(store, 'mrr_reactivation', MARCH)).toMatchObject({ value: 80 });
      expect(await metricFor(store, 'mrr_new', MARCH)).toMatchObject({ value: 0 });
      expect(await metricFor(store, 'new_customers', MARCH)).toMatchObject({ value: 0 });
      // February: "returner" churned then.
      expect(
        await metricFor(store, 'customer_churn_rate', {
          grain: 'month',
          from: '2024-02-01',
          to: '2024-03-01',
        }),
      ).toMatchObject({
        numerator: 1,
        denominator: 2,
      });
    });
  });

  it('splits churn by the end reason of the subscription that ended the last stretch', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        {
          id: 'v',
          customer: 'c1',
          start: '2024-01-01 00:00:00',
          end: '2024-03-10 00:00:00',
          reason: 'voluntary',
        },
        {
          id: 'd',
          customer: 'c2',
          start: '2024-01-01 00:00:00',
          end: '2024-03-10 00:00:00',
          reason: 'delinquent',
        },
        // Two subscriptions: the earlier one ended voluntarily, the last one for non-payment.
        {
          id: 'e1',
          customer: 'c3',
          start: '2024-01-01 00:00:00',
          end: '2024-03-05 00:00:00',
          reason: 'voluntary',
        },
        {
          id: 'e2',
          customer: 'c3',
          start: '2024-01-01 00:00:00',
          end: '2024-03-25 00:00:00',
          reason: 'delinquent',
        },
        // No reason given: churn, but neither kind.
        { id: 'n', customer: 'c4', start: '2024-01-01 00:00:00', end: '2024-03-10 00:00:00' },
        { id: 's', customer: 'c5', start: '2024-01-01 00:00:00' },
      ]);
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: ['customer_churn_rate', 'voluntary_churn_rate', 'delinquent_churn_rate'],
      });
      // 4 of 5 churned; voluntary: c1; delinquent: c2 and c3. 1/5 + 2/5 ≠ 4/5: c4 has no reason.
      expect(
        results.map((result) => [result.metric, result.numerator, result.denominator]),
      ).toEqual([
        ['customer_churn_rate', 4, 5],
        ['voluntary_churn_rate', 1, 5],
        ['delinquent_churn_rate', 2, 5],
      ]);
    });
  });

  it('gives a stretch that ends because MRR dropped to zero no end reason, even after an earlier end with one', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        {
          id: 's1',
          customer: 'c1',
          start: '2024-01-01 00:00:00',
          end: '2024-05-01 00:00:00',
          reason: 'voluntary',
        },
        // A voluntary end earlier in March does not lend its reason to the later drop to zero.
        {
          id: 'e',
          customer: 'c2',
          start: '2024-01-01 00:00:00',
          end: '2024-03-05 00:00:00',
          reason: 'voluntary',
        },
        { id: 'z', customer: 'c2', start: '2024-01-01 00:00:00' },
      ]);
      await insertRows(store, 'subscription_changes', [
        { id: 'free', subscription_id: 's1', effective_at: '2024-03-10 00:00:00', mrr: '0' },
        { id: 'free2', subscription_id: 'z', effective_at: '2024-03-20 00:00:00', mrr: '0' },
      ]);
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: ['customer_churn_rate', 'voluntary_churn_rate'],
      });
      expect(results.map((result) => result.numerator)).toEqual([2, 0]);
    });
  });

  it('puts an event stamped exactly at a boundary in the period it opens', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        { id: 'a', customer: 'c1', start: '2024-03-01 00:00:00', end: '2024-04-01 00:00:00' },
      ]);
      // Started at the first instant of March: new in March. Ended at the first instant of April: churns in April.
      expect(await metricFor(store, 'new_customers', MARCH)).toMatchObject({ value: 1 });
      expect(await metricFor(store, 'customers_active', MARCH)).toMatchObject({ value: 1 });
      expect(
        await metricFor(store, 'customer_churn_rate', {
          grain: 'month',
          from: '2024-04-01',
          to: '2024-05-01',
        }),
      ).toMatchObject({
        numerator: 1,
        denominator: 1,
      });
    });
  });

  it('moves period boundaries with the reporting time zone', async () => {
    await withTempStore(async (store) => {
      // 23:30 UTC on 31 March is 01:30 on 1 April in Berlin (UTC+2 in summer time).
      await seedSubscriptions(store, [{ id: 'a', customer: 'c1', start: '2024-03-31 23:30:00' }]);
      expect(await metricFor(store, 'new_customers', MARCH)).toMatchObject({ value: 1 });
      expect(
        await metricFor(store, 'new_customers', { ...MARCH, timeZone: 'Europe/Berlin' }),
      ).toMatchObject({ value: 0 });
      expect(
        await metricFor(store, 'new_customers', {
          grain: 'month',
          from: '2024-04-01',
          to: '2024-05-01',
          timeZone: 'Europe/Berlin',
        }),
      ).toMatchObject({ value: 1, period_start: '2024-04-01', period_end: '2024-05-01' });
    });
  });

  it('handles a leap day: a day-grain period of 29 February and churn on it', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        { id: 'a', customer: 'c1', start: '2024-01-01 00:00:00', end: '2024-02-29 12:00:00' },
        { id: 'b', customer: 'c2', start: '2024-01-01 00:00:00' },
      ]);
      const day = await metricFor(store, 'customer_churn_rate', {
        grain: 'day',
        from: '2024-02-29',
        to: '2024-03-01',
      });
      expect(day).toMatchObject({
        period_start: '2024-02-29',
        period_end: '2024-03-01',
        numerator: 1,
        denominator: 2,
      });
      const february = await metricFor(store, 'customer_churn_rate', {
        grain: 'month',
        from: '2024-02-01',
        to: '2024-03-01',
      });
      expect(february).toMatchObject({
        period_end: '2024-03-01',
        numerator: 1,
        denominator: 2,
        value: 0.5,
      });
    });
  });

  it('reports an empty period as zero counts and null rates, never NaN', async () => {
    await withTempStore(async (store) => {
      // The workspace has subscriptions, just none touching March.
      await seedSubscriptions(store, [
        { id: 'later', customer: 'c1', start: '2024-05-01 00:00:00' },
      ]);
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: ['customers_active', 'customer_churn_rate', 'mrr', 'nps', 'win_rate'],
      });
      expect(
        results.map((result) => [
          result.metric,
          result.value,
          result.numerator,
          result.denominator,
        ]),
      ).toEqual([
        ['customers_active', 0, null, null],
        ['customer_churn_rate', null, 0, 0],
        ['mrr', 0, null, null],
        ['nps', null, 0, 0],
        ['win_rate', null, 0, 0],
      ]);
    });
  });

  it('gives every quotient a null value over an empty period, and every count and sum zero', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        { id: 'later', customer: 'c1', start: '2024-05-01 00:00:00' },
      ]);
      const results = await metricsFor(store, MARCH);
      // DESIGN.md: plain counts and sums report numerator and denominator as null.
      const sums = new Set([
        'customers_active',
        'new_customers',
        'mrr',
        'arr',
        'mrr_new',
        'mrr_expansion',
        'mrr_contraction',
        'mrr_churned',
        'mrr_reactivation',
        'potential_new_clients_contacted',
        'leads_qualified',
        'won_revenue',
        'open_deals',
        'new_deals',
        'weighted_pipeline',
      ]);
      expect(results).toHaveLength(47);
      for (const result of results) {
        const expected = sums.has(result.metric)
          ? { value: 0, numerator: null, denominator: null }
          : { value: null };
        // The metric id in the expectation names the failing KPI.
        expect(result).toMatchObject({ metric: result.metric, ...expected });
        for (const part of [result.numerator, result.denominator]) {
          if (part !== null) expect(Number.isFinite(part), result.metric).toBe(true);
        }
      }
    });
  });

  it('does not count a trial as a customer until it converts, nor a trial that never converts', async () => {
    await withTempStore(async (store) => {
      await seedSubscriptions(store, [
        // Trial from 20 Feb to 6 March, then paying: acquired on 6 March.
        { id: 't1', customer: 'c1', start: '2024-02-20 00:00:00', trialEnd: '2024-03-06 00:00:00' },
        // Trial that ends when the trial does: never a customer.
        {
          id: 't2',
          customer: 'c2',
          start: '2024-02-20 00:00:00',
          trialEnd: '2024-03-06 00:00:00',
          end: '2024-03-06 00:00:00',
        },
      ]);
      expect(
        await metricFor(store, 'customers_active', {
          grain: 'month',
          from: '2024-02-01',
          to: '2024-03-01',
        }),
      ).toMatchObject({
        value: 0,
      });
      expect(await metricFor(store, 'new_customers', MARCH)).toMatchObject({ value: 1 });
      expect(await metricFor(store, 'mrr', MARCH)).toMatchObject({ value: 100 });
      expect(await metricFor(store, 'customer_churn_rate', MARCH)).toMatchObject({
        denominator: 0,
        value: null,
      });
    });
  });

  it('counts seat churn only from customers who stay, one’s growth not offsetting another’s loss', async () => {
    await withTempStore(async (store) => {
      await insertRows(
        store,
        'customers',
        times(3, (i) => ({ id: `c${i}`, created_at: '2023-01-01 00:00:00' })),
      );
      await insertRows(store, 'subscriptions', [
        { id: 's0', customer_id: 'c0', started_at: '2024-01-01 00:00:00', mrr: '100', seats: 10 },
        { id: 's1', customer_id: 'c1', started_at: '2024-01-01 00:00:00', mrr: '100', seats: 10 },
        {
          id: 's2',
          customer_id: 'c2',
          started_at: '2024-01-01 00:00:00',
          ended_at: '2024-03-20 00:00:00',
          mrr: '100',
          seats: 5,
        },
      ]);
      await insertRows(store, 'subscription_changes', [
        {
          id: 'down',
          subscription_id: 's0',
          effective_at: '2024-03-10 00:00:00',
          mrr: '70',
          seats: 7,
        },
        {
          id: 'up',
          subscription_id: 's1',
          effective_at: '2024-03-10 00:00:00',
          mrr: '150',
          seats: 15,
        },
      ]);
      // Seats at start: 10 + 10 + 5 = 25. c0 loses 3; c1's +5 does not offset it; c2 leaves (customer churn).
      expect(await metricFor(store, 'seat_churn_rate', MARCH)).toMatchObject({
        numerator: 3,
        denominator: 25,
        value: 0.12,
      });
    });
  });
});
