import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidSignature } from '../../src/alerts/delivery/sign-body.js';
import { openStore } from '../../src/store/open-store.js';
import { insertHealthScores } from '../helpers/alert-sources.js';
import { withHttpReceiver, withSmtpInbox } from '../helpers/receivers.js';
import { runCli } from '../helpers/run-cli.js';
import { insertRows } from '../helpers/seed-store.js';
import { withTempDir } from '../helpers/temp-store.js';

/** Acme (owned by Ravi) crosses into at-risk on 19 May 2026: exactly one crossing. */
async function seedCrossing(db: string): Promise<void> {
  const store = await openStore(db);
  try {
    await insertRows(store, 'reps', [
      { id: 'r1', name: 'Ravi', email: 'ravi@example.com', team: 'North', role: 'ae' },
    ]);
    await insertRows(store, 'customers', [
      { id: 'c1', name: 'Acme', created_at: '2025-01-01 00:00:00', owner_rep_id: 'r1' },
      { id: 'c2', name: 'Bolt', created_at: '2025-01-01 00:00:00', owner_rep_id: 'r1' },
    ]);
    await insertHealthScores(store, [
      { as_of: '2026-05-18', customer_id: 'c1', health: 71, at_risk: false },
      { as_of: '2026-05-18', customer_id: 'c2', health: 80, at_risk: false },
      {
        as_of: '2026-05-19',
        customer_id: 'c1',
        health: 34,
        at_risk: true,
        reasons: [{ reason: 'usage down 45 %', contribution: -21 }],
      },
      { as_of: '2026-05-19', customer_id: 'c2', health: 79, at_risk: false },
    ]);
  } finally {
    await store.close();
  }
}

describe('retain alerts (end to end)', () => {
  it('delivers one threshold crossing as exactly one signed webhook call and one e-mail', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      await seedCrossing(db);
      await withHttpReceiver([], async (receiver) => {
        await withSmtpInbox(async (inbox) => {
          const retain = (...args: string[]) => runCli([...args, '--db', db]);
          const webhook = await retain(
            'alerts',
            'channels',
            'add',
            '--kind',
            'webhook',
            '--target',
            receiver.url,
            '--secret',
            'e2e-secret',
          );
          expect(webhook.status, webhook.stderr).toBe(0);
          const email = await retain(
            'alerts',
            'channels',
            'add',
            '--kind',
            'email',
            '--target',
            `${inbox.url}?to=cs-team@example.com&from=retain@example.com`,
          );
          expect(email.status, email.stderr).toBe(0);

          const run = await retain('alerts', 'run', '--as-of', '2026-05-20', '--format', 'json');
          expect(run.status, run.stderr).toBe(0);
          expect(run.stderr).toContain('Skipped: Tracker hits: tracker_hits has never been filled');
          const raised = JSON.parse(run.stdout) as { id: string; subject_id: string }[];
          expect(raised.map((alert) => alert.subject_id)).toEqual(['c1']);

          const deliver = await retain('alerts', 'deliver', '--format', 'json');
          expect(deliver.status, deliver.stderr).toBe(0);
          expect(deliver.stderr).toContain(
            'Sent 2; 0 gave up after their last attempt; 0 still pending.',
          );

          // Running both again raises and sends nothing more.
          expect(
            JSON.parse(
              (await retain('alerts', 'run', '--as-of', '2026-05-20', '--format', 'json')).stdout,
            ),
          ).toEqual([]);
          expect(
            JSON.parse((await retain('alerts', 'deliver', '--format', 'json')).stdout),
          ).toEqual([]);

          expect(receiver.requests).toHaveLength(1);
          const [request] = receiver.requests;
          expect(
            isValidSignature(
              request?.body ?? '',
              'e2e-secret',
              String(request?.headers['x-retain-signature']),
            ),
          ).toBe(true);
          expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
            alert: { id: raised[0]?.id, kind: 'at_risk', subject_id: 'c1', assignee_rep_id: 'r1' },
          });
          expect(inbox.mails).toHaveLength(1);
          expect(inbox.mails[0]?.to).toEqual(['cs-team@example.com']);
          expect(inbox.mails[0]?.body).toContain('Customer at risk: Acme is at risk (health 34)');

          const list = await retain(
            'alerts',
            'list',
            '--state',
            'open',
            '--rep',
            'r1',
            '--format',
            'json',
          );
          expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);
          expect((await retain('alerts', 'ack', raised[0]?.id ?? '')).status).toBe(0);
          expect((await retain('alerts', 'resolve', raised[0]?.id ?? '')).status).toBe(0);
          const resolved = await retain(
            'alerts',
            'list',
            '--state',
            'resolved',
            '--format',
            'json',
          );
          expect(JSON.parse(resolved.stdout)).toMatchObject([
            { id: raised[0]?.id, state: 'resolved' },
          ]);
        });
      });
    });
  });
});
