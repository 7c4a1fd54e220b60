import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-store.js';

const CANONICAL = join(import.meta.dirname, '../fixtures/canonical');

describe('retain metrics (end to end)', () => {
  it('prints results as DESIGN.md specifies in JSON, and explains one number', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      expect((await runCli(['import', 'auto', CANONICAL, '--db', db])).status).toBe(0);
      const common = [
        '--db',
        db,
        '--as-of',
        '2024-06-30',
        '--from',
        '2024-06-01',
        '--to',
        '2024-07-01',
      ];
      const json = await runCli([
        'metrics',
        '--metric',
        'customer_churn_rate,mrr',
        ...common,
        '--format',
        'json',
      ]);
      expect(json.status).toBe(0);
      // June 2024: cus_1 (EUR 650 at 1.0843 from April) and cus_2 (ended 10 June, voluntary).
      expect(JSON.parse(json.stdout)).toEqual([
        {
          metric: 'customer_churn_rate',
          period_start: '2024-06-01',
          period_end: '2024-07-01',
          value: 0.5,
          numerator: 1,
          denominator: 2,
          unit: 'ratio',
          segment: null,
        },
        {
          metric: 'mrr',
          period_start: '2024-06-01',
          period_end: '2024-07-01',
          value: 704.795,
          numerator: null,
          denominator: null,
          unit: 'currency',
          segment: null,
        },
      ]);
      const explain = await runCli([
        'metrics',
        '--explain',
        'customer_churn_rate',
        '--period',
        '2024-06-15',
        ...common.slice(0, 4),
        '--format',
        'json',
      ]);
      expect(explain.status).toBe(0);
      expect(JSON.parse(explain.stdout)).toMatchObject({
        contributions: [
          { subject: 'customer', subject_id: 'cus_1', num: 0, den: 1 },
          { subject: 'customer', subject_id: 'cus_2', num: 1, den: 1 },
        ],
      });
      const list = await runCli(['metrics', '--list', '--format', 'json']);
      expect((JSON.parse(list.stdout) as { kpis: unknown[] }).kpis.length).toBeGreaterThanOrEqual(
        43,
      );
      const unknown = await runCli(['metrics', '--metric', 'happiness', '--db', db]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('retain: "happiness" is not a KPI Retain computes.');
    });
  });
});
