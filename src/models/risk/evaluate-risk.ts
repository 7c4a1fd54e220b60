/**
 * `retain risk --evaluate`: how well the rule score and the learned model
 * rank the customers who churned. The backtest tests at the latest as-of
 * day whose 90-day window has ended and trains on the monthly snapshots
 * before it (their windows end by the test day, so nothing the test could
 * not have known trains the model). `--cv K` instead splits one as-of day's
 * customers into K stratified folds: for a store with history, or for a
 * snapshot of customers with a churned flag among their attributes, where
 * only the model can be scored (the rules need history).
 */
import { RetainError } from '../../domain/errors.js';
import { createRandom } from '../../domain/random.js';
import type { MetricCache } from '../../metrics/metric-cache.js';
import { toIsoDate } from '../../store/sql-time.js';
import type { Store } from '../../store/store.js';
import {
  addDays,
  CHURN_HORIZON_DAYS,
  listStrongestFeatures,
  predictRisk,
  readLabelledSnapshot,
  readTrainingSnapshots,
  toModelRow,
  trainOnSnapshots,
  trainRiskModel,
  type TrainedRiskModel,
} from './churn-model.js';
import { computeHealthScore } from './compute-health.js';
import type { ModelRow } from './design-matrix.js';
import type { HealthRules } from './health-rules.js';
import { computeRankingMetrics, type RankingMetrics } from './ranking-metrics.js';

export type RiskEvaluation = {
  as_of: string;
  method: 'backtest' | 'cross_validation';
  folds: number | null;
  customers: number;
  positives: number;
  /** The rule score (100 − health as the risk); null for a snapshot without history. */
  rules: RankingMetrics | null;
  model: RankingMetrics;
  /** Training rows and churners (per fold, the whole set for cross-validation). */
  training: { snapshots: string[]; rows: number; positives: number };
  strongest_features: { feature: string; weight: number }[];
};

export type EvaluateOptions = {
  readonly now: Date;
  readonly rules: HealthRules;
  readonly cache?: MetricCache | undefined;
};

/** Attribute names read as a churned flag in a snapshot, first found wins. */
export const LABEL_ATTRIBUTES = ['churn', 'churned', 'is_churned', 'exited', 'attrition'];
const TRUE_FLAGS = new Set(['1', 'yes', 'true', 'y', 'churned']);
const FALSE_FLAGS = new Set(['0', 'no', 'false', 'n', 'active', 'stayed']);
const CV_SEED = 20_251_204;

export async function evaluateBacktest(
  store: Store,
  options: EvaluateOptions,
): Promise<RiskEvaluation> {
  const testAt = startOfDay(addDays(options.now, -CHURN_HORIZON_DAYS));
  const test = await readLabelledSnapshot(store, testAt, options.cache);
  const snapshots = await readTrainingSnapshots(store, testAt, options.cache);
  const trained = trainOnSnapshots(snapshots);
  if (!trained || test.customers.length === 0) throw tooLittleHistory(toIsoDate(testAt));
  const ruleRisk = test.customers.map(
    (customer) => 100 - computeHealthScore(customer.signals, options.rules).health,
  );
  return {
    as_of: toIsoDate(testAt),
    method: 'backtest',
    folds: null,
    customers: test.customers.length,
    positives: sum(test.labels),
    rules: computeRankingMetrics(ruleRisk, test.labels),
    model: computeRankingMetrics(predictRisk(trained, test.customers.map(toModelRow)), test.labels),
    training: {
      snapshots: snapshots.map((snapshot) => toIsoDate(snapshot.asOf)),
      rows: trained.rows,
      positives: trained.positives,
    },
    strongest_features: listStrongestFeatures(trained),
  };
}

export async function evaluateCrossValidation(
  store: Store,
  options: EvaluateOptions & { folds: number; label?: string | undefined },
): Promise<RiskEvaluation> {
  const asOf = startOfDay(addDays(options.now, -CHURN_HORIZON_DAYS));
  const history =
    options.label === undefined
      ? await readLabelledSnapshot(store, asOf, options.cache)
      : undefined;
  const labelled =
    history && history.customers.length > 0
      ? {
          rows: history.customers.map(toModelRow),
          labels: history.labels,
          ruleRisk: history.customers.map(
            (customer) => 100 - computeHealthScore(customer.signals, options.rules).health,
          ),
          exclude: new Set<string>(),
          asOf: toIsoDate(asOf),
        }
      : {
          ...(await readFlaggedSnapshot(store, options.label)),
          ruleRisk: null,
          asOf: toIsoDate(options.now),
        };
  const { rows, labels } = labelled;
  const folds = assignFolds(labels, options.folds);
  const outOfFold = new Float64Array(rows.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const trainIndex = indexesWhere(folds, (f) => f !== fold);
    const testIndex = indexesWhere(folds, (f) => f === fold);
    const trained = trainRiskModel(
      trainIndex.map((i) => rows[i] as ModelRow),
      Uint8Array.from(trainIndex, (i) => labels[i] ?? 0),
      labelled.exclude,
    );
    if (!trained) throw tooLittleHistory(labelled.asOf);
    const predicted = predictRisk(
      trained,
      testIndex.map((i) => rows[i] as ModelRow),
    );
    testIndex.forEach((row, k) => (outOfFold[row] = predicted[k] ?? 0));
  }
  const full = trainRiskModel(rows, labels, labelled.exclude) as TrainedRiskModel;
  return {
    as_of: labelled.asOf,
    method: 'cross_validation',
    folds: options.folds,
    customers: rows.length,
    positives: sum(labels),
    rules: labelled.ruleRisk === null ? null : computeRankingMetrics(labelled.ruleRisk, labels),
    model: computeRankingMetrics(outOfFold, labels),
    training: { snapshots: [labelled.asOf], rows: full.rows, positives: full.positives },
    strongest_features: listStrongestFeatures(full),
  };
}

type FlaggedSnapshot = { rows: ModelRow[]; labels: Uint8Array; exclude: Set<string> };

type CustomerRow = {
  id: string;
  segment: string | null;
  region: string | null;
  industry: string | null;
  acquisition_channel: string | null;
  attributes: string | null;
};

/** Customers with a churned flag among their imported attributes, and nothing else to go on. */
async function readFlaggedSnapshot(
  store: Store,
  label: string | undefined,
): Promise<FlaggedSnapshot> {
  const customers = await store.query<CustomerRow>(
    `SELECT id, segment, region, industry, acquisition_channel, CAST(attributes AS TEXT) AS attributes
     FROM customers ORDER BY id`,
  );
  const parsed = customers.map((customer) => {
    const attributes: Record<string, string> = {};
    const json: unknown = customer.attributes === null ? {} : JSON.parse(customer.attributes);
    for (const [key, value] of Object.entries(json as Record<string, unknown>))
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        attributes[key.toLowerCase()] = String(value);
    for (const key of ['segment', 'region', 'industry', 'acquisition_channel'] as const) {
      const value = customer[key];
      if (value !== null) attributes[key] = value;
    }
    return attributes;
  });
  const column =
    label?.toLowerCase() ?? LABEL_ATTRIBUTES.find((name) => parsed.some((row) => name in row));
  if (column === undefined || !parsed.some((row) => column in row)) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `No churn label to cross-validate on: the store has no customer active ${CHURN_HORIZON_DAYS} days ago and no customer attribute named ${label ?? LABEL_ATTRIBUTES.join(', ')}.`,
      {
        hint: 'Import subscriptions (or orders) for a history, or customers with a churned column (yes/no), and name it with --label.',
      },
    );
  }
  const labels = new Uint8Array(parsed.length);
  parsed.forEach((row, index) => {
    const flag = (row[column] ?? '').trim().toLowerCase();
    if (TRUE_FLAGS.has(flag)) labels[index] = 1;
    else if (!FALSE_FLAGS.has(flag)) {
      throw new RetainError(
        'INVALID_ARGUMENT',
        `Customer ${customers[index]?.id ?? ''}: ${column} = "${row[column] ?? ''}" is not a churned flag.`,
        { hint: `Use yes/no, true/false or 1/0 in the ${column} attribute.` },
      );
    }
  });
  return {
    rows: parsed.map((descriptors) => ({ signals: {}, descriptors })),
    labels,
    exclude: new Set([column]),
  };
}

/** Stratified: churners and stayers are dealt round the folds separately, in a seeded order. */
function assignFolds(labels: Uint8Array, folds: number): Uint8Array {
  const random = createRandom(CV_SEED);
  const assigned = new Uint8Array(labels.length);
  for (const value of [0, 1]) {
    const members = indexesWhere(labels, (label) => label === value);
    for (let i = members.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [members[i], members[j]] = [members[j] ?? 0, members[i] ?? 0];
    }
    members.forEach((row, k) => (assigned[row] = k % folds));
  }
  return assigned;
}

function indexesWhere(values: ArrayLike<number>, test: (value: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (test(values[i] ?? 0)) out.push(i);
  return out;
}

function sum(values: Uint8Array): number {
  return values.reduce((total, value) => total + value, 0);
}

function startOfDay(instant: Date): Date {
  return new Date(`${toIsoDate(instant)}T00:00:00.000Z`);
}

function tooLittleHistory(asOf: string): RetainError {
  return new RetainError(
    'INVALID_ARGUMENT',
    `Too little history to evaluate the risk model at ${asOf}: it needs at least 10 customers who churned and 10 who stayed within ${CHURN_HORIZON_DAYS} days.`,
    {
      hint: 'Import more history (subscriptions with their ends), or use --cv K on a snapshot with a churned flag.',
    },
  );
}
