import { describe, expect, it } from 'vitest';
import { metricFor, metricsFor } from '../../../test/helpers/metrics.js';
import { insertRows, times, type FixtureRow } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import type { MetricResult } from '../compute-metrics.js';

const MARCH = { grain: 'month', from: '2025-03-01', to: '2025-04-01' } as const;
const FEBRUARY_TO_APRIL = { grain: 'month', from: '2025-02-01', to: '2025-05-01' } as const;

type Activity = {
  id: string;
  rep?: string;
  kind: 'call' | 'email' | 'meeting' | 'demo' | 'note';
  at: string;
  direction?: 'outbound' | 'inbound';
  outcome?: string;
  lead?: string;
};

function activityRows(activities: readonly Activity[]): FixtureRow[] {
  return activities.map((activity) => ({
    id: activity.id,
    rep_id: activity.rep ?? 'r1',
    kind: activity.kind,
    occurred_at: activity.at,
    direction: activity.direction,
    outcome: activity.outcome,
    lead_id: activity.lead,
  }));
}

function byMetric(results: readonly MetricResult[]): Map<string, MetricResult> {
  return new Map(results.map((result) => [result.metric, result]));
}

describe('potential_new_clients_contacted', () => {
  it('counts a lead only in the period of its first outbound contact ever, and not once it is a customer', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
      await insertRows(store, 'customers', [
        { id: 'c4', created_at: '2025-01-01 00:00:00' },
        { id: 'c5', created_at: '2025-01-01 00:00:00' },
        { id: 'c7', created_at: '2025-01-01 00:00:00' },
      ]);
      await insertRows(store, 'subscriptions', [
        // c4 was acquired 02-01, before its lead was first contacted (03-10).
        { id: 's4', customer_id: 'c4', started_at: '2025-02-01 00:00:00', mrr: '100' },
        // c5's record is older than the contact, but it first paid on 03-20, after it.
        { id: 's5', customer_id: 'c5', started_at: '2025-03-20 00:00:00', mrr: '100' },
        // c7 was in trial at the contact (pays from 04-01): not yet a customer.
        {
          id: 's7',
          customer_id: 'c7',
          started_at: '2025-02-01 00:00:00',
          trial_ends_at: '2025-04-01 00:00:00',
          mrr: '100',
        },
      ]);
      await insertRows(
        store,
        'leads',
        ['L1', 'L2', 'L3', 'L4', 'L5', 'L7', 'L9'].map((id) => ({
          id,
          created_at: '2025-01-01 00:00:00',
          converted_customer_id: { L4: 'c4', L5: 'c5', L7: 'c7' }[id],
        })),
      );
      await insertRows(
        store,
        'activities',
        activityRows([
          { id: 'a1', lead: 'L1', kind: 'call', direction: 'outbound', at: '2025-03-05 10:00:00' },
          // L2 was first contacted in February: a March call is a follow-up.
          {
            id: 'a2a',
            lead: 'L2',
            kind: 'email',
            direction: 'outbound',
            at: '2025-02-20 10:00:00',
          },
          { id: 'a2b', lead: 'L2', kind: 'call', direction: 'outbound', at: '2025-03-03 10:00:00' },
          // An inbound call and an outbound note are not outbound contacts.
          { id: 'a3a', lead: 'L3', kind: 'call', direction: 'inbound', at: '2025-02-10 10:00:00' },
          { id: 'a3b', lead: 'L3', kind: 'note', direction: 'outbound', at: '2025-02-11 10:00:00' },
          { id: 'a3c', lead: 'L3', kind: 'call', direction: 'outbound', at: '2025-03-12 10:00:00' },
          { id: 'a4', lead: 'L4', kind: 'call', direction: 'outbound', at: '2025-03-10 10:00:00' },
          { id: 'a5', lead: 'L5', kind: 'call', direction: 'outbound', at: '2025-03-10 10:00:00' },
          { id: 'a7', lead: 'L7', kind: 'demo', direction: 'outbound', at: '2025-03-10 10:00:00' },
          // Not about a lead.
          { id: 'a8', kind: 'call', direction: 'outbound', at: '2025-03-10 11:00:00' },
          // Exactly at April's first instant: an April contact.
          { id: 'a9', lead: 'L9', kind: 'email', direction: 'outbound', at: '2025-04-01 00:00:00' },
        ]),
      );
      const [february, march, april] = await metricsFor(store, {
        ...FEBRUARY_TO_APRIL,
        metrics: ['potential_new_clients_contacted'],
      });
      // February: L2 = 1.
      expect(february).toMatchObject({ period_start: '2025-02-01', value: 1 });
      // March: L1, L3, L5, L7 = 4 (L2 contacted before, L4 already a customer).
      expect(march).toMatchObject({
        period_start: '2025-03-01',
        value: 4,
        numerator: null,
        denominator: null,
        unit: 'count',
      });
      // April: L9 = 1.
      expect(april).toMatchObject({ period_start: '2025-04-01', value: 1 });
    });
  });
});

describe('dials_per_meeting', () => {
  it('divides outbound calls by activities with outcome meeting_booked', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [
        { id: 'r1', name: 'Ana' },
        { id: 'r2', name: 'Ben' },
      ]);
      const at = '2025-03-12 10:00:00';
      await insertRows(
        store,
        'activities',
        activityRows([
          ...times(8, (i): Activity => ({
            id: `r1-na${i}`,
            kind: 'call',
            direction: 'outbound',
            outcome: 'no_answer',
            at,
          })),
          ...times(2, (i): Activity => ({
            id: `r1-mb${i}`,
            kind: 'call',
            direction: 'outbound',
            outcome: 'meeting_booked',
            at,
          })),
          ...times(2, (i): Activity => ({
            id: `r1-in${i}`,
            kind: 'call',
            direction: 'inbound',
            outcome: 'connected',
            at,
          })),
          { id: 'r1-in-mb', kind: 'call', direction: 'inbound', outcome: 'meeting_booked', at },
          {
            id: 'r1-email-mb',
            kind: 'email',
            direction: 'outbound',
            outcome: 'meeting_booked',
            at,
          },
          { id: 'r1-note', kind: 'note', direction: 'outbound', at },
          ...times(4, (i): Activity => ({
            id: `r2-c${i}`,
            rep: 'r2',
            kind: 'call',
            direction: 'outbound',
            outcome: 'connected',
            at,
          })),
          {
            id: 'r2-mb',
            rep: 'r2',
            kind: 'call',
            direction: 'outbound',
            outcome: 'meeting_booked',
            at,
          },
          // April: outside the period.
          {
            id: 'r2-apr',
            rep: 'r2',
            kind: 'call',
            direction: 'outbound',
            outcome: 'meeting_booked',
            at: '2025-04-01 00:00:00',
          },
        ]),
      );
      // Outbound calls: r1 8 + 2, r2 4 + 1 = 15.
      // Meetings booked: r1 2 (calls) + 1 (inbound call) + 1 (email), r2 1 = 5.
      // 15 / 5 = 3 dials per booked meeting.
      expect(await metricFor(store, 'dials_per_meeting', MARCH)).toMatchObject({
        numerator: 15,
        denominator: 5,
        value: 3,
        unit: 'ratio',
      });
    });
  });

  it('is null when no meeting was booked', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
      await insertRows(
        store,
        'activities',
        activityRows(
          times(6, (i): Activity => ({
            id: `c${i}`,
            kind: 'call',
            direction: 'outbound',
            at: '2025-03-12 10:00:00',
          })),
        ),
      );
      // 6 / 0 → null.
      expect(await metricFor(store, 'dials_per_meeting', MARCH)).toMatchObject({
        numerator: 6,
        denominator: 0,
        value: null,
      });
    });
  });
});

describe('activities_per_rep', () => {
  it('divides by the reps with any activity in the period times the 21 working days of March 2025', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [
        { id: 'r1', name: 'Ana' },
        { id: 'r2', name: 'Ben' },
        { id: 'r3', name: 'Cleo' },
        { id: 'r4', name: 'Dev' },
      ]);
      const at = '2025-03-12 10:00:00';
      await insertRows(
        store,
        'activities',
        activityRows([
          ...times(42, (i): Activity => ({
            id: `r1-call${i}`,
            kind: 'call',
            direction: 'outbound',
            at,
          })),
          ...times(6, (i): Activity => ({
            id: `r1-email${i}`,
            kind: 'email',
            direction: 'outbound',
            at,
          })),
          ...times(2, (i): Activity => ({ id: `r1-demo${i}`, kind: 'demo', at })),
          ...times(7, (i): Activity => ({ id: `r1-meeting${i}`, kind: 'meeting', at })),
          ...times(21, (i): Activity => ({
            id: `r2-call${i}`,
            rep: 'r2',
            kind: 'call',
            direction: 'inbound',
            at,
          })),
          ...times(3, (i): Activity => ({ id: `r2-email${i}`, rep: 'r2', kind: 'email', at })),
          { id: 'r2-demo', rep: 'r2', kind: 'demo', at },
          // r3 only wrote a note: still a rep with activity in March.
          { id: 'r3-note', rep: 'r3', kind: 'note', at },
          // r4 was active in February only: not one of March's reps.
          {
            id: 'r4-call',
            rep: 'r4',
            kind: 'call',
            direction: 'outbound',
            at: '2025-02-27 10:00:00',
          },
        ]),
      );
      const results = byMetric(
        await metricsFor(store, { ...MARCH, metrics: ['activities_per_rep'] }),
      );
      expect([...results.keys()].sort()).toEqual([
        'calls_per_rep_per_day',
        'calls_per_rep_per_week',
        'demos_per_rep_per_day',
        'demos_per_rep_per_week',
        'emails_per_rep_per_day',
        'emails_per_rep_per_week',
        'meetings_per_rep_per_day',
        'meetings_per_rep_per_week',
      ]);
      // Rep-days: 3 reps (r1, r2, r3) × 21 working days = 63.
      // Rep-weeks: 3 × 21 / 5 = 12.6.
      // Calls: 42 + 21 = 63 → 63 / 63 = 1 a day; 63 / 12.6 = 5 a week.
      expect(results.get('calls_per_rep_per_day')).toMatchObject({
        numerator: 63,
        denominator: 63,
        value: 1,
      });
      const callsPerWeek = results.get('calls_per_rep_per_week');
      expect(callsPerWeek?.numerator).toBe(63);
      expect(callsPerWeek?.denominator).toBeCloseTo(12.6, 9);
      expect(callsPerWeek?.value).toBeCloseTo(5, 9);
      // E-mails: 6 + 3 = 9 → 9 / 63 = 0.142857 a day; 9 / 12.6 = 0.714286 a week.
      expect(results.get('emails_per_rep_per_day')?.value).toBeCloseTo(9 / 63, 9);
      expect(results.get('emails_per_rep_per_week')?.value).toBeCloseTo(9 / 12.6, 9);
      // Meetings: 7 → 7 / 63 = 0.111111 a day; 7 / 12.6 = 0.555556 a week.
      expect(results.get('meetings_per_rep_per_day')).toMatchObject({
        numerator: 7,
        denominator: 63,
      });
      expect(results.get('meetings_per_rep_per_day')?.value).toBeCloseTo(7 / 63, 9);
      expect(results.get('meetings_per_rep_per_week')?.value).toBeCloseTo(7 / 12.6, 9);
      // Demos: 2 + 1 = 3 → 3 / 63 = 0.047619 a day; 3 / 12.6 = 0.238095 a week.
      expect(results.get('demos_per_rep_per_day')?.value).toBeCloseTo(3 / 63, 9);
      expect(results.get('demos_per_rep_per_week')?.value).toBeCloseTo(3 / 12.6, 9);
    });
  });

  it('divides a week by its 5 working days, counting weekend activity in the numerator', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [
        { id: 'r1', name: 'Ana' },
        { id: 'r2', name: 'Ben' },
      ]);
      await insertRows(
        store,
        'activities',
        activityRows([
          ...times(10, (i): Activity => ({
            id: `r1-call${i}`,
            kind: 'call',
            at: '2025-03-11 10:00:00',
          })),
          ...times(4, (i): Activity => ({
            id: `r2-call${i}`,
            rep: 'r2',
            kind: 'call',
            at: '2025-03-12 10:00:00',
          })),
          // Saturday 2025-03-15.
          { id: 'r2-saturday', rep: 'r2', kind: 'call', at: '2025-03-15 10:00:00' },
        ]),
      );
      // ISO week Monday 2025-03-10 to Monday 2025-03-17: 5 working days, 2 reps.
      // Calls 10 + 5 = 15 → 15 / (2 × 5) = 1.5 a day; 15 / (2 × 5 / 5) = 7.5 a week.
      const results = byMetric(
        await metricsFor(store, {
          grain: 'week',
          from: '2025-03-10',
          to: '2025-03-17',
          metrics: ['calls_per_rep_per_day', 'calls_per_rep_per_week'],
        }),
      );
      expect(results.get('calls_per_rep_per_day')).toMatchObject({
        period_start: '2025-03-10',
        period_end: '2025-03-17',
        numerator: 15,
        denominator: 10,
        value: 1.5,
      });
      expect(results.get('calls_per_rep_per_week')).toMatchObject({
        numerator: 15,
        denominator: 2,
        value: 7.5,
      });
    });
  });

  it('divides a period still running by the working days that have passed', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
      await insertRows(
        store,
        'activities',
        activityRows(
          times(40, (i) => ({
            id: `c${i}`,
            kind: 'call',
            at: `2025-03-0${3 + (i % 5)} 10:00:00`,
            direction: 'outbound',
          })),
        ),
      );
      // Calls after the as-of instant are not counted: the days they fall on have not passed.
      await insertRows(
        store,
        'activities',
        activityRows(
          times(9, (i) => ({ id: `later${i}`, kind: 'call', at: '2025-03-12 10:00:00' })),
        ),
      );
      // As of Monday 10 March 2025 at midnight: 3–7 March have passed, 5 working days.
      const march = await metricFor(store, 'calls_per_rep_per_day', {
        ...MARCH,
        asOf: new Date('2025-03-10T00:00:00Z'),
      });
      expect(march).toMatchObject({ numerator: 40, denominator: 5, value: 8 });
      // At 15:00 on Monday the day has not passed: neither its morning calls nor the day count yet.
      await insertRows(
        store,
        'activities',
        activityRows([{ id: 'monday-morning', kind: 'call', at: '2025-03-10 10:00:00' }]),
      );
      const midday = await metricFor(store, 'calls_per_rep_per_day', {
        ...MARCH,
        asOf: new Date('2025-03-10T15:00:00Z'),
      });
      expect(midday).toMatchObject({ numerator: 40, denominator: 5, value: 8 });
    });
  });
});
