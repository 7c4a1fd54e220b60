import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/api/auth/users.js';
import { runAlertRules } from '../../src/alerts/run-alert-rules.js';
import type { Store } from '../../src/store/store.js';
import { insertHealthScores } from '../helpers/alert-sources.js';
import { insertRows } from '../helpers/seed-store.js';
import { ApiClient, withServer } from '../helpers/start-server.js';
import { withTempStore } from '../helpers/temp-store.js';

const NOW = new Date('2026-05-20T09:00:00Z');
const PASSWORD = 'correct horse battery';

type AlertBody = { id: string; subject_id: string; state: string; acknowledged_at: string | null };

/** North (manager m1, reps a1, a2) and South (b1); each rep's customer crosses into at-risk. */
async function seedAlerts(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'm1', name: 'Mira', team: 'North', role: 'manager' },
    { id: 'a1', name: 'Ana', team: 'North', role: 'ae', manager_id: 'm1' },
    { id: 'a2', name: 'Abe', team: 'North', role: 'ae', manager_id: 'm1' },
    { id: 'b1', name: 'Bo', team: 'South', role: 'ae' },
  ]);
  const customers = [
    ['ca1', 'a1'],
    ['ca2', 'a2'],
    ['cb1', 'b1'],
  ] as const;
  await insertRows(
    store,
    'customers',
    customers.map(([id, owner]) => ({
      id,
      name: id,
      created_at: '2025-01-01 00:00:00',
      owner_rep_id: owner,
    })),
  );
  await insertHealthScores(
    store,
    customers.flatMap(([id]) => [
      { as_of: '2026-05-18', customer_id: id, health: 70, at_risk: false },
      { as_of: '2026-05-19', customer_id: id, health: 30, at_risk: true },
    ]),
  );
  await runAlertRules(store, { asOf: NOW, now: NOW });
  await createUser(store, { email: 'admin@example.com', role: 'admin', password: PASSWORD }, NOW);
  await createUser(
    store,
    { email: 'mira@example.com', role: 'manager', repId: 'm1', password: PASSWORD },
    NOW,
  );
  await createUser(
    store,
    { email: 'ana@example.com', role: 'rep', repId: 'a1', password: PASSWORD },
    NOW,
  );
}

async function signIn(baseUrl: string, email: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  expect((await client.login(email, PASSWORD)).status).toBe(200);
  return client;
}

const subjects = (body: { alerts: AlertBody[] }) =>
  body.alerts.map((alert) => alert.subject_id).sort();

describe('alerts over HTTP', () => {
  it('lists the at-risk customers of the latest snapshot within each caller’s book', async () => {
    await withTempStore(async (store) => {
      await seedAlerts(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        type RiskBody = { as_of: string; customers: { customer_id: string; since: string }[] };
        const ids = (body: RiskBody) => body.customers.map((c) => c.customer_id).sort();
        const ana = await (await signIn(baseUrl, 'ana@example.com')).getJson<RiskBody>('/api/risk');
        expect(ana.as_of).toBe('2026-05-19');
        expect(ana.customers).toMatchObject([{ customer_id: 'ca1', since: '2026-05-19' }]);
        const mira = await signIn(baseUrl, 'mira@example.com');
        expect(ids(await mira.getJson<RiskBody>('/api/risk'))).toEqual(['ca1', 'ca2']);
        const admin = await signIn(baseUrl, 'admin@example.com');
        expect(ids(await admin.getJson<RiskBody>('/api/risk'))).toEqual(['ca1', 'ca2', 'cb1']);
      });
    });
  });

  it('lists a rep’s own alerts, a manager’s team’s and an admin’s all', async () => {
    await withTempStore(async (store) => {
      await seedAlerts(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const ana = await signIn(baseUrl, 'ana@example.com');
        const mira = await signIn(baseUrl, 'mira@example.com');
        const admin = await signIn(baseUrl, 'admin@example.com');
        expect(subjects(await ana.getJson('/api/alerts'))).toEqual(['ca1']);
        expect(subjects(await mira.getJson('/api/alerts'))).toEqual(['ca1', 'ca2']);
        expect(subjects(await admin.getJson('/api/alerts?state=open'))).toEqual([
          'ca1',
          'ca2',
          'cb1',
        ]);
      });
    });
  });

  it('acknowledges with the session’s CSRF token, refuses without it, and hides other books’ alerts', async () => {
    await withTempStore(async (store) => {
      await seedAlerts(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const ana = await signIn(baseUrl, 'ana@example.com');
        const { alerts } = await ana.getJson<{ alerts: AlertBody[] }>('/api/alerts');
        const own = alerts[0]?.id ?? '';

        const noToken = await ana.request('POST', `/api/alerts/${own}/acknowledge`);
        expect(noToken.status).toBe(403);

        const csrf = { 'x-csrf-token': ana.csrfToken };
        const acknowledged = await ana.request(
          'POST',
          `/api/alerts/${own}/acknowledge`,
          undefined,
          csrf,
        );
        expect(acknowledged.status).toBe(200);
        expect(await acknowledged.json()).toMatchObject({
          id: own,
          state: 'acknowledged',
          acknowledged_at: '2026-05-20T09:00:00Z',
        });
        const twice = await ana.request('POST', `/api/alerts/${own}/acknowledge`, undefined, csrf);
        expect(twice.status).toBe(409);

        const admin = await signIn(baseUrl, 'admin@example.com');
        const all = await admin.getJson<{ alerts: AlertBody[] }>('/api/alerts');
        const bos = all.alerts.find((alert) => alert.subject_id === 'cb1')?.id ?? '';
        const foreign = await ana.request('POST', `/api/alerts/${bos}/resolve`, undefined, csrf);
        expect(foreign.status).toBe(404);

        const resolved = await ana.request('POST', `/api/alerts/${own}/resolve`, undefined, csrf);
        expect(await resolved.json()).toMatchObject({ state: 'resolved' });
      });
    });
  });
});
