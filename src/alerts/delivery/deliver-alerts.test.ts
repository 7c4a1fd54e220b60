import { describe, expect, it } from 'vitest';
import { insertHealthScores } from '../../../test/helpers/alert-sources.js';
import { withHttpReceiver, withSmtpInbox } from '../../../test/helpers/receivers.js';
import { insertRows } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import type { Store } from '../../store/store.js';
import { addChannel } from '../channels.js';
import { runAlertRules } from '../run-alert-rules.js';
import { deliverAlerts } from './deliver-alerts.js';
import { exponentialBackoff, type DeliveryPolicy } from './delivery-policy.js';
import { isValidSignature } from './sign-body.js';

const AS_OF = new Date('2026-05-20T00:00:00Z');
const START = new Date('2026-05-20T09:00:00Z');

/** A clock that only moves when the delivery loop sleeps, so the backoff schedule runs instantly. */
function buildPolicy(overrides: Partial<DeliveryPolicy> = {}) {
  let nowMs = START.getTime();
  const sleeps: number[] = [];
  const policy: DeliveryPolicy = {
    now: () => new Date(nowMs),
    sleep: (ms) => {
      sleeps.push(ms);
      nowMs += ms;
      return Promise.resolve();
    },
    backoffMs: exponentialBackoff(1_000, 60_000),
    maxAttempts: 4,
    maxWaitMs: 600_000,
    timeoutMs: 5_000,
    ...overrides,
  };
  return { policy, sleeps };
}

/** One customer (Acme, owned by Ravi) crossing into at-risk: one alert. */
async function raiseOneAlert(store: Store): Promise<void> {
  await insertRows(store, 'reps', [
    { id: 'r1', name: 'Ravi', email: 'ravi@example.com', role: 'ae' },
  ]);
  await insertRows(store, 'customers', [
    { id: 'c1', name: 'Acme', created_at: '2025-01-01 00:00:00', owner_rep_id: 'r1' },
  ]);
  await insertHealthScores(store, [
    { as_of: '2026-05-18', customer_id: 'c1', health: 70, at_risk: false },
    {
      as_of: '2026-05-19',
      customer_id: 'c1',
      health: 35,
      at_risk: true,
      reasons: [{ reason: 'usage down 40 %', contribution: -20 }],
    },
  ]);
  const run = await runAlertRules(store, { asOf: AS_OF, now: START });
  expect(run.raised).toHaveLength(1);
}

describe('alert delivery', () => {
  it('posts the alert as JSON with a signature the receiver can verify', async () => {
    await withTempStore(async (store) => {
      await withHttpReceiver([], async (receiver) => {
        await addChannel(store, { kind: 'webhook', target: receiver.url, secret: 's3cret' }, START);
        await raiseOneAlert(store);
        const report = await deliverAlerts(store, buildPolicy().policy);
        expect(report).toMatchObject({ sent: 1, failed: 0, pending: 0 });
        expect(receiver.requests).toHaveLength(1);
        const [request] = receiver.requests;
        const signature = String(request?.headers['x-retain-signature']);
        expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
        expect(isValidSignature(request?.body ?? '', 's3cret', signature)).toBe(true);
        expect(isValidSignature(request?.body ?? '', 'other', signature)).toBe(false);
        expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
          event: 'alert.raised',
          alert: {
            kind: 'at_risk',
            subject_id: 'c1',
            assignee: { id: 'r1', name: 'Ravi', email: 'ravi@example.com' },
          },
        });
      });
    });
  });

  it('retries a 500 with exponential backoff, then delivers, recording every attempt', async () => {
    await withTempStore(async (store) => {
      await withHttpReceiver([500, 500], async (receiver) => {
        await addChannel(store, { kind: 'webhook', target: receiver.url, secret: 'k' }, START);
        await raiseOneAlert(store);
        const { policy, sleeps } = buildPolicy();
        const report = await deliverAlerts(store, policy);
        // Two failures, waits of 1 s then 2 s, then the third attempt goes through.
        expect(sleeps).toEqual([1_000, 2_000]);
        expect(report.attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
          [1, 'pending'],
          [2, 'pending'],
          [3, 'sent'],
        ]);
        expect(receiver.requests).toHaveLength(3);
        const attempts = await store.query<{
          attempt: number;
          is_success: boolean;
          error: string | null;
        }>(`SELECT attempt, is_success, error FROM alert_delivery_attempts ORDER BY attempt`);
        expect(attempts).toEqual([
          {
            attempt: 1,
            is_success: false,
            error: 'HTTP 500 Internal Server Error: receiver failed on purpose',
          },
          {
            attempt: 2,
            is_success: false,
            error: 'HTTP 500 Internal Server Error: receiver failed on purpose',
          },
          { attempt: 3, is_success: true, error: null },
        ]);
        const [delivery] = await store.query(
          `SELECT status, attempts, sent_at FROM alert_deliveries`,
        );
        // Sent 3 s after the start (1 s + 2 s of backoff).
        expect(delivery).toEqual({ status: 'sent', attempts: 3, sent_at: '2026-05-20T09:00:03Z' });
      });
    });
  });

  it('keeps a delivery pending across a restart and sends it on the next run', async () => {
    await withTempStore(async (store) => {
      await withHttpReceiver([503], async (receiver) => {
        await addChannel(store, { kind: 'slack', target: receiver.url }, START);
        await raiseOneAlert(store);
        // The first run may not wait: it gives up for now after one failure.
        const first = await deliverAlerts(store, buildPolicy({ maxWaitMs: 0 }).policy);
        expect(first).toMatchObject({ sent: 0, failed: 0, pending: 1 });
        // A new process an hour later (a fresh policy and clock) resumes it.
        const later = buildPolicy();
        const second = await deliverAlerts(store, {
          ...later.policy,
          now: () => new Date(START.getTime() + 3_600_000),
        });
        expect(second).toMatchObject({ sent: 1, pending: 0 });
        expect(receiver.requests.map((request) => JSON.parse(request.body) as unknown)).toEqual([
          expect.objectContaining({ text: expect.stringContaining('Acme is at risk') as unknown }),
          expect.objectContaining({ text: expect.stringContaining('Owner: Ravi') as unknown }),
        ]);
      });
    });
  });

  it('marks a delivery failed after its last attempt and keeps the error', async () => {
    await withTempStore(async (store) => {
      await withHttpReceiver([500, 500, 500, 500], async (receiver) => {
        await addChannel(store, { kind: 'webhook', target: receiver.url }, START);
        await raiseOneAlert(store);
        const report = await deliverAlerts(store, buildPolicy().policy);
        expect(report).toMatchObject({ sent: 0, failed: 1, pending: 0 });
        const [delivery] = await store.query(
          `SELECT status, attempts, last_error FROM alert_deliveries`,
        );
        expect(delivery).toEqual({
          status: 'failed',
          attempts: 4,
          last_error: 'HTTP 500 Internal Server Error: receiver failed on purpose',
        });
      });
    });
  });

  it('mails the alert to the assignee over SMTP when the channel names no recipient', async () => {
    await withTempStore(async (store) => {
      await withSmtpInbox(async (inbox) => {
        await addChannel(
          store,
          { kind: 'email', target: `${inbox.url}?from=alerts@retain.test` },
          START,
        );
        await raiseOneAlert(store);
        const report = await deliverAlerts(store, buildPolicy().policy);
        expect(report).toMatchObject({ sent: 1, pending: 0 });
        expect(inbox.mails).toHaveLength(1);
        const [mail] = inbox.mails;
        expect(mail?.from).toBe('alerts@retain.test');
        expect(mail?.to).toEqual(['ravi@example.com']);
        expect(mail?.raw).toContain(
          'Subject: [Retain] Customer at risk: Acme is at risk (health 35)',
        );
        expect(mail?.body).toContain(
          'Owner: Ravi. Follow-up by 2026-05-22: Call Acme about usage down 40 % (−20.0).',
        );
      });
    });
  });
});
