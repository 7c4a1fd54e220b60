import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-store.js';

const CANONICAL = join(import.meta.dirname, '../fixtures/canonical');

describe('retain export (end to end)', () => {
  it('exports tables that import back unchanged, NDJSON lines and typed Parquet, and KPI results', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      expect((await runCli(['import', 'auto', CANONICAL, '--db', db])).status).toBe(0);

      const csv = await runCli(['export', 'customers', '--db', db, '--format', 'csv']);
      expect(csv.status).toBe(0);
      expect(csv.stdout.split('\n')[0]).toBe(
        'id,name,created_at,segment,region,industry,acquisition_channel,owner_rep_id,contract_type',
      );
      const copy = join(dir, 'customers.csv');
      expect((await runCli(['export', 'customers', '--db', db, '--out', copy])).stderr).toBe(
        `2 rows written to ${copy}\n`,
      );
      const again = await runCli(['import', 'customers', copy, '--db', db, '--format', 'json']);
      expect(JSON.parse(again.stdout)).toMatchObject({
        counts: [{ entity: 'customers', unchanged: 2, inserted: 0, updated: 0 }],
      });

      const ndjson = await runCli(['export', 'orders', '--db', db, '--format', 'ndjson']);
      expect(
        ndjson.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown),
      ).toEqual([
        {
          id: 'ord_1',
          customer_id: 'cus_1',
          ordered_at: '2024-03-01T11:00:00Z',
          amount: '120.5',
          currency: 'EUR',
        },
        {
          id: 'ord_2',
          customer_id: 'cus_1',
          ordered_at: '2024-05-01T00:00:00Z',
          amount: '80',
          currency: 'USD',
        },
      ]);

      const parquet = join(dir, 'subscriptions.parquet');
      expect(
        (
          await runCli([
            'export',
            'subscriptions',
            '--db',
            db,
            '--format',
            'parquet',
            '--out',
            parquet,
          ])
        ).status,
      ).toBe(0);
      const reader = await (await DuckDBInstance.create(':memory:')).connect();
      const rows = (
        await reader.runAndReadAll(
          `SELECT id, typeof(mrr) AS t, mrr::VARCHAR AS mrr, typeof(started_at) AS ts FROM '${parquet}' ORDER BY id`,
        )
      ).getRowObjectsJson();
      expect(rows).toEqual([
        { id: 'sub_1', t: 'DECIMAL(18,4)', mrr: '500.0000', ts: 'TIMESTAMP' },
        { id: 'sub_2', t: 'DECIMAL(18,4)', mrr: '49.9000', ts: 'TIMESTAMP' },
      ]);

      const kpis = join(dir, 'kpis.csv');
      const exported = await runCli([
        'export',
        'customer_churn_rate',
        '--db',
        db,
        '--as-of',
        '2024-06-30',
        '--from',
        '2024-06-01',
        '--out',
        kpis,
      ]);
      expect(exported.status).toBe(0);
      expect(await readFile(kpis, 'utf8')).toBe(
        'metric,period_start,period_end,segment,value,numerator,denominator,unit,partial\ncustomer_churn_rate,2024-06-01,2024-07-01,,0.5,1,2,ratio,\n',
      );
      const bad = await runCli(['export', 'nothing', '--db', db]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('"nothing" is neither a table nor a KPI Retain exports.');
    });
  });
});
