import { describe, expect, it } from 'vitest';
import { metricFor } from '../../../test/helpers/metrics.js';
import { insertRows } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';

const MARCH = { grain: 'month', from: '2024-03-01', to: '2024-04-01' } as const;

describe('customer counts and cohort shares', () => {
  it('dates acquisition by the first paying instant, not by customers.created_at', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', [
        { id: 'old_record', created_at: '2022-05-01 00:00:00' },
        { id: 'fresh_record', created_at: '2024-03-02 00:00:00' },
      ]);
      await insertRows(store, 'subscriptions', [
        {
          id: 'a',
          customer_id: 'old_record',
          started_at: '2024-03-10 00:00:00',
          mrr: '10',
          currency: 'USD',
        },
        {
          id: 'b',
          customer_id: 'fresh_record',
          started_at: '2024-04-02 00:00:00',
          mrr: '10',
          currency: 'USD',
        },
      ]);
      expect(await metricFor(store, 'new_customers', MARCH)).toMatchObject({ value: 1 });
    });
  });

  it('counts first-year voluntary terminations of the cohort within 365 days, and marks a young cohort partial', async () => {
    await withTempStore(async (store) => {
      const ids = ['quit_early', 'quit_late', 'delinquent', 'stays'];
      await insertRows(
        store,
        'customers',
        ids.map((id) => ({ id, created_at: '2024-03-01 00:00:00' })),
      );
      await insertRows(store, 'subscriptions', [
        {
          id: 'a',
          customer_id: 'quit_early',
          started_at: '2024-03-05 00:00:00',
          ended_at: '2024-09-01 00:00:00',
          end_reason: 'voluntary',
          mrr: '10',
          currency: 'USD',
        },
        // 400 days after acquisition: outside the first year.
        {
          id: 'b',
          customer_id: 'quit_late',
          started_at: '2024-03-05 00:00:00',
          ended_at: '2025-04-09 00:00:00',
          end_reason: 'voluntary',
          mrr: '10',
          currency: 'USD',
        },
        {
          id: 'c',
          customer_id: 'delinquent',
          started_at: '2024-03-05 00:00:00',
          ended_at: '2024-06-01 00:00:00',
          end_reason: 'delinquent',
          mrr: '10',
          currency: 'USD',
        },
        {
          id: 'd',
          customer_id: 'stays',
          started_at: '2024-03-05 00:00:00',
          mrr: '10',
          currency: 'USD',
        },
      ]);
      // Cohort of March 2024: 4; voluntary within a year: quit_early only → 1 / 4.
      expect(
        await metricFor(store, 'first_year_voluntary_termination_rate', {
          ...MARCH,
          asOf: new Date('2025-06-30T00:00:00Z'),
        }),
      ).toMatchObject({
        numerator: 1,
        denominator: 4,
        value: 0.25,
        partial: false,
      });
      // As of 1 December 2024 the March cohort's year is not over.
      expect(
        await metricFor(store, 'first_year_voluntary_termination_rate', {
          ...MARCH,
          asOf: new Date('2024-12-01T00:00:00Z'),
        }),
      ).toMatchObject({
        partial: true,
      });
    });
  });

  it('counts repeat customers among March buyers by their purchases to date, using paid invoices when a customer has no orders', async () => {
    await withTempStore(async (store) => {
      await insertRows(
        store,
        'customers',
        ['twice', 'once', 'invoiced', 'earlier_only', 'refunded_only'].map((id) => ({
          id,
          created_at: '2023-01-01 00:00:00',
        })),
      );
      await insertRows(store, 'orders', [
        {
          id: 'o1',
          customer_id: 'twice',
          ordered_at: '2024-01-10 00:00:00',
          amount: '10',
          currency: 'USD',
        },
        {
          id: 'o2',
          customer_id: 'twice',
          ordered_at: '2024-03-10 00:00:00',
          amount: '10',
          currency: 'USD',
        },
        {
          id: 'o3',
          customer_id: 'once',
          ordered_at: '2024-03-11 00:00:00',
          amount: '10',
          currency: 'USD',
        },
        // An order after March does not count towards March.
        {
          id: 'o4',
          customer_id: 'once',
          ordered_at: '2024-04-11 00:00:00',
          amount: '10',
          currency: 'USD',
        },
        {
          id: 'o5',
          customer_id: 'earlier_only',
          ordered_at: '2024-02-11 00:00:00',
          amount: '10',
          currency: 'USD',
        },
        {
          id: 'o6',
          customer_id: 'earlier_only',
          ordered_at: '2024-02-12 00:00:00',
          amount: '10',
          currency: 'USD',
        },
        // A credit in March is no purchase: "once" stays at one, "earlier_only" bought nothing in March.
        {
          id: 'o7',
          customer_id: 'once',
          ordered_at: '2024-03-20 00:00:00',
          amount: '-10',
          currency: 'USD',
        },
        {
          id: 'o8',
          customer_id: 'earlier_only',
          ordered_at: '2024-03-20 00:00:00',
          amount: '-10',
          currency: 'USD',
        },
      ]);
      await insertRows(store, 'invoices', [
        {
          id: 'i1',
          customer_id: 'invoiced',
          issued_at: '2024-02-01 00:00:00',
          paid_at: '2024-02-02 00:00:00',
          amount: '10',
          currency: 'USD',
          status: 'paid',
        },
        {
          id: 'i2',
          customer_id: 'invoiced',
          issued_at: '2024-03-01 00:00:00',
          paid_at: '2024-03-02 00:00:00',
          amount: '10',
          currency: 'USD',
          status: 'paid',
        },
        {
          id: 'i3',
          customer_id: 'invoiced',
          issued_at: '2024-03-05 00:00:00',
          amount: '10',
          currency: 'USD',
          status: 'failed',
        },
        // Refunded, so not a purchase: "refunded_only" is no March buyer.
        {
          id: 'i4',
          customer_id: 'refunded_only',
          issued_at: '2024-03-01 00:00:00',
          paid_at: '2024-03-02 00:00:00',
          amount: '10',
          currency: 'USD',
          status: 'refunded',
        },
      ]);
      // March buyers: twice (2 to date), once (1), invoiced (2 paid invoices) → 2 / 3.
      expect(await metricFor(store, 'repeat_customer_rate', MARCH)).toMatchObject({
        numerator: 2,
        denominator: 3,
      });
    });
  });
});
