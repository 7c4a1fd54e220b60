import { describe, expect, it } from 'vitest';
import { metricFor, metricsFor } from '../../test/helpers/metrics.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import { RetainError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { MetricResult } from './compute-metrics.js';
import { findEmptyFilters } from './dimensions.js';

const MARCH = { grain: 'month', from: '2025-03-01', to: '2025-04-01' } as const;

/**
 * Six customers, all paying $100 since 2025-01-01, so each is active at the
 * end of March:
 *
 * | id | segment    | region | owner (team) | contract_type (imported extra) |
 * | c1 | smb        | eu     | r1 (east)    | annual                         |
 * | c2 | smb        | us     | r2 (west)    | monthly                        |
 * | c3 | mid        | eu     | r1 (east)    | annual                         |
 * | c4 | mid        | us     | r2 (west)    | —                              |
 * | c5 | enterprise | eu     | r2 (west)    | —                              |
 * | c6 | o'neil     | eu     | —            | —                              |
 */
async function seedCustomers(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'r1', name: 'Ana', team: 'east' },
    { id: 'r2', name: 'Ben', team: 'west' },
  ]);
  const created_at = '2024-12-01 00:00:00';
  await insertRows(store, 'customers', [
    {
      id: 'c1',
      created_at,
      segment: 'smb',
      region: 'eu',
      owner_rep_id: 'r1',
      contract_type: 'annual',
    },
    {
      id: 'c2',
      created_at,
      segment: 'smb',
      region: 'us',
      owner_rep_id: 'r2',
      contract_type: 'monthly',
    },
    {
      id: 'c3',
      created_at,
      segment: 'mid',
      region: 'eu',
      owner_rep_id: 'r1',
      contract_type: 'annual',
    },
    { id: 'c4', created_at, segment: 'mid', region: 'us', owner_rep_id: 'r2' },
    { id: 'c5', created_at, segment: 'enterprise', region: 'eu', owner_rep_id: 'r2' },
    { id: 'c6', created_at, segment: "o'neil", region: 'eu' },
  ]);
  await insertRows(
    store,
    'subscriptions',
    ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((customer) => ({
      id: `s-${customer}`,
      customer_id: customer,
      started_at: '2025-01-01 00:00:00',
      mrr: '100',
    })),
  );
}

const activeWhere = async (store: Store, where: readonly string[]) =>
  (await metricFor(store, 'customers_active', { ...MARCH, where })).value;

const bySegment = (results: readonly MetricResult[]) =>
  new Map(results.map((result) => [result.segment, result.value]));

describe('--where and --by', () => {
  it('reads two values of one column as alternatives', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      // segment smb (c1, c2) or mid (c3, c4) = 4.
      expect(await activeWhere(store, ['segment=smb', 'segment=mid'])).toBe(4);
    });
  });

  it('combines filters on two columns', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      // smb and eu: c1 = 1.
      expect(await activeWhere(store, ['segment=smb', 'region=eu'])).toBe(1);
      // (smb or mid) and eu: c1, c3 = 2.
      expect(await activeWhere(store, ['segment=smb', 'region=eu', 'segment=mid'])).toBe(2);
    });
  });

  it('breaks a result down by a column, one result per value under segment', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      const results = await metricsFor(store, {
        ...MARCH,
        metrics: ['customers_active'],
        by: 'segment',
      });
      // smb: c1, c2. mid: c3, c4. enterprise: c5. o'neil: c6.
      expect(bySegment(results)).toEqual(
        new Map([
          ['smb', 2],
          ['mid', 2],
          ['enterprise', 1],
          ["o'neil", 1],
        ]),
      );
      for (const result of results) {
        expect(result).toMatchObject({ metric: 'customers_active', period_start: '2025-03-01' });
      }
    });
  });

  it('filters and breaks down by an imported extra attribute', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      // contract_type=annual: c1, c3 = 2.
      expect(await activeWhere(store, ['contract_type=annual'])).toBe(2);
      // annual and smb: c1 = 1.
      expect(await activeWhere(store, ['contract_type=annual', 'segment=smb'])).toBe(1);
      const results = bySegment(
        await metricsFor(store, { ...MARCH, metrics: ['customers_active'], by: 'contract_type' }),
      );
      // annual: c1, c3. monthly: c2.
      expect(results.get('annual')).toBe(2);
      expect(results.get('monthly')).toBe(1);
    });
  });

  it('reaches team through the owner rep: the customer’s for customer KPIs, the deal’s for deal KPIs', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      // Customers owned by r1 (east): c1, c3 = 2; by r2 (west): c2, c4, c5 = 3.
      expect(await activeWhere(store, ['team=east'])).toBe(2);
      expect(await activeWhere(store, ['team=west'])).toBe(3);
      const deal = (id: string, owner: string, status: 'won' | 'lost', customer: string) => ({
        id,
        owner_rep_id: owner,
        amount: '1000',
        stage: `closed_${status}`,
        status,
        created_at: '2025-02-01 00:00:00',
        closed_at: '2025-03-10 00:00:00',
        customer_id: customer,
      });
      await insertRows(store, 'deals', [
        // r1 (east) sells to west's customers: the deal's owner decides its team.
        deal('d1', 'r1', 'won', 'c2'),
        deal('d2', 'r1', 'lost', 'c4'),
        deal('d3', 'r2', 'won', 'c1'),
        deal('d4', 'r2', 'won', 'c3'),
        deal('d5', 'r2', 'won', 'c3'),
        deal('d6', 'r2', 'lost', 'c1'),
      ]);
      const results = await metricsFor(store, { ...MARCH, metrics: ['win_rate'], by: 'team' });
      const byTeam = new Map(results.map((result) => [result.segment, result]));
      // east (r1): d1 won, d2 lost = 1 / 2. west (r2): 3 won of 4 = 0.75.
      expect(byTeam.get('east')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
      expect(byTeam.get('west')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    });
  });

  it('gives deal KPIs no customer slice: lost deals rarely name a customer, so the rate would be biased', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      await insertRows(store, 'deals', [
        {
          id: 'won-smb',
          owner_rep_id: 'r1',
          amount: '1000',
          stage: 'closed_won',
          status: 'won',
          created_at: '2025-02-01 00:00:00',
          closed_at: '2025-03-10 00:00:00',
          customer_id: 'c1',
        },
        // A prospect's lost deal: no customer to take a segment from.
        {
          id: 'lost-prospect',
          owner_rep_id: 'r1',
          amount: '1000',
          stage: 'closed_lost',
          status: 'lost',
          created_at: '2025-02-01 00:00:00',
          closed_at: '2025-03-12 00:00:00',
        },
      ]);
      // Overall 1 won of 2; "segment=smb" would have read 1 of 1 = 100 %.
      expect(await metricFor(store, 'win_rate', MARCH)).toMatchObject({ value: 0.5 });
      for (const metric of [
        'win_rate',
        'average_deal_size',
        'sales_velocity',
        'weighted_pipeline',
      ]) {
        expect(await metricFor(store, metric, { ...MARCH, where: ['segment=smb'] })).toMatchObject({
          value: null,
          numerator: null,
          denominator: null,
        });
      }
      // The owner's slices still apply: r1 owns both.
      expect(
        await metricFor(store, 'win_rate', { ...MARCH, where: ['owner_rep_id=r1'] }),
      ).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    });
  });

  it('takes the plan a customer pays for at the as-of date: after plan changes, the main plan over an add-on', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'customers', [
        { id: 'mover', created_at: '2024-12-01 00:00:00' },
        { id: 'with-addon', created_at: '2024-12-01 00:00:00' },
        { id: 'gone', created_at: '2024-12-01 00:00:00' },
      ]);
      await insertRows(store, 'subscriptions', [
        {
          id: 's-mover',
          customer_id: 'mover',
          plan: 'growth',
          started_at: '2025-01-01 00:00:00',
          mrr: '100',
        },
        {
          id: 's-main',
          customer_id: 'with-addon',
          plan: 'business',
          started_at: '2025-01-01 00:00:00',
          mrr: '500',
        },
        // Started later than the main plan, but smaller: the main plan names the customer.
        {
          id: 's-addon',
          customer_id: 'with-addon',
          plan: 'analytics_addon',
          started_at: '2025-02-01 00:00:00',
          mrr: '50',
        },
        {
          id: 's-gone',
          customer_id: 'gone',
          plan: 'starter',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-03-20 00:00:00',
          mrr: '30',
        },
      ]);
      // mover upgrades to business on 2025-03-15.
      await insertRows(store, 'subscription_changes', [
        {
          id: 'ch1',
          subscription_id: 's-mover',
          effective_at: '2025-03-15 00:00:00',
          mrr: '400',
          plan: 'business',
        },
      ]);
      const plans = async (asOf: string) =>
        bySegment(
          await metricsFor(store, {
            grain: 'month',
            from: '2025-02-01',
            to: '2025-03-01',
            metrics: ['customers_active'],
            by: 'plan',
            asOf: new Date(asOf),
          }),
        );
      // As of 2025-06-30: mover and with-addon are on business; gone paid for starter last.
      // February's actives by that plan: business 2, starter 1.
      expect(await plans('2025-06-30T00:00:00Z')).toEqual(
        new Map([
          ['business', 2],
          ['starter', 1],
        ]),
      );
      // As of 2025-03-01, before the upgrade, mover is still on growth.
      expect(await plans('2025-03-01T00:00:00Z')).toEqual(
        new Map([
          ['business', 1],
          ['growth', 1],
          ['starter', 1],
        ]),
      );
    });
  });

  it('refuses an unknown column with a RetainError that names the known columns', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      for (const request of [{ where: ['colour=red'] }, { by: 'colour' }]) {
        const error = await metricFor(store, 'customers_active', { ...MARCH, ...request }).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(RetainError);
        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
        expect((error as RetainError).message).toContain('colour');
        const hint = (error as RetainError).hint ?? '';
        for (const column of [
          'segment',
          'region',
          'industry',
          'acquisition_channel',
          'owner_rep_id',
          'team',
          'plan',
          'contract_type',
        ]) {
          expect(hint).toContain(column);
        }
      }
    });
  });

  it('finds the filter values no row has, with the values there are', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      await insertRows(store, 'subscription_changes', [
        {
          id: 'up',
          subscription_id: 's-c1',
          effective_at: '2025-02-01 00:00:00',
          mrr: '200',
          plan: 'pro',
        },
      ]);
      const filters = [
        // Present: a customer column, a rep's team, a plan set only by a change, an attribute.
        { column: 'segment', value: 'smb' },
        { column: 'team', value: 'east' },
        { column: 'plan', value: 'pro' },
        { column: 'contract_type', value: 'annual' },
        // Absent.
        { column: 'segment', value: 'SMB' },
        { column: 'team', value: 'north' },
        { column: 'industry', value: 'retail' },
      ];
      expect(await findEmptyFilters(store, filters)).toEqual([
        {
          filter: { column: 'segment', value: 'SMB' },
          hint: 'Values match exactly: did you mean segment=smb?',
        },
        { filter: { column: 'team', value: 'north' }, hint: 'Known values: east, west.' },
        { filter: { column: 'industry', value: 'retail' }, hint: 'No row has any industry yet.' },
      ]);
    });
  });

  it('passes values as parameters, so a value with a quote matches exactly and injects nothing', async () => {
    await withTempStore(async (store) => {
      await seedCustomers(store);
      // c6's segment is o'neil.
      expect(await activeWhere(store, ["segment=o'neil"])).toBe(1);
      // Built into SQL text this would read segment IN ('smb' OR '1'='1') and match all 6.
      expect(await activeWhere(store, ["segment=smb' OR '1'='1"])).toBe(0);
    });
  });
});
