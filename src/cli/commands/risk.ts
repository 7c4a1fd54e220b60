/**
 * `retain risk`: the at-risk customers with the reasons behind each score
 * (`--all` for everyone, `--customer` for one, against a week before),
 * `--store` to keep the snapshot the alerts and the digest read,
 * `--evaluate [--cv K]` to measure the rule score and the learned model,
 * and `retain risk rules` to see or replace the workspace's rule set.
 */
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { RetainError } from '../../domain/errors.js';
import {
  evaluateBacktest,
  evaluateCrossValidation,
  type RiskEvaluation,
} from '../../models/risk/evaluate-risk.js';
import {
  parseHealthRules,
  readHealthRules,
  writeHealthRules,
  type HealthRules,
} from '../../models/risk/health-rules.js';
import type { RankingMetrics } from '../../models/risk/ranking-metrics.js';
import {
  scoreCustomers,
  writeHealthSnapshot,
  type CustomerRisk,
} from '../../models/risk/score-customers.js';
import { configOf, withRuntime, writeErr, writeOut } from '../context.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderRows,
  renderTable,
  type OutputFormat,
  type TableColumn,
} from '../output.js';
import { parseDateOption, parsePositiveInteger } from '../parse-options.js';

type RiskOptions = {
  asOf?: Date;
  threshold?: number;
  all?: boolean;
  customer?: string;
  store?: boolean;
  model: boolean;
  evaluate?: boolean;
  cv?: number;
  label?: string;
  format?: string;
};

const REASONS_SHOWN = 3;
const WEEK_MS = 7 * 86_400_000;

const RISK_COLUMNS: readonly TableColumn<CustomerRisk>[] = [
  { header: 'customer', value: (row) => row.customer_id },
  { header: 'name', value: (row) => row.name },
  { header: 'owner', value: (row) => row.owner_rep_id },
  { header: 'health', value: (row) => Math.round(row.health) },
  {
    header: 'churn risk',
    value: (row) =>
      row.risk_probability === null ? null : `${(row.risk_probability * 100).toFixed(0)} %`,
  },
  {
    header: 'reasons',
    value: (row) =>
      row.reasons
        .slice(0, REASONS_SHOWN)
        .map((reason) => `${reason.reason} (${reason.contribution})`)
        .join('; '),
  },
];

export function registerRiskCommand(program: Command): void {
  const risk = program
    .command('risk')
    .description(
      'Health scores with their reasons, the at-risk customers, and how well the scores predict churn',
    )
    .option('--as-of <date>', 'score as of this day (default: now)', parseDateOption)
    .option(
      '--threshold <score>',
      'at risk below this health (default: the rules’ threshold)',
      parseScore,
    )
    .option('--all', 'list every scored customer, not only those at risk')
    .option('--customer <id>', 'one customer’s breakdown, against a week before')
    .option(
      '--store',
      'keep this snapshot in health_scores (for alerts, the digest, the dashboard)',
    )
    .option('--no-model', 'skip training the churn model (health from the rules only)')
    .option(
      '--evaluate',
      'backtest the rule score and the model: ROC AUC, precision and lift at 10 %',
    )
    .option(
      '--cv <folds>',
      'with --evaluate: k-fold cross-validation at one as-of day',
      parsePositiveInteger,
    )
    .option('--label <attribute>', 'with --cv: the customer attribute holding a churned flag')
    .addOption(new Option('--format <format>', 'table, json or csv'))
    .action(async (options: RiskOptions, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      if (options.evaluate) return runEvaluation(options, format, command);
      if (options.cv !== undefined || options.label !== undefined)
        throw new RetainError('INVALID_ARGUMENT', '--cv and --label go with --evaluate.', {
          hint: 'Run retain risk --evaluate --cv 5.',
        });
      if (options.customer !== undefined)
        return runCustomer(options.customer, options, format, command);
      const scores = await withRuntime(command, async ({ store, now, metricCache }) => {
        const rules = withThreshold(await readHealthRules(store), options.threshold);
        const result = await scoreCustomers(store, {
          asOf: options.asOf ?? now(),
          rules,
          isModelUsed: options.model,
          cache: metricCache,
        });
        if (options.store) await writeHealthSnapshot(store, result, now());
        return result;
      });
      const atRisk = scores.customers.filter((customer) => customer.at_risk);
      if (scores.model_note) writeErr(`No churn model: ${scores.model_note}.\n`);
      writeErr(
        `${atRisk.length} of ${scores.customers.length} active customers at risk (health below ${scores.threshold}) as of ${scores.as_of}.\n`,
      );
      if (options.store) writeErr(`Kept the snapshot of ${scores.as_of} in health_scores.\n`);
      writeOut(renderRisks(options.all ? scores.customers : atRisk, format));
    });

  risk
    .command('rules')
    .description('Print the workspace’s health rules as JSON, or replace them')
    .option('--set <file>', 'use the rules of this JSON file from now on')
    .option('--reset', 'go back to the default rules')
    .action(async (options: { set?: string; reset?: boolean }, command: Command) => {
      const rules =
        options.set === undefined
          ? undefined
          : parseHealthRules(await readFile(options.set, 'utf8'), options.set);
      const current = await withRuntime(command, async ({ store }) => {
        if (rules !== undefined || options.reset) await writeHealthRules(store, rules);
        return readHealthRules(store);
      });
      if (rules !== undefined) writeErr(`Saved ${rules.rules.length} rule(s).\n`);
      if (options.reset) writeErr('Back to the default rules.\n');
      writeOut(renderJson(current));
    });
}

function withThreshold(rules: HealthRules, threshold: number | undefined): HealthRules {
  return threshold === undefined ? rules : { ...rules, threshold };
}

function renderRisks(rows: readonly CustomerRisk[], format: OutputFormat): string {
  if (format === 'json')
    return renderJson(
      rows.map((row) => ({
        customer_id: row.customer_id,
        name: row.name,
        owner_rep_id: row.owner_rep_id,
        health: row.health,
        at_risk: row.at_risk,
        risk_probability: row.risk_probability,
        reasons: row.reasons.map(({ reason, contribution }) => ({ reason, contribution })),
      })),
    );
  return renderRows(rows, RISK_COLUMNS, format);
}

async function runCustomer(
  customerId: string,
  options: RiskOptions,
  format: OutputFormat,
  command: Command,
): Promise<void> {
  const [now, before] = await withRuntime(command, async ({ store, now, metricCache }) => {
    const rules = withThreshold(await readHealthRules(store), options.threshold);
    const asOf = options.asOf ?? now();
    const at = async (instant: Date) =>
      (
        await scoreCustomers(store, {
          asOf: instant,
          rules,
          isModelUsed: false,
          cache: metricCache,
        })
      ).customers.find((customer) => customer.customer_id === customerId);
    return [await at(asOf), await at(new Date(asOf.getTime() - WEEK_MS))];
  });
  if (now === undefined)
    throw new RetainError(
      'NOT_FOUND',
      `Customer ${customerId} is not an active customer at that date.`,
      {
        hint: 'Only active (paying) customers are scored; check the id with retain export customers.',
      },
    );
  if (format === 'json') {
    writeOut(renderJson({ now, week_before: before ?? null }));
    return;
  }
  const previous = new Map(before?.reasons.map((reason) => [reason.rule, reason]) ?? []);
  const lines = [
    `${now.name ?? now.customer_id}: health ${Math.round(now.health)}${before ? ` (a week before: ${Math.round(before.health)})` : ' (not active a week before)'}${now.at_risk ? ', at risk' : ''}`,
    ...now.reasons.map(
      (reason) =>
        `  ${previous.has(reason.rule) ? ' ' : '+'} ${reason.contribution}  ${reason.reason}`,
    ),
    ...(before?.reasons ?? [])
      .filter((reason) => !now.reasons.some((r) => r.rule === reason.rule))
      .map((reason) => `  − ${reason.contribution}  ${reason.reason} (gone since a week before)`),
  ];
  writeOut(`${lines.join('\n')}\n`);
}

async function runEvaluation(
  options: RiskOptions,
  format: OutputFormat,
  command: Command,
): Promise<void> {
  const evaluation = await withRuntime(command, async ({ store, now, metricCache }) => {
    const rules = withThreshold(await readHealthRules(store), options.threshold);
    const base = { now: options.asOf ?? now(), rules, cache: metricCache };
    return options.cv === undefined
      ? evaluateBacktest(store, base)
      : evaluateCrossValidation(store, { ...base, folds: options.cv, label: options.label });
  });
  if (format === 'json') {
    writeOut(renderJson(evaluation));
    return;
  }
  writeErr(describeEvaluation(evaluation));
  const rows = [
    ...(evaluation.rules ? [{ score: 'rules', ...evaluation.rules }] : []),
    { score: 'model', ...evaluation.model },
  ];
  const fixed = (value: number | null, digits: number) =>
    value === null ? null : value.toFixed(digits);
  writeOut(
    (format === 'csv' ? renderCsv : renderTable)(rows, [
      { header: 'score', value: (row: { score: string } & RankingMetrics) => row.score },
      { header: 'roc auc', value: (row) => fixed(row.roc_auc, 3) },
      { header: 'precision@10%', value: (row) => fixed(row.precision_at_10, 3) },
      { header: 'lift@10%', value: (row) => fixed(row.lift_at_10, 2) },
    ]),
  );
  if (format === 'table') {
    writeOut('\nstrongest model features (standardised weight; + raises the risk)\n');
    for (const { feature, weight } of evaluation.strongest_features)
      writeOut(`  ${weight >= 0 ? '+' : '−'}${Math.abs(weight).toFixed(2)}  ${feature}\n`);
  }
}

function describeEvaluation(evaluation: RiskEvaluation): string {
  const how =
    evaluation.method === 'backtest'
      ? `trained on ${evaluation.training.rows} customer-snapshots (${evaluation.training.positives} churned) from ${evaluation.training.snapshots.at(-1) ?? ''} to ${evaluation.training.snapshots[0] ?? ''}, tested`
      : `${evaluation.folds ?? 0}-fold cross-validation`;
  return `Churn within 90 days, ${how} at ${evaluation.as_of}: ${evaluation.customers} customers, ${evaluation.positives} churned.\n`;
}

function parseScore(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 100)
    throw new RetainError('INVALID_ARGUMENT', `--threshold ${value} is not a health score.`, {
      hint: 'Give a number from 0 to 100.',
    });
  return number;
}
