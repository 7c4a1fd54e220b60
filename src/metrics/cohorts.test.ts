import { describe, expect, it } from 'vitest';
import { metricsFor } from '../../test/helpers/metrics.js';
import {
  RETENTION_AS_OF,
  REVENUE_COHORTS_BY_SEGMENT,
  seedRetentionFixture,
} from '../../test/helpers/retention-fixture.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import type { Store } from '../store/store.js';
import { computeCohorts, type CohortBasis } from './cohorts.js';
import { parseMetricRequest } from './parse-metric-request.js';

/** January to March 2024, as of 1 April (see test/helpers/retention-fixture.ts). */
async function cohortsFor(store: Store, basis: CohortBasis, by?: string) {
  const query = await parseMetricRequest(store, {
    asOf: RETENTION_AS_OF,
    from: '2024-01-01',
    to: '2024-04-01',
    ...(by === undefined ? {} : { by }),
  });
  return computeCohorts(store, query, basis);
}

describe('computeCohorts', () => {
  it('builds the whole retention matrix by logos and by revenue, past 100 % when a cohort expands', async () => {
    await withTempStore(async (store) => {
      await seedRetentionFixture(store);
      // MRR at the end of the first period: January 100 + 100 + 200 = 400, February 50 + 50 = 100.
      const january = { segment: null, cohort_start: '2024-01-01', customers: 3, base_mrr: 400 };
      const february = { segment: null, cohort_start: '2024-02-01', customers: 2, base_mrr: 100 };
      // Logos: January (a, b, c) 3/3 at the end of Jan, 2/3 at Feb's (b left), 1/3 at March's
      // (c left); February (d, e) 2/2 and 2/2. March acquired no one, so it has no row.
      expect(await cohortsFor(store, 'logos')).toEqual({
        grain: 'month',
        basis: 'logos',
        by: null,
        cohorts: [
          { ...january, retention: [1, 2 / 3, 1 / 3] },
          { ...february, retention: [1, 1] },
        ],
      });
      // Revenue: January 400, then a + c = 100 + 200 = 300 (0.75), then a alone, upgraded to 250
      // (0.625): below its logos share of 1/3 because a grew. February: d + e = 100 throughout.
      expect(await cohortsFor(store, 'revenue')).toEqual({
        grain: 'month',
        basis: 'revenue',
        by: null,
        cohorts: [
          { ...january, retention: [1, 0.75, 0.625] },
          { ...february, retention: [1, 1] },
        ],
      });
    });
  });

  it('gives one matrix per segment value with --by, customers without a value last', async () => {
    await withTempStore(async (store) => {
      await seedRetentionFixture(store);
      // Logos: enterprise (c, January) active at the ends of January and February, gone in March;
      // smb January (a, b) 2/2, then 1/2 twice (b left); smb February (d) and e (no segment) stay.
      // Customers and base MRR are those of the revenue matrix, which the fixture spells out.
      const logos = await cohortsFor(store, 'logos', 'segment');
      const logosRetention = [
        [1, 1, 0],
        [1, 0.5, 0.5],
        [1, 1],
        [1, 1],
      ];
      expect(logos).toEqual({
        grain: 'month',
        basis: 'logos',
        by: 'segment',
        cohorts: REVENUE_COHORTS_BY_SEGMENT.map((row, index) => ({
          ...row,
          retention: logosRetention[index],
        })),
      });
      expect((await cohortsFor(store, 'revenue', 'segment')).cohorts).toEqual(
        REVENUE_COHORTS_BY_SEGMENT,
      );
      // The cohorts are new_customers, segment by segment: one definition of acquisition.
      const newCustomers = await metricsFor(store, {
        metrics: ['new_customers'],
        from: '2024-01-01',
        to: '2024-04-01',
        by: 'segment',
        asOf: RETENTION_AS_OF,
      });
      for (const row of logos.cohorts) {
        expect(
          newCustomers.find(
            (result) => result.segment === row.segment && result.period_start === row.cohort_start,
          )?.value,
        ).toBe(row.customers);
      }
    });
  });

  it('refuses a --by column results cannot be cut by, naming the ones they can', async () => {
    await withTempStore(async (store) => {
      await seedRetentionFixture(store);
      await expect(cohortsFor(store, 'logos', 'colour')).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: '"colour" is not a column results can be cut by.',
        hint: 'Use one of: segment, region, industry, acquisition_channel, owner_rep_id, team, plan.',
      });
    });
  });

  it('reports no MRR base in an orders-only workspace, so revenue retention is null, not 0', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', [
        { id: 'o1', created_at: '2024-01-01 00:00:00' },
        { id: 'o2', created_at: '2024-01-01 00:00:00' },
      ]);
      // Each order keeps its customer active for 365 days: both stay through March.
      await insertRows(store, 'orders', [
        { id: 'x1', customer_id: 'o1', ordered_at: '2024-01-10 00:00:00', amount: '20' },
        { id: 'x2', customer_id: 'o2', ordered_at: '2024-01-20 00:00:00', amount: '30' },
      ]);
      const row = { segment: null, cohort_start: '2024-01-01', customers: 2, base_mrr: null };
      expect((await cohortsFor(store, 'logos')).cohorts).toEqual([
        { ...row, retention: [1, 1, 1] },
      ]);
      expect((await cohortsFor(store, 'revenue')).cohorts).toEqual([
        { ...row, retention: [null, null, null] },
      ]);
    });
  });
});
