import { describe, expect, it } from 'vitest';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { insertRows } from '../../../test/helpers/seed-store.js';
import { withTempDuckDb } from '../../../test/helpers/temp-store.js';
import { readSubscriptionCohorts } from './subscription-cohorts.js';

describe('readSubscriptionCohorts', () => {
  it('counts each monthly cohort’s customers still in their first stretch t whole months after their own acquisition, for every t all of them have reached', async () => {
    await withTempDuckDb(async (store) => {
      const subscriptions = [
        { customer: 'c1', started_at: '2024-01-10', ended_at: null }, // stays
        { customer: 'c2', started_at: '2024-01-15', ended_at: '2024-02-20' }, // past 15 Feb, not 15 Mar: gone by t = 2
        { customer: 'c3', started_at: '2024-01-05', ended_at: '2024-01-25' }, // gone by t = 1
        { customer: 'c4', started_at: '2024-01-31', ended_at: '2024-04-15' }, // 3 months would be 1 May: gone by t = 3
        { customer: 'c5', started_at: '2024-02-10', ended_at: null },
        { customer: 'c6', started_at: '2024-03-10', ended_at: null },
        { customer: 'c7', started_at: '2024-04-03', ended_at: null }, // April: no whole month observed by 1 May
      ];
      await insertRows(
        store,
        'customers',
        subscriptions.map((s) => ({ id: s.customer, created_at: s.started_at })),
      );
      await insertRows(
        store,
        'subscriptions',
        subscriptions.map((s) => ({
          id: `s_${s.customer}`,
          customer_id: s.customer,
          started_at: s.started_at,
          ended_at: s.ended_at,
          mrr: '50',
        })),
      );
      const query = await parseMetricRequest(store, {
        grain: 'month',
        from: '2024-01-01',
        asOf: new Date('2024-05-01T00:00:00Z'),
      });
      // January's last members turn t months old at 1 Feb + t months: t = 3 is reached on 1 May.
      expect(await readSubscriptionCohorts(store, query)).toEqual([
        { cohort: '2024-01', survivors: [4, 3, 2, 1] },
        { cohort: '2024-02', survivors: [1, 1, 1] },
        { cohort: '2024-03', survivors: [1, 1] },
      ]);
    });
  });
});
