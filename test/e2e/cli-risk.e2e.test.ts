/**
 * `retain risk` end to end, the CLI as a child process on real DuckDB files:
 * on the demo company the learned model beats the rule score and both beat
 * chance; stored snapshots turn into at-risk alerts once per crossing; and
 * a telco-style snapshot with only a churned flag cross-validates.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/domain/random.js';
import type { RiskEvaluation } from '../../src/models/risk/evaluate-risk.js';
import { computeRankingMetrics } from '../../src/models/risk/ranking-metrics.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-store.js';

type RiskRow = { customer_id: string; health: number; at_risk: boolean; reasons: unknown[] };

async function cli(args: string[]) {
  const result = await runCli(args, { timeoutMs: 300_000 });
  if (result.status !== 0) throw new Error(`retain ${args.join(' ')}: ${result.stderr}`);
  return result;
}

describe('retain risk (end to end)', () => {
  it('on the demo company the model beats the rule score, both clearly beat chance, and crossings alert once', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'demo.duckdb');
      await cli(['demo', '--db', db, '--customers', '2000']);
      await cli(['trackers', 'scan', '--db', db]);
      const evaluation = JSON.parse(
        (await cli(['risk', '--evaluate', '--db', db, '--format', 'json'])).stdout,
      ) as RiskEvaluation;
      expect(evaluation.method).toBe('backtest');
      expect(evaluation.positives).toBeGreaterThan(20);
      expect(evaluation.rules?.roc_auc).toBeGreaterThan(0.6);
      expect(evaluation.model.roc_auc).toBeGreaterThan(0.7);
      expect(evaluation.model.roc_auc).toBeGreaterThan(evaluation.rules?.roc_auc ?? 1);
      expect(evaluation.model.lift_at_10).toBeGreaterThan(2);

      const week = ['--as-of', '2026-11-20'];
      const later = ['--as-of', '2026-11-27'];
      await cli(['risk', '--store', '--no-model', '--db', db, ...week]);
      const listed = JSON.parse(
        (await cli(['risk', '--store', '--no-model', '--db', db, ...later, '--format', 'json']))
          .stdout,
      ) as RiskRow[];
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((row) => row.at_risk && row.reasons.length > 0)).toBe(true);

      const store = await openStore(db);
      const crossings = await store
        .query<{ customer_id: string }>(
          `SELECT n.customer_id FROM health_scores n
           LEFT JOIN health_scores b ON b.customer_id = n.customer_id AND b.as_of = DATE '2026-11-20'
           WHERE n.as_of = DATE '2026-11-27' AND n.at_risk AND (b.at_risk IS NULL OR NOT b.at_risk)
           ORDER BY 1`,
        )
        .finally(() => store.close());
      const run = async () =>
        JSON.parse(
          (await cli(['alerts', 'run', '--db', db, ...later, '--format', 'json'])).stdout,
        ) as {
          kind: string;
          subject_id: string;
        }[];
      const raised = (await run()).filter((alert) => alert.kind === 'at_risk');
      expect(raised.map((alert) => alert.subject_id).sort()).toEqual(
        crossings.map((row) => row.customer_id),
      );
      expect((await run()).filter((alert) => alert.kind === 'at_risk')).toEqual([]);
    });
  });

  it('cross-validates a telco-style snapshot with only a churned flag, close to the true model', async () => {
    await withTempDir(async (dir) => {
      // 3,000 customers whose churn follows a known logistic model of their attributes.
      const random = createRandom(42);
      const contracts = ['month-to-month', 'one_year', 'two_year'] as const;
      const payments = [
        'electronic_check',
        'mailed_check',
        'bank_transfer',
        'credit_card',
      ] as const;
      const lines = [
        'id,created_at,contract,payment_method,internet,senior,tenure_months,monthly_charges,churn',
      ];
      const truth: number[] = [];
      const labels: number[] = [];
      for (let i = 0; i < 3000; i++) {
        const contract = random.weighted([
          [contracts[0], 55],
          [contracts[1], 21],
          [contracts[2], 24],
        ]);
        const payment = random.pick(payments);
        const internet = random.pick(['dsl', 'fiber', 'none']);
        const senior = random.bernoulli(0.16) ? 1 : 0;
        const tenure = random.int(1, 72);
        const charges = 20 + random.uniform(0, 90);
        const z =
          -0.6 +
          (contract === 'one_year' ? -1.2 : contract === 'two_year' ? -2.4 : 0) +
          (payment === 'electronic_check' ? 0.7 : 0) +
          (internet === 'fiber' ? 0.8 : internet === 'none' ? -0.6 : 0) +
          0.4 * senior -
          0.9 * Math.log(tenure / 12) +
          0.012 * (charges - 65);
        const p = 1 / (1 + Math.exp(-z));
        const churned = random.bernoulli(p);
        truth.push(p);
        labels.push(churned ? 1 : 0);
        lines.push(
          `t${String(i).padStart(4, '0')},2024-01-01,${contract},${payment},${internet},${senior},${tenure},${charges.toFixed(2)},${churned ? 'Yes' : 'No'}`,
        );
      }
      const file = join(dir, 'customers.csv');
      await writeFile(file, `${lines.join('\n')}\n`);
      const db = join(dir, 'telco.duckdb');
      await cli(['import', 'customers', file, '--db', db]);
      const evaluation = JSON.parse(
        (await cli(['risk', '--evaluate', '--cv', '5', '--db', db, '--format', 'json'])).stdout,
      ) as RiskEvaluation;
      const oracle = computeRankingMetrics(truth, labels).roc_auc ?? 0;
      expect(evaluation).toMatchObject({
        method: 'cross_validation',
        folds: 5,
        customers: 3000,
        rules: null,
      });
      expect(evaluation.positives).toBe(labels.filter((label) => label === 1).length);
      // The true probabilities rank as well as anything can; the fitted model is within 0.02 of them.
      expect(evaluation.model.roc_auc).toBeGreaterThan(oracle - 0.02);
      expect(evaluation.strongest_features.map((f) => f.feature)).toContain('contract=two_year');
    });
  });
});
