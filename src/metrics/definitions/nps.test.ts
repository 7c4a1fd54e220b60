import { describe, expect, it } from 'vitest';
import { metricFor, metricsFor } from '../../../test/helpers/metrics.js';
import { insertRows, times } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import type { Store } from '../../store/store.js';

const MARCH = { grain: 'month', from: '2025-03-01', to: '2025-04-01' } as const;

/** One response per score, all from customer c1 unless a customer is given. */
async function seedResponses(
  store: Store,
  responses: readonly { score: number; at?: string; customer?: string }[],
): Promise<void> {
  const customers = [...new Set(responses.map((response) => response.customer ?? 'c1'))];
  await insertRows(
    store,
    'customers',
    customers.map((id) => ({ id, created_at: '2024-01-01 00:00:00' })),
  );
  await insertRows(
    store,
    'nps_responses',
    responses.map((response, index) => ({
      id: `r${index}`,
      customer_id: response.customer ?? 'c1',
      responded_at: response.at ?? '2025-03-10 12:00:00',
      score: response.score,
    })),
  );
}

describe('nps', () => {
  it('30 % promoters and 20 % detractors gives NPS +10', async () => {
    await withTempStore(async (store) => {
      await seedResponses(store, [
        // 6 promoters (9 and 10), 10 passives (7 and 8), 4 detractors (0 to 6) of 20.
        ...times(3, () => ({ score: 9 })),
        ...times(3, () => ({ score: 10 })),
        ...times(5, () => ({ score: 7 })),
        ...times(5, () => ({ score: 8 })),
        { score: 0 },
        { score: 3 },
        { score: 6 },
        { score: 6 },
      ]);
      // 6 / 20 = 30 % promoters, 4 / 20 = 20 % detractors: 30 − 20 = +10.
      // Numerator 6 − 4 = 2, denominator 20, value 100 × 2 / 20 = 10.
      expect(await metricFor(store, 'nps', MARCH)).toEqual({
        metric: 'nps',
        period_start: '2025-03-01',
        period_end: '2025-04-01',
        value: 10,
        numerator: 2,
        denominator: 20,
        unit: 'score',
        segment: null,
      });
    });
  });

  it('counts every response in the period, several from one customer included', async () => {
    await withTempStore(async (store) => {
      await seedResponses(store, [
        { score: 10, customer: 'c1', at: '2025-03-02 00:00:00' },
        { score: 10, customer: 'c1', at: '2025-03-20 00:00:00' },
        { score: 2, customer: 'c2', at: '2025-03-21 00:00:00' },
      ]);
      // Promoters 2, detractors 1, responses 3: 100 × (2 − 1) / 3 = 33.33.
      const nps = await metricFor(store, 'nps', MARCH);
      expect(nps).toMatchObject({ numerator: 1, denominator: 3 });
      expect(nps.value).toBeCloseTo(100 / 3, 9);
    });
  });

  it('puts a response stamped exactly at a period boundary in the period it opens', async () => {
    await withTempStore(async (store) => {
      await seedResponses(store, [
        { score: 10, at: '2025-03-31 23:59:59' },
        { score: 0, at: '2025-04-01 00:00:00' },
      ]);
      const [march, april] = await metricsFor(store, {
        grain: 'month',
        from: '2025-03-01',
        to: '2025-05-01',
        metrics: ['nps'],
      });
      // March: one promoter of 1 = +100. April: one detractor of 1 = −100.
      expect(march).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
      expect(april).toMatchObject({ numerator: -1, denominator: 1, value: -100 });
    });
  });

  it('reads 7 and 8 as passives and is null without responses', async () => {
    await withTempStore(async (store) => {
      await seedResponses(store, [
        { score: 7 },
        { score: 8 },
        // February: outside March.
        { score: 10, at: '2025-02-28 12:00:00' },
      ]);
      const [february, march, april] = await metricsFor(store, {
        grain: 'month',
        from: '2025-02-01',
        to: '2025-05-01',
        metrics: ['nps'],
      });
      expect(february).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
      // Two passives: 100 × (0 − 0) / 2 = 0.
      expect(march).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
      // No responses: 0 / 0 → null.
      expect(april).toMatchObject({ numerator: 0, denominator: 0, value: null });
    });
  });
});
