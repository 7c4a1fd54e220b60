import { describe, expect, it } from 'vitest';
import { insertHealthScores } from '../../test/helpers/alert-sources.js';
import { insertRows } from '../../test/helpers/seed-store.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import { RetainError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { acknowledgeAlert, readAlerts, resolveAlert } from './alert-log.js';
import { addChannel, maskTarget, readChannels, removeChannel } from './channels.js';
import { runAlertRules } from './run-alert-rules.js';

const AS_OF = new Date('2026-05-20T00:00:00Z');
const NOW = new Date('2026-05-20T09:00:00Z');

/** Two customers of two reps cross into at-risk on 19 May: two alerts. */
async function raiseTwoAlerts(store: Store): Promise<string[]> {
  await insertRows(store, 'reps', [
    { id: 'r1', name: 'Ravi', team: 'North', role: 'ae' },
    { id: 'r2', name: 'Rosa', team: 'South', role: 'ae' },
  ]);
  await insertRows(store, 'customers', [
    { id: 'c1', name: 'Acme', created_at: '2025-01-01 00:00:00', owner_rep_id: 'r1' },
    { id: 'c2', name: 'Bolt', created_at: '2025-01-01 00:00:00', owner_rep_id: 'r2' },
  ]);
  await insertHealthScores(store, [
    { as_of: '2026-05-18', customer_id: 'c1', health: 70, at_risk: false },
    { as_of: '2026-05-18', customer_id: 'c2', health: 70, at_risk: false },
    { as_of: '2026-05-19', customer_id: 'c1', health: 30, at_risk: true },
    { as_of: '2026-05-19', customer_id: 'c2', health: 40, at_risk: true },
  ]);
  const run = await runAlertRules(store, { asOf: AS_OF, now: NOW });
  return run.raised.map((alert) => alert.id);
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof RetainError ? error.code : String(error)),
  );

describe('alert log', () => {
  it('moves an alert from open to acknowledged to resolved, stamping each step', async () => {
    await withTempStore(async (store) => {
      const [id = ''] = await raiseTwoAlerts(store);
      const acknowledged = await acknowledgeAlert(store, id, new Date('2026-05-20T10:00:00Z'));
      expect(acknowledged).toMatchObject({
        state: 'acknowledged',
        acknowledged_at: '2026-05-20T10:00:00Z',
        resolved_at: null,
      });
      const resolved = await resolveAlert(store, id, new Date('2026-05-21T16:30:00Z'));
      expect(resolved).toMatchObject({
        state: 'resolved',
        acknowledged_at: '2026-05-20T10:00:00Z',
        resolved_at: '2026-05-21T16:30:00Z',
      });
    });
  });

  it('refuses to move an alert backwards or twice, and names unknown ids', async () => {
    await withTempStore(async (store) => {
      const [first = '', second = ''] = await raiseTwoAlerts(store);
      await resolveAlert(store, first, NOW);
      expect(await codeOf(acknowledgeAlert(store, first, NOW))).toBe('CONFLICT');
      expect(await codeOf(resolveAlert(store, first, NOW))).toBe('CONFLICT');
      await acknowledgeAlert(store, second, NOW);
      expect(await codeOf(acknowledgeAlert(store, second, NOW))).toBe('CONFLICT');
      expect(await codeOf(acknowledgeAlert(store, 'al_nope', NOW))).toBe('NOT_FOUND');
    });
  });

  it('filters by state and by the assignee’s scope', async () => {
    await withTempStore(async (store) => {
      const [first = ''] = await raiseTwoAlerts(store);
      await acknowledgeAlert(store, first, NOW);
      expect((await readAlerts(store, { state: 'open' })).map((alert) => alert.subject_id)).toEqual(
        ['c2'],
      );
      const ravis = await readAlerts(store, {
        scope: (n) => ({ sql: `a.assignee_rep_id = $${n}`, params: ['r1'] }),
      });
      expect(ravis.map((alert) => alert.subject_id)).toEqual(['c1']);
    });
  });

  it('never raises the same alert twice, however often the rules run', async () => {
    await withTempStore(async (store) => {
      expect(await raiseTwoAlerts(store)).toHaveLength(2);
      for (let run = 0; run < 3; run++) {
        expect((await runAlertRules(store, { asOf: AS_OF, now: NOW })).raised).toEqual([]);
      }
      const [row] = await store.query<{ n: number; keys: number }>(
        `SELECT count(*) AS n, count(DISTINCT dedupe_key) AS keys FROM alerts`,
      );
      expect(row).toEqual({ n: 2, keys: 2 });
    });
  });

  it('queues one delivery per enabled channel, and keeps undelivered ones as failed when a channel is removed', async () => {
    await withTempStore(async (store) => {
      const hook = await addChannel(
        store,
        { kind: 'webhook', target: 'http://127.0.0.1:9/hook' },
        NOW,
      );
      await addChannel(
        store,
        { kind: 'email', target: 'smtp://user:pw@127.0.0.1:2525?to=team@example.com' },
        NOW,
      );
      // A webhook without --secret gets a generated one, so it is always signed.
      expect(hook.secret).toMatch(/^[\w-]{32}$/);
      await raiseTwoAlerts(store);
      // 2 alerts × 2 channels.
      const [queued] = await store.query<{ n: number }>(
        `SELECT count(*) AS n FROM alert_deliveries WHERE status = 'pending'`,
      );
      expect(queued?.n).toBe(4);
      expect(await removeChannel(store, hook.id)).toBe(2);
      const rows = await store.query<{ status: string; last_error: string }>(
        `SELECT status, last_error FROM alert_deliveries WHERE channel_id = $1`,
        [hook.id],
      );
      expect(rows).toEqual([
        {
          status: 'failed',
          last_error: `channel ${hook.id} was removed before this delivery went out`,
        },
        {
          status: 'failed',
          last_error: `channel ${hook.id} was removed before this delivery went out`,
        },
      ]);
      const channels = await readChannels(store);
      expect(channels.map((channel) => maskTarget(channel.target))).toEqual([
        'smtp://user:***@127.0.0.1:2525?to=team@example.com',
      ]);
    });
  });

  it('refuses a target that does not fit the channel kind, saying what to write', async () => {
    await withTempStore(async (store) => {
      await expect(
        addChannel(store, { kind: 'email', target: 'ops@example.com' }, NOW),
      ).rejects.toThrow('--target ops@example.com is not a email target.');
      await expect(addChannel(store, { kind: 'pager', target: 'http://x' }, NOW)).rejects.toThrow(
        '--kind pager is not a channel kind.',
      );
    });
  });
});
