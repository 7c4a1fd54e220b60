import { describe, expect, it } from 'vitest';
import { FIXTURE_AS_OF } from '../../test/helpers/metrics.js';
import { insertRows, times } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import type { Store } from '../store/store.js';
import { explainMetrics, type MetricExplanation } from './explain-metric.js';
import { parseMetricRequest } from './parse-metric-request.js';

const MARCH = { grain: 'month', period: '2025-03-15' } as const;

async function explainAll(store: Store, metric: string, slice: { by?: string } = {}) {
  return explainMetrics(
    store,
    await parseMetricRequest(store, { ...MARCH, ...slice, metrics: [metric], asOf: FIXTURE_AS_OF }),
  );
}

async function explain(store: Store, metric: string): Promise<MetricExplanation> {
  const [explanation, ...others] = await explainAll(store, metric);
  if (!explanation || others.length > 0) throw new Error(`expected one explanation of ${metric}`);
  return explanation;
}

/** A composite's component by id, at any depth. */
function findComponent(explanation: MetricExplanation, id: string): MetricExplanation | undefined {
  for (const component of explanation.components) {
    const found = component.kpi.id === id ? component : findComponent(component, id);
    if (found) return found;
  }
  return undefined;
}

/** Value, numerator and denominator of an explanation's only result. */
const numbersOf = (explanation: MetricExplanation | undefined) =>
  explanation?.results.map(({ value, numerator, denominator }) => ({
    value,
    numerator,
    denominator,
  }));

const idsOf = (explanation: MetricExplanation | undefined) =>
  explanation?.rows.map((row) => row.id);

type Subscriber = { id: string; start: string; end?: string; mrr?: string; region?: string };

/** One customer per entry, each with one USD subscription `s-<id>` (MRR 100 unless given). */
async function seedSubscribers(store: Store, subscribers: readonly Subscriber[]): Promise<void> {
  await insertRows(
    store,
    'customers',
    subscribers.map(({ id, region }) => ({ id, created_at: '2024-01-01 00:00:00', region })),
  );
  await insertRows(
    store,
    'subscriptions',
    subscribers.map(({ id, start, end, mrr }) => ({
      id: `s-${id}`,
      customer_id: id,
      started_at: `${start} 00:00:00`,
      ended_at: end === undefined ? undefined : `${end} 00:00:00`,
      mrr: mrr ?? '100',
      currency: 'USD',
    })),
  );
}

describe('explainMetrics', () => {
  it('lists exactly the customers behind the churn rate, the churned ones first so they are not buried in the start cohort', async () => {
    await withTempStore(async (store) => {
      await insertRows(
        store,
        'customers',
        ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id) => ({
          id,
          created_at: '2024-01-01 00:00:00',
        })),
      );
      await insertRows(store, 'subscriptions', [
        // c1 and c2 leave in March; c3 and c4 stay.
        {
          id: 's1',
          customer_id: 'c1',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-03-10 00:00:00',
          mrr: '100',
        },
        {
          id: 's2',
          customer_id: 'c2',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-03-31 00:00:00',
          mrr: '100',
        },
        { id: 's3', customer_id: 'c3', started_at: '2025-01-01 00:00:00', mrr: '100' },
        // c4's subscription ends exactly at 04-01 00:00: that churn belongs to April.
        {
          id: 's4',
          customer_id: 'c4',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-04-01 00:00:00',
          mrr: '100',
        },
        // c5 joins and leaves inside March: in neither side.
        {
          id: 's5',
          customer_id: 'c5',
          started_at: '2025-03-02 00:00:00',
          ended_at: '2025-03-20 00:00:00',
          mrr: '100',
        },
        // c6 left in February: not in March's start cohort.
        {
          id: 's6',
          customer_id: 'c6',
          started_at: '2025-01-01 00:00:00',
          ended_at: '2025-02-10 00:00:00',
          mrr: '100',
        },
      ]);
      const explanation = await explain(store, 'customer_churn_rate');
      // Start cohort c1 to c4 (denominator 4); churned c1 and c2 (numerator 2): 2 / 4 = 0.5.
      expect(explanation.kpi).toEqual({
        id: 'customer_churn_rate',
        title: 'Customer churn rate',
        unit: 'ratio',
        direction: 'lower_is_better',
        description: expect.stringContaining('Customers acquired during P are excluded') as string,
      });
      expect(explanation.results).toEqual([
        expect.objectContaining({
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          numerator: 2,
          denominator: 4,
          value: 0.5,
        }),
      ]);
      expect(explanation.rows).toEqual([
        { subject: 'customer', id: 'c1', segment: null, numerator: 1, denominator: 1 },
        { subject: 'customer', id: 'c2', segment: null, numerator: 1, denominator: 1 },
        { subject: 'customer', id: 'c3', segment: null, numerator: 0, denominator: 1 },
        { subject: 'customer', id: 'c4', segment: null, numerator: 0, denominator: 1 },
      ]);
      expect(explanation.components).toEqual([]);
      expect(explanation.inputs).toBeNull();
    });
  });

  it('puts the rows in the numerator first, then orders by id', async () => {
    await withTempStore(async (store) => {
      // Only d4 and b2 leave in March; by id alone they would sit among the stayers.
      await seedSubscribers(
        store,
        ['a1', 'b2', 'c3', 'd4', 'e5'].map((id) => ({
          id,
          start: '2025-01-01',
          end: id === 'd4' || id === 'b2' ? '2025-03-20' : undefined,
        })),
      );
      const explanation = await explain(store, 'customer_churn_rate');
      expect(explanation.rows.map((row) => [row.id, row.numerator])).toEqual([
        ['b2', 1],
        ['d4', 1],
        ['a1', 0],
        ['c3', 0],
        ['e5', 0],
      ]);
    });
  });

  it('lists the deals behind the win rate, won ones in the numerator', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
      const deal = (id: string, status: 'open' | 'won' | 'lost', closed?: string) => ({
        id,
        owner_rep_id: 'r1',
        amount: '1000',
        stage: status === 'open' ? 'proposal' : `closed_${status}`,
        status,
        created_at: '2025-02-01 00:00:00',
        closed_at: closed,
      });
      await insertRows(store, 'deals', [
        deal('d-won', 'won', '2025-03-05 00:00:00'),
        deal('d-lost', 'lost', '2025-03-06 00:00:00'),
        deal('d-lost-feb', 'lost', '2025-02-06 00:00:00'),
        deal('d-open', 'open'),
        // Won without a close date: ignored.
        deal('d-undated', 'won'),
      ]);
      const explanation = await explain(store, 'win_rate');
      // 1 won of 2 closed in March = 0.5.
      expect(explanation.results).toEqual([
        expect.objectContaining({ numerator: 1, denominator: 2, value: 0.5 }),
      ]);
      expect(explanation.rows).toEqual([
        { subject: 'deal', id: 'd-won', segment: null, numerator: 1, denominator: 1 },
        { subject: 'deal', id: 'd-lost', segment: null, numerator: 0, denominator: 1 },
      ]);
    });
  });

  it('explains a composite (sales_velocity) through its components, each with the deals behind it', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ana' }]);
      await insertRows(store, 'deals', [
        // 3 open at the end of March.
        ...times(3, (i) => ({
          id: `open${i}`,
          owner_rep_id: 'r1',
          amount: '5000',
          stage: 'proposal',
          status: 'open',
          created_at: '2025-02-01 00:00:00',
        })),
        // 1 won for 10,000 after 20 days (03-01 → 03-21), 1 lost.
        {
          id: 'won',
          owner_rep_id: 'r1',
          amount: '10000',
          stage: 'closed_won',
          status: 'won',
          created_at: '2025-03-01 00:00:00',
          closed_at: '2025-03-21 00:00:00',
        },
        {
          id: 'lost',
          owner_rep_id: 'r1',
          amount: '7000',
          stage: 'closed_lost',
          status: 'lost',
          created_at: '2025-02-01 00:00:00',
          closed_at: '2025-03-22 00:00:00',
        },
      ]);
      const explanation = await explain(store, 'sales_velocity');
      // 3 open × 1 / 2 won × 10,000 = 15,000; ÷ 20 days = 750 a day.
      expect(numbersOf(explanation)).toEqual([{ numerator: 15000, denominator: 20, value: 750 }]);
      expect(explanation.rows).toEqual([]);
      // In the order sales_velocity names them, each with its own rows.
      expect(
        explanation.components.map((component) => ({
          id: component.kpi.id,
          numbers: numbersOf(component),
          ids: idsOf(component),
        })),
      ).toEqual([
        {
          id: 'open_deals',
          numbers: [{ numerator: null, denominator: null, value: 3 }],
          ids: ['open0', 'open1', 'open2'],
        },
        {
          id: 'win_rate',
          numbers: [{ numerator: 1, denominator: 2, value: 0.5 }],
          ids: ['won', 'lost'],
        },
        {
          id: 'average_deal_size',
          numbers: [{ numerator: 10000, denominator: 1, value: 10000 }],
          ids: ['won'],
        },
        {
          id: 'sales_cycle_days',
          numbers: [{ numerator: 20, denominator: 1, value: 20 }],
          ids: ['won'],
        },
      ]);
      expect(findComponent(explanation, 'average_deal_size')?.rows).toEqual([
        { subject: 'deal', id: 'won', segment: null, numerator: 10000, denominator: 1 },
      ]);
    });
  });

  it('explains ltv_to_cac down to the rows of each base KPI, with the gross margin and the churn months CLV averaged', async () => {
    await withTempStore(async (store) => {
      await seedSubscribers(store, [
        // c1 to c4 start mid-November, so October and November have no start cohort;
        // c1 leaves in January: 1 of 4.
        { id: 'c1', start: '2024-11-15', end: '2025-01-15' },
        { id: 'c2', start: '2024-11-15' },
        { id: 'c3', start: '2024-11-15' },
        { id: 'c4', start: '2024-11-15' },
        // c5 is March's one new customer.
        { id: 'c5', start: '2025-03-10' },
      ]);
      await insertRows(store, 'marketing_spend', [
        {
          id: 'm-march',
          period_start: '2025-03-01',
          period_end: '2025-04-01',
          channel: 'ads',
          kind: 'marketing',
          amount: '1000',
          currency: 'USD',
        },
      ]);
      const explanation = await explain(store, 'ltv_to_cac');
      // ARPA at the end of March: c2, c3, c4, c5 at 100 = 400 / 4 = 100; gross margin 1.
      // Churn, October to March: —, —, 0/4, 1/4, 0/3, 0/3; the mean of the four
      // months with a cohort is 0.25 / 4 = 0.0625, so CLV = 100 / 0.0625 = 1,600.
      // CAC = 1,000 spend / 1 new customer; LTV:CAC = 1,600 / 1,000 = 1.6.
      expect(numbersOf(explanation)).toEqual([{ numerator: 1600, denominator: 1000, value: 1.6 }]);
      expect(explanation.components.map((component) => component.kpi.id)).toEqual(['clv', 'cac']);
      const clv = findComponent(explanation, 'clv');
      expect(numbersOf(clv)).toEqual([{ numerator: 100, denominator: 0.0625, value: 1600 }]);
      expect(clv?.inputs?.gross_margin).toBe(1);
      expect(
        clv?.inputs?.trailing_monthly_churn.map(
          ({ period_start, numerator, denominator, value }) => [
            period_start,
            numerator,
            denominator,
            value,
          ],
        ),
      ).toEqual([
        ['2024-10-01', 0, 0, null],
        ['2024-11-01', 0, 0, null],
        ['2024-12-01', 0, 4, 0],
        ['2025-01-01', 1, 4, 0.25],
        ['2025-02-01', 0, 3, 0],
        ['2025-03-01', 0, 3, 0],
      ]);
      expect(findComponent(explanation, 'arpa')?.rows).toEqual(
        ['c2', 'c3', 'c4', 'c5'].map((id) => ({
          subject: 'customer',
          id,
          segment: null,
          numerator: 100,
          denominator: 1,
        })),
      );
      // CAC's spend row adds to the numerator, the new customer to the denominator.
      expect(findComponent(explanation, 'cac')?.rows).toEqual([
        { subject: 'spend', id: 'm-march', segment: null, numerator: 1000, denominator: 0 },
        { subject: 'customer', id: 'c5', segment: null, numerator: null, denominator: 1 },
      ]);
      // The composite around them reads no setting of its own.
      expect(explanation.inputs).toBeNull();
      // CAC payback reads the gross margin too, but no churn: 1,000 / (100 × 1) = 10 months.
      const payback = await explain(store, 'cac_payback_months');
      expect(numbersOf(payback)).toEqual([{ numerator: 1000, denominator: 100, value: 10 }]);
      expect(payback.inputs).toEqual({ gross_margin: 1, trailing_monthly_churn: [] });
    });
  });

  it('explains every member of a family (mrr_movements), each with only the customers that moved', async () => {
    await withTempStore(async (store) => {
      await seedSubscribers(store, [
        { id: 'up', start: '2025-01-01' },
        { id: 'gone', start: '2025-01-01', end: '2025-03-05', mrr: '80' },
        { id: 'new', start: '2025-03-05', mrr: '50' },
        { id: 'still', start: '2025-01-01', mrr: '70' },
      ]);
      // `up` grows from 100 to 130 in March.
      await insertRows(store, 'subscription_changes', [
        { id: 'ch1', subscription_id: 's-up', effective_at: '2025-03-10 00:00:00', mrr: '130' },
      ]);
      const explanations = await explainAll(store, 'mrr_movements');
      // New 50 (new), expansion 30 (up), churned 80 (gone); `still` moves no MRR.
      expect(
        explanations.map((explanation) => ({
          id: explanation.kpi.id,
          value: explanation.results[0]?.value,
          rows: explanation.rows.map((row) => [row.id, row.numerator]),
        })),
      ).toEqual([
        { id: 'mrr_new', value: 50, rows: [['new', 50]] },
        { id: 'mrr_expansion', value: 30, rows: [['up', 30]] },
        { id: 'mrr_contraction', value: 0, rows: [] },
        { id: 'mrr_churned', value: 80, rows: [['gone', 80]] },
        { id: 'mrr_reactivation', value: 0, rows: [] },
      ]);
    });
  });

  it('gives each segment of a breakdown its result, and each row its segment', async () => {
    await withTempStore(async (store) => {
      await seedSubscribers(store, [
        { id: 'eu', start: '2025-01-01', end: '2025-03-05', region: 'emea' },
        { id: 'nowhere', start: '2025-01-01' },
      ]);
      const [explanation] = await explainAll(store, 'customer_churn_rate', { by: 'region' });
      expect(
        explanation?.results.map(({ segment, numerator, denominator }) => ({
          segment,
          numerator,
          denominator,
        })),
      ).toEqual([
        { segment: 'emea', numerator: 1, denominator: 1 },
        { segment: null, numerator: 0, denominator: 1 },
      ]);
      expect(explanation?.rows.map((row) => [row.id, row.segment])).toEqual([
        ['eu', 'emea'],
        ['nowhere', null],
      ]);
    });
  });
});
