/**
 * `retain clv`: probabilistic customer-lifetime-value models. `summary`
 * derives per-customer (x, t_x, T, m) from orders; `fit` estimates BG/NBD,
 * Pareto/NBD, Gamma-Gamma or sBG and prints the parameters under their
 * literature names; `predict` gives per-customer P(alive), expected purchases
 * and value (or, for sBG, projected retention and DERL per cohort) and can
 * store them for the risk score; `check` prints the calibration/holdout and
 * tracking tables a model is judged by.
 */
import { Option, type Command } from 'commander';
import { RetainError } from '../../domain/errors.js';
import type { CustomerSummary } from '../../models/clv/customer-summary.js';
import {
  fitGammaGamma,
  selectRepeatBuyers,
  type GammaGammaFit,
} from '../../models/clv/gamma-gamma.js';
import { computeCalibrationHoldout, computeTracking } from '../../models/clv/model-checks.js';
import { predictCustomers, type PredictionOptions } from '../../models/clv/predict-customers.js';
import { readPurchaseCountsFromOrders } from '../../models/clv/purchase-counts-from-orders.js';
import { DAYS_PER_UNIT } from '../../models/clv/summary-from-orders.js';
import {
  fitShiftedBetaGeometric,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedExpectedResidualLifetime,
  sbgRetentionRate,
  sbgSurvival,
} from '../../models/clv/shifted-beta-geometric.js';
import {
  fitTransactionModel,
  type TransactionModelName,
} from '../../models/clv/transaction-model.js';
import { writePredictions } from '../../models/clv/write-predictions.js';
import type { Store } from '../../store/store.js';
import { configOf, withRuntime, writeOut } from '../context.js';
import { parseDateOption } from '../parse-options.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderTable,
  type OutputFormat,
  type TableColumn,
} from '../output.js';
import {
  addCohortSourceOptions,
  addSummarySourceOptions,
  loadCohorts,
  loadSummary,
  parseNonNegativeNumber,
  parsePositiveNumber,
  toIsoDay,
  type CohortSourceOptions,
  type SummarySourceOptions,
} from './clv-inputs.js';

type ModelName = TransactionModelName | 'gamma-gamma' | 'sbg';
type CommonOptions = SummarySourceOptions &
  CohortSourceOptions & { format?: string; penalizer: number };
type PredictOptions = CommonOptions & {
  model: ModelName;
  horizon?: number;
  clvHorizon?: number;
  clvStep?: number;
  discountRate: number;
  periods: number;
  arpa?: number;
  store?: boolean;
};

const DAYS_PER_YEAR = 365;

export function registerClvCommand(program: Command): void {
  const clv = program
    .command('clv')
    .description('Customer lifetime value models: BG/NBD, Pareto/NBD, Gamma-Gamma, sBG');
  registerSummary(clv);
  registerFit(clv);
  registerPredict(clv);
  registerCheck(clv);
}

const modelOption = (choices: readonly ModelName[], fallback?: ModelName) => {
  const option = new Option('--model <model>', 'the model').choices(choices);
  return fallback ? option.default(fallback) : option.makeOptionMandatory();
};

function registerSummary(clv: Command): void {
  clv
    .command('summary')
    .description('Per-customer frequency, recency, T and monetary value from the orders')
    .requiredOption('--from-orders', 'derive the summary from the orders in the store')
    .option(
      '--calibration-end <date>',
      'last day of calibration (default: the last order)',
      parseDateOption,
    )
    .option('--holdout-end <date>', 'last day of the holdout period', parseDateOption)
    .addOption(new Option('--unit <unit>', 'time unit').choices(['days', 'weeks']).default('weeks'))
    .option('--format <format>', 'table, json or csv')
    .action(async (options: SummarySourceOptions & { format?: string }, command: Command) => {
      const format = formatOf(options, command);
      const { summary } = await loadSummary(options, storeOf(command));
      const rows = summaryRows(summary);
      if (format === 'json') writeOut(renderJson(rows));
      else
        writeOut(
          (format === 'csv' ? renderCsv : renderTable)(
            rows,
            summaryColumns(summary, format === 'table'),
          ),
        );
    });
}

function registerFit(clv: Command): void {
  const command = clv
    .command('fit')
    .description('Fit a model; prints {"model", "params", "log_likelihood", "customers"}')
    .addOption(modelOption(['bgnbd', 'pareto-nbd', 'gamma-gamma', 'sbg']));
  addCohortSourceOptions(addSummarySourceOptions(command))
    .option(
      '--penalizer <lambda>',
      'L2 penalty on the parameters (lifetimes’ penalizer_coef)',
      parseNonNegativeNumber,
      0,
    )
    .option('--format <format>', 'table or json')
    .action(async (options: CommonOptions & { model: ModelName }, command: Command) => {
      const format = formatOf(options, command);
      const fit = await fitModel(options, command);
      if (format === 'json') {
        writeOut(
          renderJson({
            model: options.model,
            params: fit.params,
            log_likelihood: fit.logLikelihood,
            customers: fit.customers,
          }),
        );
        return;
      }
      const rows = [
        ...Object.entries(fit.params).map(([name, value]) => ({ name, value: round(value, 6) })),
        { name: 'log_likelihood', value: round(fit.logLikelihood, 4) },
        { name: 'customers', value: fit.customers },
      ];
      writeOut(
        `${options.model}\n` +
          renderTable(rows, [
            { header: 'parameter', value: (row) => row.name },
            { header: 'value', value: (row) => row.value },
          ]),
      );
    });
}

async function fitModel(
  options: CommonOptions & { model: ModelName },
  command: Command,
): Promise<{ params: Record<string, number>; logLikelihood: number; customers: number }> {
  const penalty = { penalizer: options.penalizer };
  if (options.model === 'sbg')
    return fitShiftedBetaGeometric(await loadCohorts(options, storeOf(command)), penalty);
  const { summary } = await loadSummary(options, storeOf(command));
  if (options.model === 'gamma-gamma') {
    const spend = fitSpend(summary, options.penalizer);
    if (!spend) {
      throw new RetainError(
        'INVALID_ARGUMENT',
        'Gamma-Gamma needs customers with repeat purchases and their monetary value.',
        { hint: 'Use a summary with a monetary_value (or zbar) column, or --from-orders.' },
      );
    }
    return spend;
  }
  return fitTransactionModel(options.model, summary, penalty);
}

function registerPredict(clv: Command): void {
  const command = clv
    .command('predict')
    .description(
      'Per customer: P(alive), expected purchases, expected value and CLV (sBG: retention and DERL per cohort)',
    )
    .addOption(modelOption(['bgnbd', 'pareto-nbd', 'sbg'], 'bgnbd'));
  addCohortSourceOptions(addSummarySourceOptions(command))
    .option(
      '--horizon <periods>',
      'purchases expected in the next N periods of the unit (default: a year)',
      parsePositiveNumber,
    )
    .option(
      '--clv-horizon <periods>',
      'CLV horizon in periods of the unit (default: a year)',
      parsePositiveNumber,
    )
    .option(
      '--clv-step <periods>',
      'discounting step in periods of the unit (default: a month)',
      parsePositiveNumber,
    )
    .option(
      '--discount-rate <rate>',
      'discount rate per step (sBG: per period)',
      parseNonNegativeNumber,
      0.01,
    )
    .option('--penalizer <lambda>', 'L2 penalty on the parameters', parseNonNegativeNumber, 0)
    .option('--periods <n>', 'sBG: periods of retention to project', parsePositiveNumber, 12)
    .option(
      '--arpa <amount>',
      'sBG: revenue per customer per period, for CLV = ARPA × DERL',
      parsePositiveNumber,
    )
    .option('--store', 'write P(alive) and the predictions to the store (table clv_predictions)')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: PredictOptions, command: Command) => {
      if (options.model === 'sbg') await predictSubscriptions(options, command);
      else await predictPurchases(options, command);
    });
}

async function predictPurchases(options: PredictOptions, command: Command): Promise<void> {
  const format = formatOf(options, command);
  const { summary, calibrationEnd } = await loadSummary(options, storeOf(command));
  const model = fitTransactionModel(options.model as TransactionModelName, summary, {
    penalizer: options.penalizer,
  });
  const spend = fitSpend(summary, options.penalizer);
  const perUnit = DAYS_PER_UNIT[options.unit];
  const horizons: PredictionOptions = {
    purchaseHorizon: options.horizon ?? DAYS_PER_YEAR / perUnit,
    clvHorizon: options.clvHorizon ?? DAYS_PER_YEAR / perUnit,
    clvStep: options.clvStep ?? DAYS_PER_YEAR / 12 / perUnit,
    discountRate: options.discountRate,
  };
  const predictions = predictCustomers(summary, model, spend?.params, horizons);
  if (options.store === true) {
    await storeOf(command)((store) =>
      writePredictions(store, predictions, {
        ...horizons,
        model: model.name,
        unit: options.unit,
        calibrationEnd,
        computedAt: new Date(),
      }),
    );
  }
  if (format === 'json') {
    writeOut(
      renderJson({
        model: model.name,
        params: model.params,
        spend_model: spend ? { model: 'gamma-gamma', params: spend.params } : null,
        unit: options.unit,
        purchase_horizon: horizons.purchaseHorizon,
        clv_horizon: horizons.clvHorizon,
        clv_step: horizons.clvStep,
        discount_rate: horizons.discountRate,
        customers: predictions,
      }),
    );
    return;
  }
  const isTable = format === 'table';
  const number = (value: number | null, digits: number) =>
    value === null ? null : isTable ? round(value, digits) : value;
  writeOut(
    (isTable ? renderTable : renderCsv)(predictions, [
      { header: 'customer_id', value: (row) => row.customer_id },
      { header: 'frequency', value: (row) => row.frequency },
      { header: 'recency', value: (row) => number(row.recency, 2) },
      { header: 'T', value: (row) => number(row.T, 2) },
      { header: 'probability_alive', value: (row) => number(row.probability_alive, 4) },
      { header: 'expected_purchases', value: (row) => number(row.expected_purchases, 4) },
      { header: 'expected_average_value', value: (row) => number(row.expected_average_value, 2) },
      { header: 'clv', value: (row) => number(row.clv, 2) },
    ]),
  );
}

async function predictSubscriptions(options: PredictOptions, command: Command): Promise<void> {
  const format = formatOf(options, command);
  const cohorts = await loadCohorts(options, storeOf(command));
  const { params } = fitShiftedBetaGeometric(cohorts, { penalizer: options.penalizer });
  const d = options.discountRate;
  const curve = Array.from({ length: options.periods + 1 }, (_, t) => ({
    period: t,
    survival: sbgSurvival(params, t),
    retention: t === 0 ? null : sbgRetentionRate(params, t),
  }));
  const rows = cohorts.map(({ cohort, survivors }) => {
    const observed = survivors.length - 1;
    const derl = sbgDiscountedExpectedResidualLifetime(params, d, observed);
    const alive = survivors.at(-1) ?? 0;
    return {
      cohort,
      customers: survivors[0] ?? 0,
      periods_observed: observed,
      survivors: alive,
      retention_next: sbgRetentionRate(params, observed + 1),
      derl,
      residual_value: options.arpa === undefined ? null : alive * options.arpa * derl,
    };
  });
  const lifetime = sbgDiscountedExpectedLifetime(params, d);
  const newCustomerClv = options.arpa === undefined ? null : options.arpa * lifetime;
  if (format === 'json') {
    writeOut(
      renderJson({
        model: 'sbg',
        params,
        discount_rate: d,
        arpa: options.arpa ?? null,
        del: lifetime,
        clv_new_customer: newCustomerClv,
        curve,
        cohorts: rows,
      }),
    );
    return;
  }
  const isTable = format === 'table';
  const value = (v: number | null, digits: number) =>
    v === null ? null : isTable ? round(v, digits) : v;
  const cohortColumns: TableColumn<(typeof rows)[number]>[] = [
    { header: 'cohort', value: (row) => row.cohort },
    { header: 'customers', value: (row) => row.customers },
    { header: 'periods_observed', value: (row) => row.periods_observed },
    { header: 'survivors', value: (row) => row.survivors },
    { header: 'retention_next', value: (row) => value(row.retention_next, 4) },
    { header: 'derl', value: (row) => value(row.derl, 4) },
    { header: 'residual_value', value: (row) => value(row.residual_value, 2) },
  ];
  if (!isTable) {
    writeOut(renderCsv(rows, cohortColumns));
    return;
  }
  writeOut(
    `sBG α=${round(params.alpha, 4)} β=${round(params.beta, 4)}; DEL at ${d} per period: ${round(lifetime, 4)} periods` +
      (newCustomerClv === null ? '' : `, CLV of a new customer ${round(newCustomerClv, 2)}`) +
      '\n\n' +
      renderTable(curve, [
        { header: 'period', value: (row) => row.period },
        { header: 'survival', value: (row) => value(row.survival, 4) },
        { header: 'retention', value: (row) => value(row.retention, 4) },
      ]) +
      '\n' +
      renderTable(rows, cohortColumns),
  );
}

function registerCheck(clv: Command): void {
  clv
    .command('check')
    .description(
      'Model checks: holdout purchases by calibration frequency, and cumulative repeat purchases by week',
    )
    .addOption(modelOption(['bgnbd', 'pareto-nbd'], 'bgnbd'))
    .option('--summary <csv>', 'a summary with frequency_holdout and duration_holdout columns')
    .option('--from-orders', 'derive calibration and holdout from the orders in the store')
    .option('--calibration-end <date>', 'last day of calibration', parseDateOption)
    .option('--holdout-end <date>', 'last day of the holdout period', parseDateOption)
    .addOption(new Option('--unit <unit>', 'time unit').choices(['days', 'weeks']).default('weeks'))
    .option('--penalizer <lambda>', 'L2 penalty on the parameters', parseNonNegativeNumber, 0)
    .option('--format <format>', 'table or json')
    .action(async (options: CommonOptions & { model: TransactionModelName }, command: Command) => {
      const format = formatOf(options, command);
      if (options.fromOrders === true && (!options.calibrationEnd || !options.holdoutEnd)) {
        throw new RetainError(
          'INVALID_ARGUMENT',
          'The checks need a holdout: give --calibration-end and --holdout-end.',
          {
            hint: 'e.g. --calibration-end 1997-09-30 --holdout-end 1998-06-30',
          },
        );
      }
      const { summary } = await loadSummary(options, storeOf(command));
      if (!summary.holdout) {
        throw new RetainError(
          'INVALID_ARGUMENT',
          'The summary has no holdout purchases to check against.',
          {
            hint: 'Add frequency_holdout and duration_holdout columns, or use --from-orders with --holdout-end.',
          },
        );
      }
      const model = fitTransactionModel(options.model, summary, { penalizer: options.penalizer });
      const calibration = computeCalibrationHoldout(summary, model);
      const { calibrationEnd, holdoutEnd } = options;
      const tracking =
        options.fromOrders === true && calibrationEnd && holdoutEnd
          ? await storeOf(command)(async (store) => {
              const counts = await readPurchaseCountsFromOrders(
                store,
                toIsoDay(calibrationEnd),
                toIsoDay(holdoutEnd),
              );
              return computeTracking(counts, model, counts.weeks, DAYS_PER_UNIT[options.unit]);
            })
          : null;
      if (format === 'json') {
        writeOut(
          renderJson({
            model: model.name,
            params: model.params,
            calibration_holdout: calibration,
            tracking,
          }),
        );
        return;
      }
      writeOut(
        `Holdout purchases per customer by calibration frequency (${model.name})\n` +
          renderTable(calibration, [
            { header: 'frequency', value: (row) => row.frequency },
            { header: 'customers', value: (row) => row.customers },
            { header: 'actual', value: (row) => round(row.actual, 3) },
            { header: 'expected', value: (row) => round(row.expected, 3) },
          ]) +
          (tracking
            ? '\nCumulative repeat purchases by week\n' +
              renderTable(tracking, [
                { header: 'week', value: (row) => row.week },
                { header: 'actual', value: (row) => row.actual },
                { header: 'expected', value: (row) => round(row.expected, 1) },
              ])
            : ''),
      );
    });
}

/** Gamma-Gamma on the repeat buyers, when the summary has spend and someone bought twice. */
function fitSpend(summary: CustomerSummary, penalizer: number): GammaGammaFit | undefined {
  const spend = summary.monetaryValue
    ? selectRepeatBuyers(summary.frequency, summary.monetaryValue)
    : undefined;
  return spend && spend.frequency.length > 0 ? fitGammaGamma(spend, { penalizer }) : undefined;
}

function summaryRows(summary: CustomerSummary) {
  return summary.customerIds.map((customer_id, i) => ({
    customer_id,
    frequency: summary.frequency[i] ?? 0,
    recency: summary.recency[i] ?? 0,
    T: summary.T[i] ?? 0,
    monetary_value: summary.monetaryValue?.[i] ?? null,
    ...(summary.holdout
      ? {
          frequency_holdout: summary.holdout.frequency[i] ?? 0,
          duration_holdout: summary.holdout.duration,
        }
      : {}),
  }));
}

function summaryColumns(
  summary: CustomerSummary,
  isTable: boolean,
): TableColumn<ReturnType<typeof summaryRows>[number]>[] {
  const time = (value: number) => (isTable ? round(value, 2) : value);
  return [
    { header: 'customer_id', value: (row) => row.customer_id },
    { header: 'frequency', value: (row) => row.frequency },
    { header: 'recency', value: (row) => time(row.recency) },
    { header: 'T', value: (row) => time(row.T) },
    {
      header: 'monetary_value',
      value: (row) => (row.monetary_value === null ? null : time(row.monetary_value)),
    },
    ...(summary.holdout
      ? [
          {
            header: 'frequency_holdout',
            value: (row: ReturnType<typeof summaryRows>[number]) => row.frequency_holdout ?? 0,
          },
          {
            header: 'duration_holdout',
            value: (row: ReturnType<typeof summaryRows>[number]) => time(row.duration_holdout ?? 0),
          },
        ]
      : []),
  ];
}

function formatOf(options: { format?: string }, command: Command): OutputFormat {
  return parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
}

/** Opens the store only for the work that needs it, and closes it after. */
function storeOf(command: Command) {
  return <T>(work: (store: Store) => Promise<T>): Promise<T> =>
    withRuntime(command, ({ store }) => work(store));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
