/**
 * The learned churn-risk model: logistic regression on the health signals,
 * tenure and MRR, and every customer descriptor (segment, region, plan and
 * imported attributes such as contract type or payment method), labelled by
 * churn within the next 90 days: active at the as-of day and not active 90
 * days later, by the `customers_active` KPI. Training pools monthly
 * snapshots whose 90-day windows have ended, so no label (and no feature,
 * which readHealthFeatures reads before its as-of) comes from after the
 * moment the model is used at.
 */
import { readCustomerContributions } from '../../metrics/customer-mrr.js';
import type { MetricCache } from '../../metrics/metric-cache.js';
import type { Store } from '../../store/store.js';
import { fitDesignEncoder, type DesignEncoder, type ModelRow } from './design-matrix.js';
import { readHealthFeatures, type CustomerHealthFeatures } from './health-features.js';
import {
  fitLogisticRegression,
  predictLogistic,
  type LogisticModel,
} from './logistic-regression.js';

export const CHURN_HORIZON_DAYS = 90;
/** Monthly snapshots pooled for training: enough churners without reaching into a different business. */
export const TRAINING_SNAPSHOTS = 6;
const SNAPSHOT_STEP_DAYS = 30;
const DAY_MS = 86_400_000;
/** Below this many churners a fitted model says more about noise than about churn. */
export const MIN_TRAINING_POSITIVES = 10;

export type LabelledSnapshot = {
  readonly asOf: Date;
  readonly customers: readonly CustomerHealthFeatures[];
  /** 1 when the customer churned within the horizon. */
  readonly labels: Uint8Array;
};

export type TrainedRiskModel = {
  readonly encoder: DesignEncoder;
  readonly model: LogisticModel;
  readonly rows: number;
  readonly positives: number;
};

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

export async function readLabelledSnapshot(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
): Promise<LabelledSnapshot> {
  const customers = await readHealthFeatures(store, asOf, cache);
  const later = await readCustomerContributions(
    store,
    'customers_active',
    addDays(asOf, CHURN_HORIZON_DAYS),
    cache,
    'day',
  );
  return {
    asOf,
    customers,
    labels: Uint8Array.from(customers, (customer) => (later.has(customer.customer_id) ? 0 : 1)),
  };
}

/** The training snapshots for a model used at `usedAt`: every label window ends by then. */
export async function readTrainingSnapshots(
  store: Store,
  usedAt: Date,
  cache?: MetricCache,
): Promise<LabelledSnapshot[]> {
  const snapshots: LabelledSnapshot[] = [];
  for (let k = 0; k < TRAINING_SNAPSHOTS; k++) {
    const asOf = addDays(usedAt, -CHURN_HORIZON_DAYS - k * SNAPSHOT_STEP_DAYS);
    const snapshot = await readLabelledSnapshot(store, asOf, cache);
    if (snapshot.customers.length > 0) snapshots.push(snapshot);
  }
  return snapshots;
}

export function toModelRow(customer: CustomerHealthFeatures): ModelRow {
  return { signals: customer.signals, descriptors: customer.descriptors };
}

/** Fits on `rows` and their labels; undefined when there are too few churners to learn from. */
export function trainRiskModel(
  rows: readonly ModelRow[],
  labels: Uint8Array,
  exclude?: ReadonlySet<string>,
): TrainedRiskModel | undefined {
  const positives = labels.reduce((sum, label) => sum + label, 0);
  if (positives < MIN_TRAINING_POSITIVES || rows.length - positives < MIN_TRAINING_POSITIVES)
    return undefined;
  const encoder = fitDesignEncoder(rows, exclude);
  const model = fitLogisticRegression(encoder.encode(rows), labels, encoder.names.length);
  return { encoder, model, rows: rows.length, positives };
}

export function trainOnSnapshots(
  snapshots: readonly LabelledSnapshot[],
): TrainedRiskModel | undefined {
  const rows = snapshots.flatMap((snapshot) => snapshot.customers.map(toModelRow));
  const labels = new Uint8Array(rows.length);
  let offset = 0;
  for (const snapshot of snapshots) {
    labels.set(snapshot.labels, offset);
    offset += snapshot.labels.length;
  }
  return trainRiskModel(rows, labels);
}

export function predictRisk(trained: TrainedRiskModel, rows: readonly ModelRow[]): Float64Array {
  return predictLogistic(trained.model, trained.encoder.encode(rows), trained.encoder.names.length);
}

/** The columns with the largest standardised weights: positive raises the risk. */
export function listStrongestFeatures(
  trained: TrainedRiskModel,
  count = 8,
): { feature: string; weight: number }[] {
  return trained.encoder.names
    .map((feature, j) => ({ feature, weight: trained.model.weights[j + 1] ?? 0 }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.feature.localeCompare(b.feature))
    .slice(0, count);
}
