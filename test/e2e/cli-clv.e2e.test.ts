import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { CDNOW_DIR, loadCdnowSampleOrders } from '../helpers/cdnow.js';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-store.js';

const within = (actual: number, expected: number, tolerance: number) =>
  Math.abs(actual - expected) <= tolerance * Math.abs(expected);

describe('retain clv (end to end)', () => {
  it('fit --model bgnbd on the CDNOW summary prints the published parameters of Fader–Hardie–Lee (2005) as DESIGN.md’s JSON', async () => {
    const result = await runCli([
      'clv',
      'fit',
      '--model',
      'bgnbd',
      '--summary',
      join(CDNOW_DIR, 'cdnow_customers_summary.csv'),
      '--format',
      'json',
    ]);
    expect(result.status).toBe(0);
    const fit = JSON.parse(result.stdout) as {
      model: string;
      params: Record<string, number>;
      log_likelihood: number;
      customers: number;
    };
    expect(Object.keys(fit)).toEqual(['model', 'params', 'log_likelihood', 'customers']);
    expect(fit.model).toBe('bgnbd');
    expect(Object.keys(fit.params)).toEqual(['r', 'alpha', 'a', 'b']);
    const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const [name, value] of Object.entries(published))
      expect(within(fit.params[name] ?? 0, value, 0.01)).toBe(true);
    expect(Math.abs(fit.log_likelihood - -9582.4)).toBeLessThan(0.1);
    expect(fit.customers).toBe(2357);
  });

  it('summarises, fits, predicts, stores and checks from orders in the store', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      const store = await openStore(db);
      await loadCdnowSampleOrders(store);
      await store.close();
      const fromOrders = ['--from-orders', '--calibration-end', '1997-09-30', '--db', db];
      const summary = await runCli([
        'clv',
        'summary',
        ...fromOrders,
        '--holdout-end',
        '1998-06-30',
        '--format',
        'csv',
      ]);
      expect(summary.status).toBe(0);
      const lines = summary.stdout.trim().split('\n');
      expect(lines[0]).toBe(
        'customer_id,frequency,recency,T,monetary_value,frequency_holdout,duration_holdout',
      );
      expect(lines).toHaveLength(2358);

      // The CSV printed by `summary` is a valid --summary input.
      const csv = join(dir, 'summary.csv');
      await writeFile(csv, summary.stdout);
      const gammaGamma = await runCli([
        'clv',
        'fit',
        '--model',
        'gamma-gamma',
        '--summary',
        csv,
        '--format',
        'json',
      ]);
      expect(gammaGamma.status).toBe(0);
      const spend = JSON.parse(gammaGamma.stdout) as {
        params: { p: number; q: number; v: number };
        customers: number;
      };
      expect(
        within(spend.params.p, 6.25, 0.01) &&
          within(spend.params.q, 3.74, 0.01) &&
          within(spend.params.v, 15.44, 0.01),
      ).toBe(true);
      expect(spend.customers).toBe(946);

      const predict = await runCli([
        'clv',
        'predict',
        '--model',
        'bgnbd',
        ...fromOrders,
        '--store',
        '--format',
        'json',
      ]);
      expect(predict.status).toBe(0);
      const predictions = JSON.parse(predict.stdout) as {
        customers: { customer_id: string; probability_alive: number; clv: number | null }[];
      };
      expect(predictions.customers).toHaveLength(2357);
      expect(
        predictions.customers.every(
          (row) => row.probability_alive >= 0 && row.probability_alive <= 1 && row.clv !== null,
        ),
      ).toBe(true);

      const check = await runCli([
        'clv',
        'check',
        '--model',
        'bgnbd',
        ...fromOrders,
        '--holdout-end',
        '1998-06-30',
        '--format',
        'json',
      ]);
      expect(check.status).toBe(0);
      const checks = JSON.parse(check.stdout) as {
        calibration_holdout: unknown[];
        tracking: { week: number; actual: number }[];
      };
      expect(checks.calibration_holdout).toHaveLength(8);
      expect(checks.tracking.at(-1)).toMatchObject({ week: 78, actual: 4339 });

      const table = await runCli([
        'clv',
        'check',
        '--model',
        'bgnbd',
        ...fromOrders,
        '--holdout-end',
        '1998-06-30',
        '--format',
        'table',
      ]);
      expect(table.stdout).toContain(
        'Holdout purchases per customer by calibration frequency (bgnbd)',
      );
      expect(table.stdout).toContain('Cumulative repeat purchases by week');
    });
  });

  it('fits sBG to a survival CSV and reports a bad row with file, line, column, reason and fix', async () => {
    await withTempDir(async (dir) => {
      const good = join(dir, 'regular.csv');
      await writeFile(
        good,
        'period,survivors\r\n0,1000\r\n1,631\r\n2,468\r\n3,382\r\n4,326\r\n5,289\r\n6,262\r\n7,241',
      );
      const fit = await runCli([
        'clv',
        'fit',
        '--model',
        'sbg',
        '--survival',
        good,
        '--format',
        'json',
      ]);
      expect(fit.status).toBe(0);
      const sbg = JSON.parse(fit.stdout) as {
        model: string;
        params: { alpha: number; beta: number };
        customers: number;
      };
      expect(within(sbg.params.alpha, 0.704, 0.01) && within(sbg.params.beta, 1.182, 0.01)).toBe(
        true,
      );
      expect(sbg.customers).toBe(1000);

      const bad = join(dir, 'bad.csv');
      await writeFile(bad, 'period,survivors\n0,1000\n1,631\n2,700\n');
      const refused = await runCli(['clv', 'fit', '--model', 'sbg', '--survival', bad]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(
        `${bad}:4:survivors: "700" is more than the period before — survivors can only fall; count returning customers as churned`,
      );
    });
  });
});
