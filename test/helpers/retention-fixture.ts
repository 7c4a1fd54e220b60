/**
 * Five customers for the cohort and survival tests, small enough to work
 * every number by hand. January cohort: a (smb, stays, 100 → 250 MRR from
 * March), b (smb, 100, leaves 15 February after 36 days), c (enterprise, 200,
 * leaves 15 March after 55 days). February cohort: d (smb, 50) and e (no
 * segment, 50), both stay. As of 1 April 2024, a has 87 days, d 58, e 57.
 */
import type { Store } from '../../src/store/store.js';
import { insertRows } from './seed-store.js';

export const RETENTION_AS_OF = new Date('2024-04-01T00:00:00Z');

export async function seedRetentionFixture(store: Store): Promise<void> {
  await insertRows(store, 'customers', [
    { id: 'a', created_at: '2024-01-01 00:00:00', segment: 'smb' },
    { id: 'b', created_at: '2024-01-01 00:00:00', segment: 'smb' },
    { id: 'c', created_at: '2024-01-01 00:00:00', segment: 'enterprise' },
    { id: 'd', created_at: '2024-01-01 00:00:00', segment: 'smb' },
    { id: 'e', created_at: '2024-01-01 00:00:00' },
  ]);
  const subscription = (id: string, startedAt: string, mrr: string, endedAt?: string) => ({
    id,
    customer_id: id,
    started_at: `${startedAt} 00:00:00`,
    ended_at: endedAt === undefined ? null : `${endedAt} 00:00:00`,
    mrr,
    currency: 'USD',
  });
  await insertRows(store, 'subscriptions', [
    subscription('a', '2024-01-05', '100'),
    subscription('b', '2024-01-10', '100', '2024-02-15'),
    subscription('c', '2024-01-20', '200', '2024-03-15'),
    subscription('d', '2024-02-03', '50'),
    subscription('e', '2024-02-04', '50'),
  ]);
  await insertRows(store, 'subscription_changes', [
    { id: 'up', subscription_id: 'a', effective_at: '2024-03-01 00:00:00', mrr: '250' },
  ]);
}

/**
 * The fixture's January–March 2024 cohorts by revenue, per segment:
 * enterprise (c) keeps its 200 through February and is gone in March; smb
 * January (a, b) has 200, then a's 100 (b left), then a's upgraded 250;
 * smb February (d) and the customer without a segment (e) keep their 50.
 */
export const REVENUE_COHORTS_BY_SEGMENT = [
  {
    segment: 'enterprise',
    cohort_start: '2024-01-01',
    customers: 1,
    base_mrr: 200,
    retention: [1, 1, 0],
  },
  {
    segment: 'smb',
    cohort_start: '2024-01-01',
    customers: 2,
    base_mrr: 200,
    retention: [1, 0.5, 1.25],
  },
  { segment: 'smb', cohort_start: '2024-02-01', customers: 1, base_mrr: 50, retention: [1, 1] },
  { segment: null, cohort_start: '2024-02-01', customers: 1, base_mrr: 50, retention: [1, 1] },
];
