/**
 * The watch surfaces over a real server on 127.0.0.1: the digest, tracker
 * trends, a customer's health history and tracker hits, and the settings an
 * admin edits (health rules, trackers, delivery channels), with the same
 * validation and role scopes as everywhere else.
 */
import { describe, expect, it } from 'vitest';
import { createUser, issueApiToken } from '../../src/api/auth/users.js';
import type { CustomerDetail } from '../../src/api/contract/customers.js';
import type { Digest } from '../../src/digest/digest.js';
import { DEFAULT_HEALTH_RULES } from '../../src/models/risk/health-rules.js';
import { scanConversations } from '../../src/models/trackers/scan-conversations.js';
import { DEFAULT_TRACKERS } from '../../src/models/trackers/tracker-definitions.js';
import type { Store } from '../../src/store/store.js';
import { insertHealthScores } from '../helpers/alert-sources.js';
import { insertRows } from '../helpers/seed-store.js';
import { ApiClient, withServer } from '../helpers/start-server.js';
import { withTempStore } from '../helpers/temp-store.js';

const NOW = new Date('2026-05-20T09:00:00Z');
const PASSWORD = 'correct horse battery';

async function seed(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'a1', name: 'Ana Rep', team: 'North', role: 'ae' },
    { id: 'b1', name: 'Bo Rep', team: 'South', role: 'ae' },
  ]);
  await insertRows(store, 'customers', [
    { id: 'ca1', name: 'Acme', created_at: '2025-01-01 00:00:00', owner_rep_id: 'a1' },
    { id: 'cb1', name: 'Bolt', created_at: '2025-01-01 00:00:00', owner_rep_id: 'b1' },
  ]);
  await insertRows(store, 'conversations', [
    {
      id: 'v1',
      occurred_at: '2026-05-12 10:00:00',
      rep_id: 'a1',
      customer_id: 'ca1',
      transcript: 'Ana Rep: How is it going?\nKim: Honestly it is too expensive.',
    },
    {
      id: 'v2',
      occurred_at: '2026-05-13 10:00:00',
      rep_id: 'b1',
      customer_id: 'cb1',
      transcript: 'Bo Rep: Hello.\nLee: All good here.',
    },
  ]);
  await scanConversations(store, DEFAULT_TRACKERS, { now: NOW });
  await insertHealthScores(store, [
    { as_of: '2026-05-12', customer_id: 'ca1', health: 80, at_risk: false },
    {
      as_of: '2026-05-19',
      customer_id: 'ca1',
      health: 45,
      at_risk: true,
      reasons: [{ reason: '1 risk phrase(s) in calls in the last 30 days', contribution: -15 }],
    },
  ]);
  await createUser(store, { email: 'admin@example.com', role: 'admin', password: PASSWORD }, NOW);
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

describe('watch surfaces over HTTP', () => {
  it('gives each person their digest, as JSON or the HTML a mail client gets', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const ana = await signIn(baseUrl, 'ana@example.com');
        // A rep asking for another rep's digest still gets their own.
        const own = await ana.getJson<Digest>('/api/digest?rep=b1');
        expect(own.audience).toMatchObject({ kind: 'rep', rep_id: 'a1' });
        expect(own.at_risk.map((entry) => entry.customer_id)).toEqual(['ca1']);
        const admin = await signIn(baseUrl, 'admin@example.com');
        expect((await admin.getJson<Digest>('/api/digest')).audience.kind).toBe('company');
        const html = await admin.request('GET', '/api/digest?format=html&date=2026-05-20');
        expect(html.headers.get('content-type')).toContain('text/html');
        expect(await html.text()).toContain('Acme');
      });
    });
  });

  it('shows a customer’s health history and the tracker hits of its calls, and weekly trends', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const ana = await signIn(baseUrl, 'ana@example.com');
        const detail = await ana.getJson<CustomerDetail>('/api/customers/ca1');
        expect(detail.health.map((s) => [s.as_of, s.health, s.at_risk])).toEqual([
          ['2026-05-19', 45, true],
          ['2026-05-12', 80, false],
        ]);
        expect(detail.health[0]?.reasons[0]?.contribution).toBe(-15);
        const call = detail.timeline.find((event) => event.id === 'v1');
        expect(call?.trackers).toEqual([
          { tracker: 'pricing', phrase: 'too expensive', snippet: 'Honestly it is too expensive.' },
        ]);
        const { weeks } = await ana.getJson<{
          weeks: { week_start: string; tracker: string; conversations: number; share: number }[];
        }>('/api/trackers/trends?from=2026-05-01&to=2026-05-20');
        expect(weeks.filter((week) => week.tracker === 'pricing')).toMatchObject([
          { week_start: '2026-05-11', conversations: 2, share: 0.5 },
        ]);
      });
    });
  });

  it('lets an admin replace the rules and trackers and manage channels, refusing bad input and reps', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      await withServer(store, NOW, async ({ baseUrl }) => {
        const ana = await signIn(baseUrl, 'ana@example.com');
        const admin = await signIn(baseUrl, 'admin@example.com');
        const csrf = (client: ApiClient) => ({ 'x-csrf-token': client.csrfToken });
        expect(await ana.getJson('/api/settings/health-rules')).toEqual(DEFAULT_HEALTH_RULES);
        const rules = { ...DEFAULT_HEALTH_RULES, threshold: 70 };
        expect(
          (await ana.request('PUT', '/api/settings/health-rules', rules, csrf(ana))).status,
        ).toBe(403);
        const saved = await admin.request('PUT', '/api/settings/health-rules', rules, csrf(admin));
        expect(saved.status).toBe(200);
        expect(((await saved.json()) as { threshold: number }).threshold).toBe(70);
        const bad = await admin.request(
          'PUT',
          '/api/settings/health-rules',
          { threshold: 70, rules: [{ id: 'x', reason: 'x', signal: 'usage', points: -5 }] },
          csrf(admin),
        );
        expect(bad.status).toBe(400);
        expect(bad.headers.get('content-type')).toContain('application/problem+json');

        const trackers = [
          { name: 'legal', phrases: ['lawyer'], speaker: 'anyone', negation_window: 0 },
        ];
        const put = await admin.request('PUT', '/api/settings/trackers', trackers, csrf(admin));
        expect(await put.json()).toEqual(trackers);

        const added = await admin.request(
          'POST',
          '/api/settings/channels',
          { kind: 'webhook', target: 'http://127.0.0.1:9/hook' },
          csrf(admin),
        );
        expect(added.status).toBe(201);
        const channel = (await added.json()) as { id: string; secret: string; is_signed: boolean };
        expect(channel.is_signed).toBe(true);
        expect(channel.secret.length).toBeGreaterThan(16);
        const listed =
          await admin.getJson<{ id: string; secret?: string }[]>('/api/settings/channels');
        expect(listed.map((c) => c.id)).toEqual([channel.id]);
        expect(listed[0]?.secret).toBeUndefined();
        expect((await ana.request('GET', '/api/settings/channels')).status).toBe(403);
        const removed = await admin.request(
          'DELETE',
          `/api/settings/channels/${channel.id}`,
          undefined,
          csrf(admin),
        );
        expect(removed.status).toBe(204);
        const again = await admin.request(
          'DELETE',
          `/api/settings/channels/${channel.id}`,
          undefined,
          csrf(admin),
        );
        expect(again.status).toBe(404);
      });
    });
  });

  it('ends a session at sign-out and a removed user’s token at once, although credentials are remembered', async () => {
    await withTempStore(async (store) => {
      await seed(store);
      const token = await issueApiToken(store, 'ana@example.com');
      await withServer(store, NOW, async ({ baseUrl }) => {
        const ana = await signIn(baseUrl, 'ana@example.com');
        expect((await ana.request('GET', '/api/risk')).status).toBe(200);
        const script = new ApiClient(baseUrl, token);
        expect((await script.request('GET', '/api/risk')).status).toBe(200);
        expect(
          (
            await ana.request('POST', '/api/auth/logout', undefined, {
              'x-csrf-token': ana.csrfToken,
            })
          ).status,
        ).toBe(204);
        expect((await ana.request('GET', '/api/risk')).status).toBe(401);
        const admin = await signIn(baseUrl, 'admin@example.com');
        const removed = await admin.request('DELETE', '/api/users/ana@example.com', undefined, {
          'x-csrf-token': admin.csrfToken,
        });
        expect(removed.status).toBe(204);
        expect((await script.request('GET', '/api/risk')).status).toBe(401);
      });
    });
  });
});
