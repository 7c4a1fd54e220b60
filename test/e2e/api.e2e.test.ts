import { describe, expect, it } from 'vitest';
import { createUser, issueApiToken } from '../../src/api/auth/users.js';
import { computeMetrics, type MetricResult } from '../../src/metrics/compute-metrics.js';
import { parseMetricRequest } from '../../src/metrics/parse-metric-request.js';
import type { Store } from '../../src/store/store.js';
import { insertRows } from '../helpers/seed-store.js';
import { ApiClient, withServer } from '../helpers/start-server.js';
import { withTempStore } from '../helpers/temp-store.js';

const NOW = new Date('2024-06-30T12:00:00Z');
const PASSWORD = 'correct horse battery';

/** Two teams: North (manager m1, reps a1 and a2) and South (rep b1), one customer each rep. */
async function seedCompany(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'm1', name: 'Mira', team: 'North', role: 'manager' },
    { id: 'a1', name: 'Ana', team: 'North', role: 'ae', manager_id: 'm1' },
    { id: 'a2', name: 'Abe', team: 'North', role: 'ae', manager_id: 'm1' },
    { id: 'b1', name: 'Bo', team: 'South', role: 'ae' },
  ]);
  await insertRows(store, 'customers', [
    {
      id: 'ca1',
      name: 'Acme',
      created_at: '2024-01-01 00:00:00',
      owner_rep_id: 'a1',
      segment: 'smb',
    },
    {
      id: 'ca2',
      name: 'Apex',
      created_at: '2024-01-01 00:00:00',
      owner_rep_id: 'a2',
      segment: 'enterprise',
    },
    {
      id: 'cb1',
      name: 'Bolt',
      created_at: '2024-01-01 00:00:00',
      owner_rep_id: 'b1',
      segment: 'smb',
    },
  ]);
  await insertRows(store, 'subscriptions', [
    {
      id: 's1',
      customer_id: 'ca1',
      started_at: '2024-01-05 00:00:00',
      mrr: '100',
      currency: 'USD',
    },
    {
      id: 's2',
      customer_id: 'ca2',
      started_at: '2024-01-05 00:00:00',
      mrr: '300',
      currency: 'USD',
    },
    {
      id: 's3',
      customer_id: 'cb1',
      started_at: '2024-01-05 00:00:00',
      ended_at: '2024-06-10 00:00:00',
      mrr: '50',
      currency: 'USD',
      end_reason: 'voluntary',
    },
  ]);
  await insertRows(store, 'invoices', [
    {
      id: 'i1',
      customer_id: 'ca1',
      subscription_id: 's1',
      issued_at: '2024-06-05 00:00:00',
      amount: '100',
      currency: 'USD',
      status: 'paid',
      paid_at: '2024-06-06 00:00:00',
    },
  ]);
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

const JUNE =
  '/api/metrics?metric=customers_active,mrr,customer_churn_rate&from=2024-06-01&to=2024-07-01';

describe('the HTTP API on 127.0.0.1', () => {
  it('refuses without a session, signs in with a cookie, and answers /api/metrics exactly like the engine', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const anonymous = await fetch(`${baseUrl}${JUNE}`);
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
        expect(await anonymous.json()).toMatchObject({
          status: 401,
          title: 'Sign in first',
          detail: 'You are not signed in, or your session has expired.',
        });

        const client = new ApiClient(baseUrl);
        expect((await client.login('admin@example.com', 'wrong password')).status).toBe(401);
        const login = await client.login('Admin@Example.com', PASSWORD);
        expect(login.status).toBe(200);
        expect(login.headers.get('set-cookie')).toMatch(
          /retain_session=.+; Path=\/; HttpOnly; SameSite=Strict/,
        );
        expect(await client.getJson('/api/auth/me')).toMatchObject({
          user: { email: 'admin@example.com', role: 'admin' },
        });

        const viaApi = await client.getJson<MetricResult[]>(JUNE);
        const viaEngine = await computeMetrics(
          store,
          await parseMetricRequest(store, {
            metrics: ['customers_active', 'mrr', 'customer_churn_rate'],
            from: '2024-06-01',
            to: '2024-07-01',
            asOf: NOW,
          }),
        );
        expect(viaApi).toEqual(JSON.parse(JSON.stringify(viaEngine)));
        expect(viaApi.map((result) => [result.metric, result.value])).toEqual([
          ['customers_active', 2],
          ['customer_churn_rate', 1 / 3],
          ['mrr', 400],
        ]);
      });
    });
  });

  it('cuts KPIs and customers to the caller: a rep sees their book, a manager their team', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const rep = new ApiClient(baseUrl);
        await rep.login('ana@example.com', PASSWORD);
        expect(
          (await rep.getJson<MetricResult[]>(JUNE)).find((result) => result.metric === 'mrr')
            ?.value,
        ).toBe(100);
        expect(await rep.getJson('/api/customers')).toMatchObject({
          total: 1,
          customers: [{ id: 'ca1', mrr: 100, is_active: true }],
        });
        const other = await rep.request('GET', '/api/customers/cb1');
        expect(other.status).toBe(404);
        expect(await other.json()).toMatchObject({ detail: 'No customer cb1 that you may see.' });
        const own = await rep.getJson<{ customer: { id: string }; timeline: { kind: string }[] }>(
          '/api/customers/ca1',
        );
        expect(own.customer.id).toBe('ca1');
        expect(own.timeline.map((event) => event.kind)).toEqual([
          'invoice',
          'subscription_started',
        ]);

        const manager = new ApiClient(baseUrl);
        await manager.login('mira@example.com', PASSWORD);
        expect(
          (await manager.getJson<MetricResult[]>(JUNE)).find((result) => result.metric === 'mrr')
            ?.value,
        ).toBe(400);
        expect(
          (await manager.getJson<{ customers: { id: string }[] }>('/api/customers')).customers.map(
            (c) => c.id,
          ),
        ).toEqual(['ca1', 'ca2']);
        expect((await manager.request('GET', '/api/customers/cb1')).status).toBe(404);
        expect((await manager.request('GET', '/api/users')).status).toBe(403);
      });
    });
  });

  it('needs the CSRF header for cookie writes, accepts API tokens, and limits login attempts', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      const token = await issueApiToken(store, 'admin@example.com', NOW);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const admin = new ApiClient(baseUrl);
        await admin.login('admin@example.com', PASSWORD);
        const body = {
          email: 'new@example.com',
          role: 'rep',
          rep_id: 'a2',
          password: 'long enough password',
        };
        const forged = await admin.request('POST', '/api/users', body);
        expect(forged.status).toBe(403);
        expect(await forged.json()).toMatchObject({
          detail: 'This change needs the X-CSRF-Token header of your session.',
        });
        expect(
          (await admin.request('POST', '/api/users', body, { 'x-csrf-token': admin.csrfToken }))
            .status,
        ).toBe(201);

        const script = new ApiClient(baseUrl, token);
        expect(
          (await script.getJson<{ email: string }[]>('/api/users')).map((user) => user.email),
        ).toContain('new@example.com');
        expect(
          (await new ApiClient(baseUrl, 'rt_forged').request('GET', '/api/users')).status,
        ).toBe(401);

        const guesser = new ApiClient(baseUrl);
        const statuses: number[] = [];
        for (let attempt = 0; attempt < 12; attempt += 1)
          statuses.push((await guesser.login('ana@example.com', 'guess')).status);
        expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
        expect(statuses.slice(10)).toEqual([429, 429]);
      });
    });
  });

  it('validates parameters, documents itself, and imports uploads with the importer’s rules', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      const token = await issueApiToken(store, 'admin@example.com', NOW);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const client = new ApiClient(baseUrl, token);
        const bad = await client.request('GET', '/api/metrics?grain=hourly');
        expect(bad.status).toBe(400);
        expect(await bad.json()).toMatchObject({
          type: 'urn:retain:problem:invalid-request',
          status: 400,
        });
        const unknown = await client.request('GET', '/api/metrics?metric=happiness');
        expect(await unknown.json()).toMatchObject({
          status: 400,
          detail: '"happiness" is not a KPI Retain computes.',
        });

        const openapi = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as {
          paths: Record<string, unknown>;
        };
        expect(Object.keys(openapi.paths)).toEqual(
          expect.arrayContaining([
            '/api/metrics',
            '/api/customers/{id}',
            '/api/auth/login',
            '/api/imports',
          ]),
        );
        expect((await fetch(`${baseUrl}/api/docs/`)).status).toBe(200);

        const form = new FormData();
        form.append('entity', 'orders');
        form.append(
          'file',
          new Blob([
            'id,customer_id,ordered_at,amount\no1,ca1,2024-06-01,10\no2,ca1,2024-06-31,10\n',
          ]),
          'orders.csv',
        );
        const upload = await fetch(`${baseUrl}/api/imports`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(upload.status).toBe(200);
        expect(await upload.json()).toMatchObject({
          committed: false,
          rejectedRows: 1,
          sampleRejects: [
            {
              file: 'orders.csv',
              line: 3,
              column: 'ordered_at',
              value: '2024-06-31',
              reason: 'is not a calendar date',
            },
          ],
        });
        const repToken = await issueApiToken(store, 'ana@example.com', NOW);
        const repUpload = await fetch(`${baseUrl}/api/imports`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${repToken}` },
        });
        expect(repUpload.status).toBe(403);
      });
    });
  });

  it('serves goal progress scoped to the caller, plans for managers, and stored CLV predictions', async () => {
    await withTempStore(async (store) => {
      await seedCompany(store);
      await insertRows(store, 'goals', [
        {
          id: 'g_company',
          metric: 'mrr',
          scope: 'company',
          period_start: '2024-06-01',
          period_end: '2024-07-01',
          target: '500',
        },
        {
          id: 'g_ana',
          metric: 'mrr',
          scope: 'rep',
          scope_id: 'a1',
          period_start: '2024-06-01',
          period_end: '2024-07-01',
          target: '100',
        },
      ]);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const rep = new ApiClient(baseUrl);
        await rep.login('ana@example.com', PASSWORD);
        const progress =
          await rep.getJson<{ id: string; actual: number; status: string }[]>(
            '/api/goals/progress',
          );
        // Ana's MRR is 100 against a target of 100: on track; she does not see the company goal.
        expect(progress.map((goal) => [goal.id, goal.actual, goal.status])).toEqual([
          ['g_ana', 100, 'on_track'],
        ]);
        expect(
          (await rep.request('GET', '/api/goals/plan?revenue=1000&period=2024-Q3')).status,
        ).toBe(403);

        const admin = new ApiClient(baseUrl);
        await admin.login('admin@example.com', PASSWORD);
        expect(
          (await admin.getJson<{ id: string }[]>('/api/goals/progress')).map((goal) => goal.id),
        ).toEqual(['g_company', 'g_ana']);
        const created = await admin.request(
          'POST',
          '/api/goals',
          { metric: 'win_rate', target: 0.3, period: '2024-Q3' },
          { 'x-csrf-token': admin.csrfToken },
        );
        expect(created.status).toBe(201);
        const noFunnel = await admin.request('GET', '/api/goals/plan?revenue=1000&period=2024-Q3');
        expect(await noFunnel.json()).toMatchObject({
          status: 400,
          detail: expect.stringContaining('The funnel has no data') as unknown,
        });

        expect(await (await admin.request('GET', '/api/clv/predictions')).json()).toMatchObject({
          status: 404,
          hint: 'Run retain clv predict --from-orders --store.',
        });
        await store.query(
          `INSERT INTO clv_predictions VALUES ('ca1', 'bgnbd', 'weeks', NULL, 2, 10, 20, 0.9, 52, 1.5, 40, 52, 0.01, 60.5, TIMESTAMP '2024-06-30'),
                                              ('cb1', 'bgnbd', 'weeks', NULL, 0, 0, 20, 0.4, 52, 0.2, NULL, 52, 0.01, NULL, TIMESTAMP '2024-06-30')`,
        );
        expect(
          (await rep.getJson<{ customer_id: string; clv: number }[]>('/api/clv/predictions')).map(
            (row) => [row.customer_id, row.clv],
          ),
        ).toEqual([['ca1', 60.5]]);
        expect(
          (await admin.getJson<{ customer_id: string }[]>('/api/clv/predictions')).map(
            (row) => row.customer_id,
          ),
        ).toEqual(['ca1', 'cb1']);
      });
    });
  });
});
