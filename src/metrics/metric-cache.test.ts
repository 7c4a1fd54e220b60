import { describe, expect, it } from 'vitest';
import { FIXTURE_AS_OF } from '../../test/helpers/metrics.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore, writeFixture } from '../../test/helpers/temp-store.js';
import { findEntity } from '../domain/entities/index.js';
import { importFiles } from '../ingest/import-files.js';
import { computeMetrics } from './compute-metrics.js';
import { createMetricCache } from './metric-cache.js';
import { parseMetricRequest } from './parse-metric-request.js';
import type { Store } from '../store/store.js';

/** Customer c1, paying 100 a month in `currency` from 5 January 2024. */
async function seedOneSubscriber(store: Store, currency: string): Promise<void> {
  await insertRows(store, 'customers', [{ id: 'c1', created_at: '2024-01-01 00:00:00' }]);
  await insertRows(store, 'subscriptions', [
    { id: 's1', customer_id: 'c1', started_at: '2024-01-05 00:00:00', mrr: '100', currency },
  ]);
}

describe('the metric cache', () => {
  it('gives the same results as no cache, and sees an import that changed the data', async () => {
    await withTempStore(async (store, dir) => {
      await seedOneSubscriber(store, 'USD');
      const cache = createMetricCache();
      const query = await parseMetricRequest(store, {
        asOf: FIXTURE_AS_OF,
        from: '2024-01-01',
        to: '2024-04-01',
        metrics: ['mrr', 'customers_active', 'clv', 'customer_churn_rate'],
      });
      const uncached = await computeMetrics(store, query);
      expect(await computeMetrics(store, query, cache)).toEqual(uncached);
      // Warm: the same answer from the kept tables.
      expect(await computeMetrics(store, query, cache)).toEqual(uncached);

      // An import bumps the data version, so the cache rebuilds: March MRR now counts c2.
      const customers = await writeFixture(dir, 'customers.csv', 'id,created_at\nc2,2024-02-01\n');
      const subscriptions = await writeFixture(
        dir,
        'subscriptions.csv',
        'id,customer_id,started_at,mrr\ns2,c2,2024-02-10,50\n',
      );
      const entity = (name: string) => {
        const found = findEntity(name);
        if (!found) throw new Error(name);
        return found;
      };
      await importFiles(store, {
        inputs: [
          { entity: entity('customers'), file: customers },
          { entity: entity('subscriptions'), file: subscriptions },
        ],
      });
      const after = await computeMetrics(store, query, cache);
      expect(after).toEqual(await computeMetrics(store, query));
      expect(
        after.find((result) => result.metric === 'mrr' && result.period_start === '2024-03-01')
          ?.value,
      ).toBe(150);
    });
  });

  it('drops the tables of a request that failed half-way, so the next one builds them again', async () => {
    await withTempStore(async (store) => {
      await seedOneSubscriber(store, 'USD');
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ann' }]);
      await insertRows(store, 'deals', [
        {
          id: 'd1',
          customer_id: 'c1',
          owner_rep_id: 'r1',
          stage: 'closed',
          status: 'won',
          amount: '900',
          currency: 'EUR',
          created_at: '2024-01-02 00:00:00',
          closed_at: '2024-01-20 00:00:00',
        },
      ]);
      const cache = createMetricCache();
      const request = (metrics: string[]) =>
        parseMetricRequest(store, {
          asOf: FIXTURE_AS_OF,
          from: '2024-01-01',
          to: '2024-03-01',
          metrics,
        });
      // Customer periods are built before the deals block finds no EUR rate.
      await expect(
        computeMetrics(store, await request(['customer_churn_rate', 'win_rate']), cache),
      ).rejects.toThrow('No exchange rate for EUR');
      const churn = await request(['customer_churn_rate', 'customers_active']);
      expect(await computeMetrics(store, churn, cache)).toEqual(await computeMetrics(store, churn));
    });
  });

  it('builds the tables again once the missing rate is imported', async () => {
    await withTempStore(async (store) => {
      await seedOneSubscriber(store, 'GBP');
      const cache = createMetricCache();
      const query = await parseMetricRequest(store, {
        asOf: FIXTURE_AS_OF,
        from: '2024-01-01',
        to: '2024-02-01',
        metrics: ['mrr'],
      });
      await expect(computeMetrics(store, query, cache)).rejects.toThrow('No exchange rate for GBP');
      await insertRows(store, 'fx_rates', [
        { date: '2023-12-01', currency: 'GBP', rate_to_reporting: '1.25' },
      ]);
      await store.query(`UPDATE settings SET value = '1' WHERE key = 'data_version'`);
      expect((await computeMetrics(store, query, cache))[0]?.value).toBe(125);
    });
  });
});
