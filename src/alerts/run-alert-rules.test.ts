import { describe, expect, it } from 'vitest';
import { insertHealthScores, insertTrackerHits } from '../../test/helpers/alert-sources.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import type { Store } from '../store/store.js';
import { readAlerts } from './alert-log.js';
import { runAlertRules } from './run-alert-rules.js';

// Wednesday 20 May 2026, 09:00 UTC.
const AS_OF = new Date('2026-05-20T00:00:00Z');
const NOW = new Date('2026-05-20T09:00:00Z');

async function seedBook(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'm1', name: 'Mira', email: 'mira@example.com', team: 'North', role: 'manager' },
    {
      id: 'r1',
      name: 'Ravi',
      email: 'ravi@example.com',
      team: 'North',
      role: 'ae',
      manager_id: 'm1',
    },
  ]);
  await insertRows(store, 'customers', [
    { id: 'c1', name: 'Acme', created_at: '2025-01-01 00:00:00', owner_rep_id: 'r1' },
    { id: 'c2', name: 'Bolt', created_at: '2025-01-01 00:00:00', owner_rep_id: 'r1' },
    { id: 'c3', name: 'Cara', created_at: '2025-01-01 00:00:00', owner_rep_id: 'm1' },
  ]);
}

const subscription = (id: string, customer: string, started: string, extra = {}) => ({
  id,
  customer_id: customer,
  started_at: `${started} 00:00:00`,
  mrr: '100',
  currency: 'USD',
  ...extra,
});

const card = (id: string, customer: string, month: number, year: number) => ({
  id,
  customer_id: customer,
  kind: 'card',
  exp_month: month,
  exp_year: year,
  is_default: true,
});

describe('alert rules', () => {
  it('raises one alert when a customer crosses into at-risk, and none on a second run', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      // c1 goes from healthy (72) to at risk (38); c2 was already at risk in both snapshots.
      await insertHealthScores(store, [
        { as_of: '2026-05-18', customer_id: 'c1', health: 72, at_risk: false },
        { as_of: '2026-05-18', customer_id: 'c2', health: 30, at_risk: true },
        {
          as_of: '2026-05-19',
          customer_id: 'c1',
          health: 38,
          at_risk: true,
          reasons: [
            { reason: 'usage down 40 %', contribution: -18 },
            { reason: 'failed invoice', contribution: -9 },
            { reason: 'renewal in 45 days', contribution: -3 },
          ],
        },
        { as_of: '2026-05-19', customer_id: 'c2', health: 28, at_risk: true },
      ]);
      const first = await runAlertRules(store, { asOf: AS_OF, now: NOW });
      expect(first.raised).toHaveLength(1);
      expect(first.raised[0]).toMatchObject({
        kind: 'at_risk',
        subject_kind: 'customer',
        subject_id: 'c1',
        assignee_rep_id: 'r1',
        state: 'open',
        title: 'Acme is at risk (health 38)',
        task: 'Call Acme about usage down 40 % (−18.0), failed invoice (−9.0).',
        // Wednesday + 2 working days.
        task_due: '2026-05-22',
        as_of: '2026-05-20',
      });
      const second = await runAlertRules(store, { asOf: AS_OF, now: NOW });
      expect(second.raised).toEqual([]);
      expect(second.found).toBe(1);
      expect(await readAlerts(store)).toHaveLength(1);
    });
  });

  it('stays quiet while a customer stays at risk, and alerts again after it recovers and crosses anew', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      await insertHealthScores(store, [
        { as_of: '2026-05-10', customer_id: 'c1', health: 70, at_risk: false },
        { as_of: '2026-05-11', customer_id: 'c1', health: 35, at_risk: true },
      ]);
      const crossed = await runAlertRules(store, {
        asOf: new Date('2026-05-11T12:00:00Z'),
        now: NOW,
      });
      expect(crossed.raised.map((alert) => alert.subject_id)).toEqual(['c1']);
      // Still at risk on the 12th: no new crossing.
      await insertHealthScores(store, [
        { as_of: '2026-05-12', customer_id: 'c1', health: 33, at_risk: true },
      ]);
      expect(
        (await runAlertRules(store, { asOf: new Date('2026-05-12T12:00:00Z'), now: NOW })).raised,
      ).toEqual([]);
      // Recovers on the 13th, at risk again on the 14th, with no run in between: a new stretch
      // that began (on the 14th) after the snapshot the previous run saw (the 12th).
      await insertHealthScores(store, [
        { as_of: '2026-05-13', customer_id: 'c1', health: 60, at_risk: false },
        { as_of: '2026-05-14', customer_id: 'c1', health: 31, at_risk: true },
      ]);
      const again = await runAlertRules(store, {
        asOf: new Date('2026-05-14T12:00:00Z'),
        now: NOW,
      });
      expect(again.raised.map((alert) => alert.dedupe_key)).toEqual(['at_risk:c1:2026-05-14']);
    });
  });

  it('catches a crossing in a snapshot written between two runs', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      await insertHealthScores(store, [
        { as_of: '2026-05-10', customer_id: 'c1', health: 70, at_risk: false },
      ]);
      await runAlertRules(store, { asOf: new Date('2026-05-10T12:00:00Z'), now: NOW });
      // Crossed on the 11th and still at risk on the 12th, but no run saw the 11th.
      await insertHealthScores(store, [
        { as_of: '2026-05-11', customer_id: 'c1', health: 35, at_risk: true },
        { as_of: '2026-05-12', customer_id: 'c1', health: 34, at_risk: true },
      ]);
      const run = await runAlertRules(store, { asOf: new Date('2026-05-12T12:00:00Z'), now: NOW });
      expect(run.raised.map((alert) => alert.subject_id)).toEqual(['c1']);
    });
  });

  it('says which command fills health_scores and tracker_hits when they do not exist yet', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      const run = await runAlertRules(store, { asOf: AS_OF, now: NOW });
      expect(run.skipped).toEqual([
        'At-risk crossings: health_scores has never been filled in this store: run `retain risk --store` first.',
        'Tracker hits: tracker_hits has never been filled in this store: run `retain trackers scan` first.',
      ]);
      expect(run.raised).toEqual([]);
    });
  });

  it('alerts when the default card lapses before the next charge, on a monthly and an annual plan', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      await insertRows(store, 'customers', [
        { id: 'c4', name: 'Dune', created_at: '2024-01-01 00:00:00', owner_rep_id: 'r1' },
        { id: 'c5', name: 'Echo', created_at: '2024-01-01 00:00:00', owner_rep_id: 'r1' },
      ]);
      await insertRows(store, 'subscriptions', [
        // Monthly from 15 Jan: next charge 15 June 2026.
        subscription('s1', 'c1', '2026-01-15', { billing_interval: 'month' }),
        subscription('s2', 'c2', '2026-01-15', { billing_interval: 'month' }),
        // Annual from 10 Sep 2024: next charge 10 Sep 2026.
        subscription('s3', 'c3', '2024-09-10', { billing_interval: 'year' }),
        subscription('s4', 'c4', '2024-09-10', { billing_interval: 'year' }),
        // Ended in April: no longer paying, so its lapsing card does not matter.
        subscription('s5', 'c5', '2026-01-15', { ended_at: '2026-04-15 00:00:00' }),
      ]);
      await insertRows(store, 'payment_methods', [
        card('p1', 'c1', 5, 2026), // works through 31 May < 15 June: alert
        card('p2', 'c2', 6, 2026), // works through 30 June ≥ 15 June: fine
        card('p3', 'c3', 8, 2026), // works through 31 Aug < 10 Sep: alert
        card('p4', 'c4', 9, 2026), // works through 30 Sep ≥ 10 Sep: fine
        card('p5', 'c5', 5, 2026),
      ]);
      const run = await runAlertRules(store, { asOf: AS_OF, now: NOW });
      expect(
        run.raised.map((alert) => [alert.subject_id, alert.detail.next_charge, alert.task_due]),
      ).toEqual([
        // Wednesday 20 May + 7 working days = Friday 29 May.
        ['c1', '2026-06-15', '2026-05-29'],
        ['c3', '2026-09-10', '2026-05-29'],
      ]);
      expect(run.raised[0]?.title).toBe(
        "Acme's card expires 05/2026, before the next charge on 2026-06-15",
      );
      expect(run.raised[1]?.assignee_rep_id).toBe('m1');
      expect((await runAlertRules(store, { asOf: AS_OF, now: NOW })).raised).toEqual([]);
    });
  });

  it('says a card has expired when it lapsed before the as-of date and the customer still pays', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      await insertRows(store, 'subscriptions', [
        subscription('s1', 'c1', '2026-01-15', { billing_interval: 'month' }),
      ]);
      // 04/2026 lapsed on 1 May, before 20 May; the next charge is 15 June.
      await insertRows(store, 'payment_methods', [card('p1', 'c1', 4, 2026)]);
      const run = await runAlertRules(store, { asOf: AS_OF, now: NOW });
      expect(run.raised.map((alert) => alert.title)).toEqual([
        "Acme's card expired 04/2026; the next charge is on 2026-06-15",
      ]);
    });
  });

  it('alerts once per conversation and tracker when a tracker fires on a customer', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      await insertTrackerHits(store, [
        // Two phrases of one tracker in one call: one alert.
        {
          conversation_id: 'v1',
          tracker: 'cancel intent',
          phrase: 'cancel',
          speaker: 'Customer',
          snippet: 'we might cancel next month',
          occurred_at: '2026-05-19 15:00:00',
          customer_id: 'c1',
          rep_id: 'r1',
        },
        {
          conversation_id: 'v1',
          tracker: 'cancel intent',
          phrase: 'switch',
          snippet: 'thinking of switching to Rival',
          occurred_at: '2026-05-19 15:02:00',
          customer_id: 'c1',
          rep_id: 'r1',
        },
        // A prospect call (no customer) is not a customer alert.
        {
          conversation_id: 'v2',
          tracker: 'cancel intent',
          phrase: 'cancel',
          snippet: 'cancel the meeting',
          occurred_at: '2026-05-19 16:00:00',
          rep_id: 'r1',
        },
        // Weeks before the look-back window of a first run (7 days before 20 May).
        {
          conversation_id: 'v3',
          tracker: 'cancel intent',
          phrase: 'cancel',
          snippet: 'cancel',
          occurred_at: '2026-04-01 10:00:00',
          customer_id: 'c2',
        },
      ]);
      const run = await runAlertRules(store, { asOf: AS_OF, now: NOW });
      expect(run.raised).toHaveLength(1);
      expect(run.raised[0]).toMatchObject({
        kind: 'tracker_fired',
        subject_id: 'c1',
        assignee_rep_id: 'r1',
        title: '"cancel intent" came up with Acme: "cancel", "switch"',
        // Wednesday + 3 working days = Monday 25 May.
        task_due: '2026-05-25',
      });
      expect((await runAlertRules(store, { asOf: AS_OF, now: NOW })).raised).toEqual([]);
    });
  });

  it('alerts when a goal is off track, assigned to the rep or the team’s manager', async () => {
    await withTempStore(async (store) => {
      await seedBook(store);
      // May 2026 has 31 days; by 20 May 19 are gone. Nothing won yet: projected 0 against 50,000
      // (rep goal) and 120,000 (team goal), both under 90 % of target, so off track.
      await insertRows(store, 'goals', [
        {
          id: 'g1',
          metric: 'won_revenue',
          scope: 'rep',
          scope_id: 'r1',
          period_start: '2026-05-01',
          period_end: '2026-06-01',
          target: '50000',
        },
        {
          id: 'g2',
          metric: 'won_revenue',
          scope: 'team',
          scope_id: 'North',
          period_start: '2026-05-01',
          period_end: '2026-06-01',
          target: '120000',
        },
      ]);
      const run = await runAlertRules(store, { asOf: AS_OF, now: NOW });
      expect(
        run.raised.map((alert) => [alert.subject_id, alert.assignee_rep_id, alert.task_due]),
      ).toEqual([
        // Wednesday + 5 working days = Wednesday 27 May.
        ['g1', 'r1', '2026-05-27'],
        ['g2', 'm1', '2026-05-27'],
      ]);
      expect(run.raised[0]?.title).toBe(
        'Goal won_revenue (rep r1) is off track: projected 0 against 50,000',
      );
      expect((await runAlertRules(store, { asOf: AS_OF, now: NOW })).raised).toEqual([]);
    });
  });
});
