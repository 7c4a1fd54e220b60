/**
 * Where `retain clv` gets its data: a summary CSV or the store's orders for
 * the purchase models, a survival CSV or the store's subscriptions for sBG;
 * and the number options it takes. Bad CSV rows stop the command with every
 * problem listed (file, line, column, reason, fix).
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { RetainError } from '../../domain/errors.js';
import { formatReject, type Reject } from '../../domain/reject.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import type { CustomerSummary, TimeUnit } from '../../models/clv/customer-summary.js';
import { parseSummaryCsv } from '../../models/clv/parse-summary-csv.js';
import { parseSurvivalCsv } from '../../models/clv/parse-survival-csv.js';
import type { CohortSurvival } from '../../models/clv/shifted-beta-geometric.js';
import { readSubscriptionCohorts } from '../../models/clv/subscription-cohorts.js';
import { readSummaryFromOrders } from '../../models/clv/summary-from-orders.js';
import type { Store } from '../../store/store.js';
import { parseDateOption } from '../parse-options.js';

export type SummarySourceOptions = {
  summary?: string;
  fromOrders?: boolean;
  calibrationEnd?: Date;
  holdoutEnd?: Date;
  unit: TimeUnit;
};

export type CohortSourceOptions = {
  survival?: string;
  fromSubscriptions?: boolean;
  from?: string;
  asOf?: Date;
};

/** A summary with where it came from: the calibration end is known only for orders. */
export type LoadedSummary = {
  summary: CustomerSummary;
  calibrationEnd: string | undefined;
  source: string;
};

const MAX_PROBLEMS_SHOWN = 10;
const DEFAULT_COHORT_MONTHS = 24;

export function addSummarySourceOptions(command: Command): Command {
  return command
    .option(
      '--summary <csv>',
      'per-customer summary: customer_id,frequency,recency,T[,monetary_value] (or ID,x,t_x,T,zbar)',
    )
    .option('--from-orders', 'derive the summary from the orders in the store')
    .option(
      '--calibration-end <date>',
      'last day of calibration (default: the last order)',
      parseDateOption,
    )
    .option('--holdout-end <date>', 'last day of the holdout period', parseDateOption)
    .addOption(
      new Option('--unit <unit>', 'time unit of the summary')
        .choices(['days', 'weeks'])
        .default('weeks'),
    );
}

export function addCohortSourceOptions(command: Command): Command {
  return command
    .option('--survival <csv>', 'sBG: survivors per period, [cohort,]period,survivors')
    .option(
      '--from-subscriptions',
      'sBG: monthly acquisition cohorts from the subscriptions in the store',
    )
    .option('--from <date>', 'sBG: first acquisition month (default: 24 months back)')
    .option(
      '--as-of <date>',
      'sBG: the day survival is observed to (default: today)',
      parseDateOption,
    );
}

/** The summary named by the options; the store is opened only when the orders are asked for. */
export async function loadSummary(
  options: SummarySourceOptions,
  withStore: <T>(work: (store: Store) => Promise<T>) => Promise<T>,
): Promise<LoadedSummary> {
  if ((options.summary === undefined) === (options.fromOrders !== true)) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      'Give exactly one of --summary <csv> and --from-orders.',
      {
        hint: 'e.g. retain clv fit --model bgnbd --summary customers.csv',
      },
    );
  }
  if (options.summary !== undefined) {
    const file = options.summary;
    const outcome = parseSummaryCsv(await readInput(file), file);
    if (!outcome.ok) throw badInput(file, outcome.problems);
    return { summary: outcome.value, calibrationEnd: undefined, source: file };
  }
  const summary = await withStore((store) =>
    readSummaryFromOrders(store, {
      ...(options.calibrationEnd ? { calibrationEnd: toIsoDay(options.calibrationEnd) } : {}),
      ...(options.holdoutEnd ? { holdoutEnd: toIsoDay(options.holdoutEnd) } : {}),
      unit: options.unit,
    }),
  );
  return { summary, calibrationEnd: summary.calibrationEnd, source: 'orders' };
}

export async function loadCohorts(
  options: CohortSourceOptions,
  withStore: <T>(work: (store: Store) => Promise<T>) => Promise<T>,
): Promise<CohortSurvival[]> {
  if ((options.survival === undefined) === (options.fromSubscriptions !== true)) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      'The sBG model needs exactly one of --survival <csv> and --from-subscriptions.',
      {
        hint: 'e.g. retain clv fit --model sbg --survival cohort.csv',
      },
    );
  }
  const cohorts =
    options.survival !== undefined
      ? await readSurvivalFile(options.survival)
      : await withStore(async (store) => {
          const asOf = options.asOf ?? new Date();
          const query = await parseMetricRequest(store, {
            grain: 'month',
            asOf,
            from: options.from ?? defaultCohortStart(asOf),
          });
          return readSubscriptionCohorts(store, query);
        });
  if (cohorts.length === 0 || cohorts.every((cohort) => (cohort.survivors[0] ?? 0) === 0)) {
    throw new RetainError('NOT_FOUND', 'No cohort has a whole period of survival to fit.', {
      hint: 'Cohorts need customers and at least one full month after their acquisition month.',
    });
  }
  return cohorts;
}

async function readSurvivalFile(file: string): Promise<CohortSurvival[]> {
  const outcome = parseSurvivalCsv(await readInput(file), file);
  if (!outcome.ok) throw badInput(file, outcome.problems);
  return outcome.value;
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new RetainError('INVALID_ARGUMENT', `Cannot read ${file}.`, {
      hint: 'Check the path.',
      cause: error,
    });
  }
}

function badInput(file: string, problems: readonly Reject[]): RetainError {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatReject).join('\n  ');
  const more =
    problems.length > MAX_PROBLEMS_SHOWN
      ? `\n  … and ${problems.length - MAX_PROBLEMS_SHOWN} more`
      : '';
  return new RetainError(
    'INVALID_ARGUMENT',
    `${file} has ${problems.length} bad value(s):\n  ${shown}${more}`,
    {
      hint: 'Fix the rows above; nothing was fitted.',
    },
  );
}

function defaultCohortStart(asOf: Date): string {
  const start = new Date(
    Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - DEFAULT_COHORT_MONTHS, 1),
  );
  return start.toISOString().slice(0, 10);
}

export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseNonNegativeNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    throw new InvalidArgumentError(`"${value}" is not a number of 0 or more.`);
  }
  return number;
}

export function parsePositiveNumber(value: string): number {
  const number = parseNonNegativeNumber(value);
  if (number === 0) throw new InvalidArgumentError(`"${value}" is not above 0.`);
  return number;
}
