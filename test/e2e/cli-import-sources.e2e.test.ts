import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir, writeFixture } from '../helpers/temp-store.js';

const STRIPE = join(import.meta.dirname, '../../src/ingest/sources/stripe/fixtures');
const VTT = join(import.meta.dirname, '../../src/ingest/sources/vtt/fixtures');
const CANONICAL = join(import.meta.dirname, '../fixtures/canonical');

describe('retain import --source (end to end)', () => {
  it('imports Stripe exports and computes March 2024 from them as by hand', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      for (const [entity, file] of [
        ['customers', 'customers.csv'],
        ['subscriptions', 'subscriptions.csv'],
        ['payment_methods', 'customers.csv'],
      ] as const) {
        const result = await runCli(
          ['import', entity, join(STRIPE, file), '--source', 'stripe', '--db', db],
          { cwd: dir },
        );
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
      }
      const metrics = await runCli([
        'metrics',
        '--metric',
        'mrr,customer_churn_rate',
        '--from',
        '2024-03-01',
        '--to',
        '2024-04-01',
        '--as-of',
        '2024-04-30',
        '--db',
        db,
        '--format',
        'json',
      ]);
      // The arithmetic is in src/ingest/sources/stripe/map-subscription.test.ts.
      const results = JSON.parse(metrics.stdout) as { metric: string }[];
      expect(results.find((result) => result.metric === 'mrr')).toMatchObject({ value: 859 });
      expect(results.find((result) => result.metric === 'customer_churn_rate')).toMatchObject({
        value: 0.25,
        numerator: 2,
        denominator: 8,
      });
      const history = await runCli(['import', '--history', '--db', db, '--format', 'json']);
      expect((JSON.parse(history.stdout) as { source: string }[]).map((run) => run.source)).toEqual(
        ['stripe', 'stripe', 'stripe'],
      );
    });
  });

  it('imports a manifest of Zoom and Teams transcripts as conversations, matched to customers and reps', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      const crm = ['customers', 'reps', 'leads', 'deals'].map((name) =>
        join(CANONICAL, `${name}.csv`),
      );
      expect((await runCli(['import', 'auto', ...crm, '--db', db])).status).toBe(0);
      const result = await runCli(
        ['import', 'conversations', join(VTT, 'calls.csv'), '--source', 'vtt', '--db', db],
        { cwd: dir },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect((JSON.parse(result.stdout) as { counts: unknown }).counts).toEqual([
        { entity: 'conversations', inserted: 2, updated: 0, unchanged: 0, rejected: 0 },
      ]);
      const exported = await runCli(['export', 'conversations', '--format', 'ndjson', '--db', db]);
      const rows = exported.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      // The mapping itself is spelled out in src/ingest/sources/vtt/map-manifest.test.ts.
      expect(
        rows.map(({ id, customer_id, rep_id, deal_id }) => ({ id, customer_id, rep_id, deal_id })),
      ).toEqual([
        {
          id: 'GMT20240115-150000_Recording',
          customer_id: 'cus_1',
          rep_id: 'rep_1',
          deal_id: null,
        },
        { id: 'acme-renewal', customer_id: 'cus_1', rep_id: 'rep_2', deal_id: 'deal_1' },
      ]);
      expect(rows[1]?.transcript).toMatch(/^Dana Dialer: Good afternoon.*\nAnn Buyer: Thanks\./);
      const history = await runCli(['import', '--history', '--db', db, '--format', 'json']);
      // Newest first.
      expect((JSON.parse(history.stdout) as { source: string }[]).map((run) => run.source)).toEqual(
        ['vtt', 'native'],
      );
    });
  });

  it('exits 1 naming the expected columns when the file is not that export', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      const file = await writeFixture(dir, 'deals.csv', 'id,name\n1,Big deal\n');
      const result = await runCli(['import', 'deals', file, '--source', 'hubspot', '--db', db]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `${file}:1:Record ID: is missing from the header, so this is not a HubSpot deals export; no row of this file was read — use the file from HubSpot (CRM → Deals → Export, CSV): a HubSpot deals export has the columns Record ID, Deal Name, Amount, Deal Stage, Close Date, Deal Owner, Create Date (columns found: id, name)`,
      );
    });
  });

  it('exits 2 when the source does not export that entity, or is unknown', async () => {
    const wrongEntity = await runCli(['import', 'deals', 'x.csv', '--source', 'stripe']);
    expect(wrongEntity.status).toBe(2);
    expect(wrongEntity.stderr).toContain('--source stripe does not import deals.');
    expect(wrongEntity.stderr).toContain(
      'Its exports import as: customers, subscriptions, invoices, payment_methods.',
    );
    const unknown = await runCli(['import', 'deals', 'x.csv', '--source', 'pipedrive']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('stripe');
  });
});
