import { describe, expect, it } from 'vitest';
import { FIXTURE_AS_OF } from '../../test/helpers/metrics.js';
import { insertRows, times } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import type { Store } from '../store/store.js';
import { explainMetric } from './explain-metric.js';
import { parseMetricRequest } from './parse-metric-request.js';

const MARCH = { grain: 'month', from: '2025-03-01', to: '2025-04-01' } as const;

async function explain(store: Store, metric: string) {
  return explainMetric(
    store,
    await parseMetricRequest(store, { ...MARCH, metrics: [metric], asOf: FIXTURE_AS_OF }),
  );
}

describe('explainMetric', () => {
  it('lists exactly the customers behind the churn rate: the start cohort, and which of them churned', async () => {
    await withTempStore(async (store) => {
      await insertRows(
        store,
        'customers',
        ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => ({
          id,
          created_at: '2024-01-01 00:00:00',
        })),
      );
      await insertRows(store, 'subscriptions', [
        // c1 and c2 leave in March; c3 and c4 stay.
        {
          id: 's1',
          customer_id: 'c1',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-03-10 00:00:00',
          mrr: '100',
        },
        {
          id: 's2',
          customer_id: 'c2',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-03-31 00:00:00',
          mrr: '100',
        },
        { id: 's3', customer_id: 'c3', started_at: '2025-01-01 00:00:00', mrr: '100' },
        // c4's subscription ends exactly at 04-01 00:00: that churn belongs to April.
        {
          id: 's4',
          customer_id: 'c4',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-04-01 00:00:00',
          mrr: '100',
        },
        // c5 joins and leaves inside March: in neither side.
        {
          id: 's5',
          customer_id: 'c5',
          started_at: '2025-03-02 00:00:00',
          ended_at: '2025-03-20 00:00:00',
          mrr: '100',
        },
        // c6 left in February: not in March's start cohort.
        {
          id: 's6',
          customer_id: 'c6',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-02-10 00:00:00',
          mrr: '100',
        },
      ]);
      const explanation = await explain(store, 'customer_churn_rate');
      // Start cohort c1 to c4 (denominator 4); churned c1 and c2 (numerator 2): 2 / 4 = 0.5.
      expect(explanation.kpi.id).toBe('customer_churn_rate');
      expect(explanation.results).toEqual([
        expect.objectContaining({
          period_start: '2025-03-01',
          numerator: 2,
          denominator: 4,
          value: 0.5,
        }),
      ]);
      expect(explanation.contributions).toEqual([
        { subject: 'customer', subject_id: 'c1', segment: null, num: 1, den: 1 },
        { subject: 'customer', subject_id: 'c2', segment: null, num: 1, den: 1 },
        { subject: 'customer', subject_id: 'c3', segment: null, num: 0, den: 1 },
        { subject: 'customer', subject_id: 'c4', segment: null, num: 0, den: 1 },
      ]);
      // The churned ones are the rows that add to the numerator.
      expect(
        explanation.contributions.filter((row) => row.num === 1).map((row) => row.subject_id),
      ).toEqual(['c1', 'c2']);
      expect(explanation.components).toEqual([]);
    });
  });

  it('lists the deals behind the win rate, won ones in the numerator', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
      const deal = (id: string, status: 'open' | 'won' | 'lost', closed?: string) => ({
        id,
        owner_rep_id: 'r1',
        amount: '1000',
        stage: status === 'open' ? 'proposal' : `closed_${status}`,
        status,
        created_at: '2025-02-01 00:00:00',
        closed_at: closed,
      });
      await insertRows(store, 'deals', [
        deal('d-won', 'won', '2025-03-05 00:00:00'),
        deal('d-lost', 'lost', '2025-03-06 00:00:00'),
        deal('d-lost-feb', 'lost', '2025-02-06 00:00:00'),
        deal('d-open', 'open'),
        // Won without a close date: ignored.
        deal('d-undated', 'won'),
      ]);
      const explanation = await explain(store, 'win_rate');
      // 1 won of 2 closed in March = 0.5.
      expect(explanation.results).toEqual([
        expect.objectContaining({ numerator: 1, denominator: 2, value: 0.5 }),
      ]);
      expect(explanation.contributions).toEqual([
        { subject: 'deal', subject_id: 'd-lost', segment: null, num: 0, den: 1 },
        { subject: 'deal', subject_id: 'd-won', segment: null, num: 1, den: 1 },
      ]);
    });
  });

  it('gives a composite (sales_velocity) its components for the period instead of rows', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
      await insertRows(store, 'deals', [
        // 3 open at the end of March.
        ...times(3, (i) => ({
          id: `open${i}`,
          owner_rep_id: 'r1',
          amount: '5000',
          stage: 'proposal',
          status: 'open',
          created_at: '2025-02-01 00:00:00',
        })),
        // 1 won for 10,000 after 20 days (03-01 → 03-21), 1 lost.
        {
          id: 'won',
          owner_rep_id: 'r1',
          amount: '10000',
          stage: 'closed_won',
          status: 'won',
          created_at: '2025-03-01 00:00:00',
          closed_at: '2025-03-21 00:00:00',
        },
        {
          id: 'lost',
          owner_rep_id: 'r1',
          amount: '7000',
          stage: 'closed_lost',
          status: 'lost',
          created_at: '2025-02-01 00:00:00',
          closed_at: '2025-03-22 00:00:00',
        },
      ]);
      const explanation = await explain(store, 'sales_velocity');
      // 3 open × 1 / 2 won × 10,000 = 15,000; ÷ 20 days = 750 a day.
      expect(explanation.kpi.id).toBe('sales_velocity');
      expect(explanation.results).toEqual([
        expect.objectContaining({
          metric: 'sales_velocity',
          numerator: 15000,
          denominator: 20,
          value: 750,
        }),
      ]);
      expect(explanation.contributions).toEqual([]);
      // In the order sales_velocity names them.
      expect(
        explanation.components.map(({ metric, numerator, denominator, value }) => ({
          metric,
          numerator,
          denominator,
          value,
        })),
      ).toEqual([
        { metric: 'open_deals', numerator: null, denominator: null, value: 3 },
        { metric: 'win_rate', numerator: 1, denominator: 2, value: 0.5 },
        { metric: 'average_deal_size', numerator: 10000, denominator: 1, value: 10000 },
        { metric: 'sales_cycle_days', numerator: 20, denominator: 1, value: 20 },
      ]);
    });
  });
});
