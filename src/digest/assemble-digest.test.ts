import { describe, expect, it } from 'vitest';
import { insertHealthScores } from '../../test/helpers/alert-sources.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import { computeMetrics } from '../metrics/compute-metrics.js';
import { parseMetricRequest } from '../metrics/parse-metric-request.js';
import type { Store } from '../store/store.js';
import { assembleDigest } from './assemble-digest.js';

// Wednesday 20 May 2026: new customers and lost deals from 13 May on; last week is 11–17 May.
const DATE = '2026-05-20';

const deal = (id: string, owner: string, amount: number, extra: Record<string, string>) => ({
  id,
  name: `Deal ${id}`,
  owner_rep_id: owner,
  amount: String(amount),
  currency: 'USD',
  created_at: '2026-03-01 00:00:00',
  ...extra,
});

/** Ravi (r1) and Abe (a2) in North under Mira (m1); Bo (b1) in South. */
async function seedCompany(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'm1', name: 'Mira', email: 'mira@example.com', team: 'North', role: 'manager' },
    { id: 'r1', name: 'Ravi', email: 'ravi@example.com', team: 'North', role: 'ae' },
    { id: 'b1', name: 'Bo', email: 'bo@example.com', team: 'South', role: 'ae' },
  ]);
  await insertRows(store, 'customers', [
    { id: 'c1', name: 'Acme', created_at: '2026-05-01 00:00:00', owner_rep_id: 'r1' },
    { id: 'c2', name: 'Bolt', created_at: '2026-05-01 00:00:00', owner_rep_id: 'r1' },
    { id: 'c3', name: 'Cara', created_at: '2026-05-01 00:00:00', owner_rep_id: 'b1' },
  ]);
  await insertRows(store, 'subscriptions', [
    // c1 on 15 May and c3 on 18 May are new; c2 on 10 May is 10 days old, outside the week.
    { id: 's1', customer_id: 'c1', started_at: '2026-05-15 10:00:00', mrr: '100', currency: 'USD' },
    { id: 's2', customer_id: 'c2', started_at: '2026-05-10 10:00:00', mrr: '200', currency: 'USD' },
    { id: 's3', customer_id: 'c3', started_at: '2026-05-18 10:00:00', mrr: '300', currency: 'USD' },
  ]);
  await insertRows(store, 'usage', [
    { customer_id: 'c1', date: '2026-05-16', active_users: 2, events: 40 },
    { customer_id: 'c1', date: '2026-05-19', active_users: 3, events: 55 },
  ]);
  await insertRows(store, 'invoices', [
    {
      id: 'i1',
      customer_id: 'c1',
      issued_at: '2026-05-15 10:00:00',
      amount: '100',
      currency: 'USD',
      status: 'paid',
      paid_at: '2026-05-16 08:00:00',
    },
  ]);
  await insertHealthScores(store, [
    // Bolt has been at risk since the 18th; Acme and Cara crossed on the 19th.
    { as_of: '2026-05-18', customer_id: 'c1', health: 70, at_risk: false },
    { as_of: '2026-05-18', customer_id: 'c2', health: 30, at_risk: true },
    { as_of: '2026-05-18', customer_id: 'c3', health: 75, at_risk: false },
    {
      as_of: '2026-05-19',
      customer_id: 'c1',
      health: 41,
      at_risk: true,
      reasons: [
        { reason: 'no invoice paid', contribution: -20 },
        { reason: 'low usage', contribution: -9 },
        { reason: 'renewal soon', contribution: -4 },
        { reason: 'seat drop', contribution: -2 },
      ],
    },
    { as_of: '2026-05-19', customer_id: 'c2', health: 28, at_risk: true },
    { as_of: '2026-05-19', customer_id: 'c3', health: 35, at_risk: true },
  ]);
  await insertRows(store, 'deals', [
    deal('d1', 'r1', 10_000, {
      stage: 'lost',
      status: 'lost',
      closed_at: '2026-05-15 12:00:00',
      lost_reason: 'price',
      competitor: 'Rival',
    }),
    deal('d2', 'r1', 5_000, {
      stage: 'lost',
      status: 'lost',
      closed_at: '2026-05-18 12:00:00',
      lost_reason: 'price',
    }),
    // Lost on 1 May: before the week.
    deal('d3', 'r1', 9_000, {
      stage: 'lost',
      status: 'lost',
      closed_at: '2026-05-01 12:00:00',
      lost_reason: 'timing',
    }),
    deal('d4', 'b1', 7_000, {
      stage: 'lost',
      status: 'lost',
      closed_at: '2026-05-16 12:00:00',
      lost_reason: 'timing',
    }),
    deal('d5', 'r1', 50_000, {
      stage: 'proposal',
      status: 'open',
      created_at: '2026-04-01 00:00:00',
      expected_close_at: '2026-05-30 00:00:00',
    }),
    deal('d6', 'r1', 20_000, {
      stage: 'demo',
      status: 'open',
      created_at: '2026-04-01 00:00:00',
      expected_close_at: '2026-05-25 00:00:00',
    }),
    // No activity since 20 April: stalled.
    deal('d7', 'r1', 80_000, {
      stage: 'demo',
      status: 'open',
      expected_close_at: '2026-06-30 00:00:00',
    }),
    deal('d8', 'r1', 12_000, { stage: 'won', status: 'won', closed_at: '2026-04-10 12:00:00' }),
    deal('d9', 'b1', 6_000, { stage: 'won', status: 'won', closed_at: '2026-03-10 12:00:00' }),
    deal('d10', 'r1', 4_000, {
      stage: 'lost',
      status: 'lost',
      closed_at: '2026-03-12 12:00:00',
      lost_reason: 'price',
    }),
  ]);
  await insertRows(store, 'activities', [
    { id: 'a1', rep_id: 'r1', kind: 'call', occurred_at: '2026-05-12 10:00:00', deal_id: 'd5' },
    { id: 'a2', rep_id: 'r1', kind: 'demo', occurred_at: '2026-05-19 10:00:00', deal_id: 'd5' },
    { id: 'a3', rep_id: 'r1', kind: 'email', occurred_at: '2026-05-14 10:00:00', deal_id: 'd6' },
    { id: 'a4', rep_id: 'r1', kind: 'call', occurred_at: '2026-04-20 10:00:00', deal_id: 'd7' },
  ]);
}

describe('the daily digest', () => {
  it('lists a rep’s customers at risk, newly at risk first, with the top three reasons and the owner', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      const digest = await assembleDigest(store, { date: DATE, repId: 'r1' });
      expect(digest.audience).toMatchObject({ kind: 'rep', rep_id: 'r1', name: 'Ravi' });
      expect(digest.health_snapshot).toBe('2026-05-19');
      // Cara is Bo's; Acme (41) crossed on the 19th and comes before the less healthy Bolt (28).
      expect(
        digest.at_risk.map((entry) => [entry.customer_id, entry.is_new, entry.owner_name]),
      ).toEqual([
        ['c1', true, 'Ravi'],
        ['c2', false, 'Ravi'],
      ]);
      expect(digest.at_risk[0]?.reasons.map((reason) => reason.reason)).toEqual([
        'no invoice paid',
        'low usage',
        'renewal soon',
      ]);
    });
  });

  it('lists the new customers of the last seven days with their onboarding', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      const company = await assembleDigest(store, { date: DATE });
      expect(company.new_customers).toEqual([
        {
          customer_id: 'c3',
          name: 'Cara',
          owner_rep_id: 'b1',
          owner_name: 'Bo',
          acquired_on: '2026-05-18',
          first_usage_on: null,
          active_users: null,
          first_invoice_paid_at: null,
        },
        {
          customer_id: 'c1',
          name: 'Acme',
          owner_rep_id: 'r1',
          owner_name: 'Ravi',
          acquired_on: '2026-05-15',
          first_usage_on: '2026-05-16',
          // The latest usage day before the digest date, the 19th.
          active_users: 3,
          first_invoice_paid_at: '2026-05-16T08:00:00Z',
        },
      ]);
      const ravis = await assembleDigest(store, { date: DATE, repId: 'r1' });
      expect(ravis.new_customers.map((entry) => entry.customer_id)).toEqual(['c1']);
    });
  });

  it('lists the deals lost in the last seven days and tallies their reasons and competitors', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      const { lost_prospects: lost } = await assembleDigest(store, { date: DATE, repId: 'r1' });
      expect(
        lost.deals.map((row) => [row.id, row.amount, row.lost_reason, row.competitor]),
      ).toEqual([
        ['d1', 10_000, 'price', 'Rival'],
        ['d2', 5_000, 'price', null],
      ]);
      // price: 2 deals, 10,000 + 5,000 = 15,000.
      expect(lost.reasons).toEqual([{ key: 'price', deals: 2, amount: 15_000 }]);
      expect(lost.competitors).toEqual([
        { key: 'Rival', deals: 1, amount: 10_000 },
        { key: 'no competitor named', deals: 1, amount: 5_000 },
      ]);
      const team = await assembleDigest(store, { date: DATE, repId: 'm1' });
      expect(team.audience.kind).toBe('team');
      expect(team.lost_prospects.deals.map((row) => row.id)).toEqual(['d1', 'd2']);
      const company = await assembleDigest(store, { date: DATE });
      expect(company.lost_prospects.reasons).toEqual([
        { key: 'price', deals: 2, amount: 15_000 },
        { key: 'timing', deals: 1, amount: 7_000 },
      ]);
    });
  });

  it('ranks open deals by amount, stage probability, closeness and activity, and lists the stalled ones', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      const { hot_prospects: prospects } = await assembleDigest(store, { date: DATE, repId: 'r1' });
      // No stage probabilities configured: every open deal gets the win rate of the deals closed
      // before the date, 2 won of 7 closed (d1, d2, d3, d4, d8, d9, d10) = 2/7.
      // d5: 50,000 × 2/7 × 0.5^(10/30) × (1 + 0.1 × 2) ≈ 13,606.
      // d6: 20,000 × 2/7 × 0.5^(5/30) × (1 + 0.1 × 1) ≈ 5,600.
      expect(prospects.hot.map((row) => row.id)).toEqual(['d5', 'd6']);
      expect(prospects.hot[0]?.score).toBeCloseTo(50_000 * (2 / 7) * 0.5 ** (10 / 30) * 1.2, 6);
      expect(prospects.hot[1]?.score).toBeCloseTo(20_000 * (2 / 7) * 0.5 ** (5 / 30) * 1.1, 6);
      expect(prospects.hot[0]).toMatchObject({ days_to_close: 10, recent_activities: 2 });
      // d7's last activity, 20 April, is 30 days before the date: more than 14.
      expect(prospects.stalled.map((row) => [row.id, row.last_activity_at])).toEqual([
        ['d7', '2026-04-20T10:00:00Z'],
      ]);
    });
  });

  it('takes every trend from the KPI engine: week over week and month over month', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      const { trends } = await assembleDigest(store, { date: DATE });
      expect(trends.week_of).toBe('2026-05-11');
      expect(trends.month_of).toBe('2026-04-01');
      const winRate = trends.metrics.find((trend) => trend.metric === 'win_rate');
      // April: d8 won, nothing lost = 1/1. March: d9 won, d10 lost = 1/2.
      expect(winRate?.month).toEqual({ current: 1, previous: 0.5, change: 0.5 });
      const [engineApril] = await computeMetrics(
        store,
        await parseMetricRequest(store, {
          metrics: ['win_rate'],
          grain: 'month',
          from: '2026-04-01',
          to: '2026-05-01',
          asOf: new Date(`${DATE}T00:00:00Z`),
        }),
      );
      expect(winRate?.month.current).toBe(engineApril?.value);
      expect(winRate?.monthly).toHaveLength(6);
      // Last week (11–17 May) lost d1 and d4, won nothing: 0/2; the week before had no closed deals.
      expect(winRate?.week).toEqual({ current: 0, previous: null, change: null });
    });
  });

  it('says which command fills health_scores when the store has none yet', async () => {
    await withTempStore(async (store) => {
      const digest = await assembleDigest(store, { date: DATE });
      expect(digest.notes).toEqual([
        'health_scores has never been filled in this store: run `retain risk --store` first.',
      ]);
      expect(digest.at_risk).toEqual([]);
    });
  });
});
