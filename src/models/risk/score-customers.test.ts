import { describe, expect, it } from 'vitest';
import { insertRows } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import type { Store } from '../../store/store.js';
import { readHealthFeatures } from './health-features.js';
import { DEFAULT_HEALTH_RULES } from './health-rules.js';
import { scoreCustomers, writeHealthSnapshot } from './score-customers.js';

// Wednesday 20 May 2026, midnight UTC. Every row stamped after it must be ignored.
const AS_OF = new Date('2026-05-20T00:00:00Z');
const ts = (date: string) => `${date} 00:00:00`;

async function seed(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'r1', name: 'Ravi Rep', role: 'csm' },
    { id: 'r2', name: 'Uma Other', role: 'csm' },
  ]);
  await insertRows(store, 'customers', [
    {
      id: 'c1',
      name: 'Acme',
      created_at: ts('2025-06-01'),
      owner_rep_id: 'r1',
      segment: 'smb',
      contract_type: 'annual',
    },
    { id: 'c2', name: 'Bolt', created_at: ts('2026-01-01'), owner_rep_id: 'r1' },
    { id: 'c3', name: 'Gone', created_at: ts('2025-01-01'), owner_rep_id: 'r1' },
  ]);
  await insertRows(store, 'subscriptions', [
    // Annual, anchored 15 June: the next charge is 2026-06-15, 26 days after the as-of day.
    {
      id: 's1',
      customer_id: 'c1',
      started_at: ts('2025-06-15'),
      mrr: '100',
      seats: 10,
      billing_interval: 'year',
      plan: 'growth',
    },
    { id: 's2', customer_id: 'c2', started_at: ts('2026-01-10'), mrr: '50' },
    {
      id: 's3',
      customer_id: 'c3',
      started_at: ts('2025-01-10'),
      ended_at: ts('2026-05-01'),
      mrr: '50',
      end_reason: 'voluntary',
    },
  ]);
  await insertRows(store, 'subscription_changes', [
    // 10 seats 90 days before (2026-02-19), 8 now: −20 %. The change after the as-of day is unseen.
    { id: 'ch1', subscription_id: 's1', effective_at: ts('2026-04-01'), mrr: '80', seats: 8 },
    { id: 'ch2', subscription_id: 's1', effective_at: ts('2026-05-25'), mrr: '10', seats: 1 },
  ]);
  await insertRows(store, 'usage', [
    // The 60 days before the last 30 hold 1,200 events (600 per 30 days); the last 30 hold 150: −75 %.
    { customer_id: 'c1', date: '2026-03-01', active_users: 10, events: 600 },
    { customer_id: 'c1', date: '2026-04-01', active_users: 9, events: 600 },
    { customer_id: 'c1', date: '2026-05-01', active_users: 4, events: 150 },
    { customer_id: 'c1', date: '2026-05-25', active_users: 40, events: 10000 },
  ]);
  await insertRows(store, 'invoices', [
    { id: 'i1', customer_id: 'c1', issued_at: ts('2026-05-10'), amount: '100', status: 'failed' },
    { id: 'i2', customer_id: 'c1', issued_at: ts('2026-04-01'), amount: '100', status: 'failed' },
    { id: 'i3', customer_id: 'c1', issued_at: ts('2026-05-21'), amount: '100', status: 'failed' },
  ]);
  await insertRows(store, 'payment_methods', [
    // Works through 31 May 2026, before the 15 June charge.
    { id: 'pm1', customer_id: 'c1', kind: 'card', exp_month: 5, exp_year: 2026, is_default: true },
  ]);
  await insertRows(store, 'tickets', [
    { id: 't1', customer_id: 'c1', opened_at: ts('2026-05-01'), kind: 'complaint' },
    {
      id: 't2',
      customer_id: 'c1',
      opened_at: ts('2026-04-01'),
      closed_at: ts('2026-04-10'),
      kind: 'claim',
    },
    { id: 't3', customer_id: 'c1', opened_at: ts('2026-05-25'), kind: 'objection' },
  ]);
  await insertRows(store, 'nps_responses', [
    { id: 'n1', customer_id: 'c1', responded_at: ts('2026-01-10'), score: 9 },
    { id: 'n2', customer_id: 'c1', responded_at: ts('2026-04-10'), score: 5 },
    { id: 'n3', customer_id: 'c1', responded_at: ts('2026-05-25'), score: 10 },
  ]);
  await insertRows(store, 'activities', [
    // The owner's last call is exactly 60 days before; another rep's later call does not count.
    { id: 'a1', rep_id: 'r1', kind: 'call', occurred_at: ts('2026-03-21'), customer_id: 'c1' },
    { id: 'a2', rep_id: 'r2', kind: 'call', occurred_at: ts('2026-05-01'), customer_id: 'c1' },
    { id: 'a3', rep_id: 'r1', kind: 'call', occurred_at: ts('2026-05-22'), customer_id: 'c1' },
  ]);
  await store.query(
    `INSERT INTO tracker_hits (conversation_id, tracker, phrase, matched, speaker, is_rep_speaking, snippet, position, occurred_at, customer_id)
     VALUES ('v1', 'pricing', 'too expensive', 'too expensive', 'Kim', FALSE, 'It is too expensive.', 0, CAST('2026-05-15 10:00:00' AS TIMESTAMP), 'c1'),
            ('v1', 'pricing', 'cheaper', 'cheaper', 'Ravi Rep', TRUE, 'We can go cheaper.', 40, CAST('2026-05-15 10:00:00' AS TIMESTAMP), 'c1'),
            ('v2', 'pricing', 'too expensive', 'too expensive', 'Kim', FALSE, 'Too expensive.', 0, CAST('2026-05-21 10:00:00' AS TIMESTAMP), 'c1')`,
  );
}

describe('health features and score', () => {
  it('reads every signal from rows before the as-of instant only', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      const features = await readHealthFeatures(store, AS_OF);
      // c3 ended on 1 May: not active, not scored.
      expect(features.map((f) => f.customer_id)).toEqual(['c1', 'c2']);
      const [acme, bolt] = features;
      expect(acme?.signals).toMatchObject({
        usage_trend: -0.75,
        active_user_drop: 0.6,
        failed_invoices_30d: 1,
        card_lapses_before_charge: 1,
        open_escalations: 1,
        nps_latest: 5,
        nps_change: -4,
        days_since_owner_contact: 60,
        days_to_renewal: 26,
        tracker_hits_30d: 1,
        probability_alive: null,
        mrr: 80,
      });
      expect(acme?.signals.seat_change_90d).toBeCloseTo(-0.2, 12);
      expect(acme?.signals.tenure_days).toBeCloseTo(339, 6);
      expect(acme?.descriptors).toMatchObject({
        segment: 'smb',
        plan: 'growth',
        contract_type: 'annual',
      });
      // Nothing known about Bolt fires nothing: unknown is not bad news.
      expect(bolt?.signals).toMatchObject({
        usage_trend: null,
        active_user_drop: null,
        failed_invoices_30d: 0,
        card_lapses_before_charge: 0,
        nps_latest: null,
        seat_change_90d: 0,
        days_to_renewal: null,
      });
    });
  });

  it('scores with the default rules, most damaging reasons first, and keeps the snapshot', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      const scores = await scoreCustomers(store, {
        asOf: AS_OF,
        rules: DEFAULT_HEALTH_RULES,
        isModelUsed: false,
      });
      const [acme, bolt] = scores.customers;
      // −25 usage, −15 failed invoice, −15 card, −15 detractor, −15 risk talk, −10 users, −10
      // complaint, −10 NPS fall, −10 seats, −5 renewal = −130: clamped to 0. Owner contact 60 days
      // ago is not "above 60".
      expect(acme?.health).toBe(0);
      expect(acme?.at_risk).toBe(true);
      expect(acme?.reasons.map((r) => [r.rule, r.contribution])).toEqual([
        ['usage_collapsed', -25],
        ['card_expiring', -15],
        ['failed_invoice', -15],
        ['nps_detractor', -15],
        ['risk_talk', -15],
        ['active_users_drop', -10],
        ['nps_falling', -10],
        ['open_escalation', -10],
        ['seats_cut', -10],
        ['renewal_soon', -5],
      ]);
      expect(acme?.reasons[0]?.reason).toBe('usage down 75 % (last 30 days vs the 60 before)');
      // Never contacted by its owner: counted from the record's creation, 139 days before.
      expect(bolt).toMatchObject({ customer_id: 'c2', health: 90, at_risk: false });
      expect(bolt?.reasons.map((r) => r.reason)).toEqual([
        'no contact from the owner for 139 days',
      ]);
      await writeHealthSnapshot(store, scores, new Date('2026-05-20T06:00:00Z'));
      await writeHealthSnapshot(store, scores, new Date('2026-05-20T07:00:00Z'));
      const rows = await store.query<{
        customer_id: string;
        health: number;
        at_risk: boolean;
        reasons: string;
      }>(
        `SELECT customer_id, health, at_risk, CAST(reasons AS TEXT) AS reasons FROM health_scores ORDER BY customer_id`,
      );
      expect(rows.map((r) => [r.customer_id, r.health, r.at_risk])).toEqual([
        ['c1', 0, true],
        ['c2', 90, false],
      ]);
      expect((JSON.parse(rows[0]?.reasons ?? '[]') as unknown[])[0]).toEqual({
        reason: 'usage down 75 % (last 30 days vs the 60 before)',
        contribution: -25,
      });
    });
  });
});
