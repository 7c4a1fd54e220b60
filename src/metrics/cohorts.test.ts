import { describe, expect, it } from 'vitest';
import { FIXTURE_AS_OF } from '../../test/helpers/metrics.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import type { Store } from '../store/store.js';
import { computeCohorts } from './cohorts.js';
import { parseMetricRequest } from './parse-metric-request.js';
import { computeSurvival } from './survival.js';

async function seed(store: Store) {
  await insertRows(
    store,
    'customers',
    ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, created_at: '2024-01-01 00:00:00' })),
  );
  await insertRows(store, 'subscriptions', [
    // January cohort: a stays and grows, b leaves in February, c leaves in March.
    { id: 'a', customer_id: 'a', started_at: '2024-01-05 00:00:00', mrr: '100', currency: 'USD' },
    {
      id: 'b',
      customer_id: 'b',
      started_at: '2024-01-10 00:00:00',
      ended_at: '2024-02-15 00:00:00',
      mrr: '100',
      currency: 'USD',
    },
    {
      id: 'c',
      customer_id: 'c',
      started_at: '2024-01-20 00:00:00',
      ended_at: '2024-03-15 00:00:00',
      mrr: '200',
      currency: 'USD',
    },
    // February cohort: d and e, both stay.
    { id: 'd', customer_id: 'd', started_at: '2024-02-03 00:00:00', mrr: '50', currency: 'USD' },
    { id: 'e', customer_id: 'e', started_at: '2024-02-04 00:00:00', mrr: '50', currency: 'USD' },
  ]);
  await insertRows(store, 'subscription_changes', [
    { id: 'up', subscription_id: 'a', effective_at: '2024-03-01 00:00:00', mrr: '250' },
  ]);
}

describe('cohorts and survival', () => {
  it('builds the retention matrix by logos and by revenue', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      const query = await parseMetricRequest(store, {
        asOf: FIXTURE_AS_OF,
        from: '2024-01-01',
        to: '2024-04-01',
      });
      // January (3 customers): end of Jan 3/3, Feb 2/3, Mar 1/3. February (2): 2/2, 2/2.
      expect((await computeCohorts(store, query, 'logos')).cohorts).toEqual([
        { cohort: '2024-01-01', customers: 3, base: 3, retention: [1, 2 / 3, 1 / 3] },
        { cohort: '2024-02-01', customers: 2, base: 2, retention: [1, 1] },
        // March: no one acquired, so no row.
      ]);
      // January MRR at the end of January: 100 + 100 + 200 = 400; Feb: 100 + 200 = 300; Mar: 250.
      expect((await computeCohorts(store, query, 'revenue')).cohorts[0]).toEqual({
        cohort: '2024-01-01',
        customers: 3,
        base: 400,
        retention: [1, 0.75, 0.625],
      });
    });
  });

  it('estimates tenure survival, censoring customers still active at the as-of date', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      const query = await parseMetricRequest(store, {
        asOf: new Date('2024-04-01T00:00:00Z'),
        from: '2024-01-01',
        grain: 'year',
      });
      const report = await computeSurvival(store, query);
      // b lasted 36 days, c 55 days; a, d, e are censored. At b's end 5 are at risk, at c's 4.
      expect(report).toMatchObject({ customers: 5, events: 2, censored: 3, median: null });
      expect(
        report.points.map((point) => [
          point.time,
          point.atRisk,
          Number(point.survival.toFixed(12)),
        ]),
      ).toEqual([
        [36, 5, 0.8],
        // 0.8 × (1 − 1/4)
        [55, 4, 0.6],
      ]);
    });
  });
});
