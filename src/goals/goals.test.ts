import { describe, expect, it } from 'vitest';
import { insertRows, times } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import { RetainError } from '../domain/errors.js';
import { findKpiOrThrow } from '../metrics/registry.js';
import type { Store } from '../store/store.js';
import { computeGoalProgress, statusOf } from './goal-progress.js';
import { detectGrain } from './goal-window.js';
import { parsePlanPeriod } from './parse-plan-period.js';
import { planActivity } from './plan-activity.js';

async function seedSales(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'ae1', name: 'Ann', team: 'North', role: 'ae' },
    { id: 'sdr1', name: 'Sam', team: 'North', role: 'sdr' },
    { id: 'sdr2', name: 'Sue', team: 'North', role: 'sdr' },
    { id: 'ae2', name: 'Bo', team: 'South', role: 'ae' },
  ]);
}

describe('goal progress', () => {
  it('paces a sum goal linearly: half the quarter gone, a third of the target won, so off track', async () => {
    await withTempStore(async (store) => {
      await seedSales(store);
      // Q1 2025 has 90 days; as of 16 February, 46 days are gone.
      await insertRows(store, 'deals', [
        {
          id: 'd1',
          owner_rep_id: 'ae1',
          amount: '20000',
          stage: 'won',
          status: 'won',
          created_at: '2024-12-01 00:00:00',
          closed_at: '2025-01-10 00:00:00',
          currency: 'USD',
        },
        {
          id: 'd2',
          owner_rep_id: 'ae1',
          amount: '10000',
          stage: 'won',
          status: 'won',
          created_at: '2024-12-01 00:00:00',
          closed_at: '2025-02-03 00:00:00',
          currency: 'USD',
        },
      ]);
      await insertRows(store, 'goals', [
        {
          id: 'g1',
          metric: 'won_revenue',
          scope: 'company',
          period_start: '2025-01-01',
          period_end: '2025-04-01',
          target: '90000',
        },
      ]);
      const [progress] = await computeGoalProgress(store, {
        asOf: new Date('2025-02-16T00:00:00Z'),
      });
      // Expected: 90,000 × 46/90 = 46,000. Projected: 30,000 ÷ 46/90 ≈ 58,696, under 90 % of 90,000.
      expect(progress).toMatchObject({
        id: 'g1',
        pace: 'linear',
        actual: 30_000,
        status: 'off_track',
      });
      expect(progress?.elapsed).toBeCloseTo(46 / 90, 10);
      expect(progress?.expected).toBeCloseTo(46_000, 6);
      expect(progress?.projected).toBeCloseTo(30_000 / (46 / 90), 6);
    });
  });

  it('paces by last year’s shape when the same period last year has data', async () => {
    await withTempStore(async (store) => {
      await seedSales(store);
      await insertRows(store, 'deals', [
        // Last year: 80 % of Q1's revenue came in its first 46 days.
        {
          id: 'p1',
          owner_rep_id: 'ae1',
          amount: '80000',
          stage: 'won',
          status: 'won',
          created_at: '2023-12-01 00:00:00',
          closed_at: '2024-01-20 00:00:00',
          currency: 'USD',
        },
        {
          id: 'p2',
          owner_rep_id: 'ae1',
          amount: '20000',
          stage: 'won',
          status: 'won',
          created_at: '2023-12-01 00:00:00',
          closed_at: '2024-03-20 00:00:00',
          currency: 'USD',
        },
        {
          id: 'd1',
          owner_rep_id: 'ae1',
          amount: '75000',
          stage: 'won',
          status: 'won',
          created_at: '2024-12-01 00:00:00',
          closed_at: '2025-01-10 00:00:00',
          currency: 'USD',
        },
      ]);
      await insertRows(store, 'goals', [
        {
          id: 'g1',
          metric: 'won_revenue',
          scope: 'company',
          period_start: '2025-01-01',
          period_end: '2025-04-01',
          target: '100000',
        },
      ]);
      const [progress] = await computeGoalProgress(store, {
        asOf: new Date('2025-02-16T00:00:00Z'),
      });
      // Expected: 100,000 × 0.8 = 80,000; projected: 75,000 ÷ 0.8 = 93,750: within 10 % of 100,000, at risk.
      expect(progress).toMatchObject({
        pace: 'seasonal',
        actual: 75_000,
        expected: 80_000,
        projected: 93_750,
        status: 'at_risk',
      });
    });
  });

  it('compares a rate goal’s rate so far with its target, in the KPI’s direction, cut to the team', async () => {
    await withTempStore(async (store) => {
      await seedSales(store);
      // March 2025 so far (as of the 8th): ae1 (North) won 1 of 4 closed; ae2 (South) won 3 of 3.
      const closed = (id: string, rep: string, status: 'won' | 'lost') => ({
        id,
        owner_rep_id: rep,
        amount: '100',
        stage: status,
        status,
        created_at: '2025-02-01 00:00:00',
        closed_at: '2025-03-03 00:00:00',
        currency: 'USD',
      });
      await insertRows(store, 'deals', [
        closed('n1', 'ae1', 'won'),
        closed('n2', 'ae1', 'lost'),
        closed('n3', 'ae1', 'lost'),
        closed('n4', 'ae1', 'lost'),
        closed('s1', 'ae2', 'won'),
        closed('s2', 'ae2', 'won'),
        closed('s3', 'ae2', 'won'),
      ]);
      await insertRows(store, 'goals', [
        {
          id: 'north',
          metric: 'win_rate',
          scope: 'team',
          scope_id: 'North',
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          target: '0.27',
        },
        {
          id: 'south',
          metric: 'win_rate',
          scope: 'team',
          scope_id: 'South',
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          target: '0.3',
        },
      ]);
      const progress = await computeGoalProgress(store, { asOf: new Date('2025-03-08T00:00:00Z') });
      // North: 0.25 vs 0.27 → within 10 % (0.243): at risk. South: 1.0 ≥ 0.3: on track.
      expect(
        progress.map((row) => [row.id, row.actual, row.expected, row.pace, row.status]),
      ).toEqual([
        ['north', 0.25, 0.27, 'rate', 'at_risk'],
        ['south', 1, 0.3, 'rate', 'on_track'],
      ]);
      expect(
        (
          await computeGoalProgress(store, {
            asOf: new Date('2025-03-08T00:00:00Z'),
            team: 'South',
          })
        ).map((row) => row.id),
      ).toEqual(['south']);
    });
  });

  it('reads direction from the KPI: lower churn is better', () => {
    const churn = findKpiOrThrow('customer_churn_rate');
    expect(statusOf(churn, 0.008, 0.01)).toBe('on_track');
    expect(statusOf(churn, 0.0105, 0.01)).toBe('at_risk');
    expect(statusOf(churn, 0.02, 0.01)).toBe('off_track');
    expect(statusOf(churn, null, 0.01)).toBe('no_data');
  });
});

describe('the activity planner', () => {
  it('works back from revenue through the measured funnel, showing each ratio and flagging thin data', async () => {
    await withTempStore(async (store) => {
      await seedSales(store);
      // Lookback Jul–Dec 2024 (six months before a Q1 2025 plan):
      // 10 deals won at 10,000 and 30 lost → average deal 10,000, win rate 10/40 = 25 %;
      // 20 meetings booked and 10 new opportunities → 0.5 opportunities per meeting;
      // 2,000 outbound calls → 100 dials per meeting.
      await insertRows(store, 'deals', [
        ...times(10, (i) => ({
          id: `w${i}`,
          owner_rep_id: 'ae1',
          amount: '10000',
          stage: 'won',
          status: 'won',
          created_at: '2024-08-01 00:00:00',
          closed_at: '2024-09-15 00:00:00',
          currency: 'USD',
          kind: 'renewal',
        })),
        ...times(30, (i) => ({
          id: `l${i}`,
          owner_rep_id: 'ae1',
          amount: '10000',
          stage: 'lost',
          status: 'lost',
          created_at: '2024-08-01 00:00:00',
          closed_at: '2024-10-15 00:00:00',
          currency: 'USD',
          kind: 'renewal',
        })),
        ...times(10, (i) => ({
          id: `o${i}`,
          owner_rep_id: 'ae1',
          amount: '10000',
          stage: 'discovery',
          status: 'open',
          created_at: '2024-11-10 00:00:00',
          currency: 'USD',
          kind: 'new_business',
        })),
      ]);
      await insertRows(store, 'activities', [
        ...times(2000, (i) => ({
          id: `c${i}`,
          rep_id: i % 2 === 0 ? 'sdr1' : 'sdr2',
          kind: 'call',
          direction: 'outbound',
          occurred_at: `2024-10-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`,
          outcome: i < 20 ? 'meeting_booked' : 'no_answer',
        })),
      ]);
      const plan = await planActivity(store, {
        revenue: 100_000,
        period: parsePlanPeriod('2025-Q1'),
        team: 'North',
        asOf: new Date('2025-01-01T00:00:00Z'),
      });
      expect(plan.lookback).toEqual({ start: '2024-07-01', end: '2025-01-01' });
      expect(
        plan.steps.map((step) => [step.step, step.value, step.sample_size, step.is_thin]),
      ).toEqual([
        ['deals to win', 10_000, 10, true],
        ['opportunities', 0.25, 40, false],
        ['meetings', 0.5, 20, true],
        ['dials', 100, 20, true],
      ]);
      // 100,000 ÷ 10,000 = 10 deals; ÷ 0.25 = 40 opportunities; ÷ 0.5 = 80 meetings; × 100 = 8,000 dials.
      expect(plan.needed).toEqual({ deals: 10, opportunities: 40, meetings: 80, dials: 8000 });
      // Two SDRs in North; Q1 2025 has 64 working days: 8,000 ÷ 128 = 62.5 → 63 dials; 80 ÷ 128 = 0.625 meetings.
      expect(plan.reps).toEqual({ dialing: 2, working_days: 64 });
      expect(plan.per_rep_per_day).toEqual({ dials: 63, meetings: 0.63 });
    });
  });

  it('refuses a plan when the funnel has no history, naming the missing ratio', async () => {
    await withTempStore(async (store) => {
      await seedSales(store);
      const error = await planActivity(store, {
        revenue: 1000,
        period: parsePlanPeriod('2025-Q1'),
        asOf: new Date('2025-01-01T00:00:00Z'),
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RetainError);
      expect((error as RetainError).message).toBe(
        'The funnel has no data for won revenue ÷ deals won (average deal size) between 2024-07-01 and 2025-01-01.',
      );
    });
  });
});

describe('periods', () => {
  it('reads quarters, months, years and explicit ranges, and knows which are one bucket', () => {
    expect(parsePlanPeriod('2025-q4')).toEqual({ start: '2025-10-01', end: '2026-01-01' });
    expect(parsePlanPeriod('2024-02')).toEqual({ start: '2024-02-01', end: '2024-03-01' });
    expect(parsePlanPeriod('2025')).toEqual({ start: '2025-01-01', end: '2026-01-01' });
    expect(parsePlanPeriod('2025-01-06..2025-01-13')).toEqual({
      start: '2025-01-06',
      end: '2025-01-13',
    });
    expect(() => parsePlanPeriod('next quarter')).toThrow(RetainError);
    expect(detectGrain({ start: '2025-10-01', end: '2026-01-01' })).toBe('quarter');
    expect(detectGrain({ start: '2024-02-01', end: '2024-03-01' })).toBe('month');
    expect(detectGrain({ start: '2025-01-06', end: '2025-01-13' })).toBe('week');
    expect(detectGrain({ start: '2025-01-02', end: '2025-01-20' })).toBe('day');
  });
});
