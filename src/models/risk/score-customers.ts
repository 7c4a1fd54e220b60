/**
 * `retain risk`: every active customer's health from the rules, with the
 * reasons, and the learned model's probability of churning in the next 90
 * days (when the store's history has enough churners to train on), as of
 * one instant; and the snapshot of those scores that `--store` keeps in
 * `health_scores` for the alert rules, the digest and the dashboard.
 */
import type { MetricCache } from '../../metrics/metric-cache.js';
import { toIsoDate, toSqlTimestamp } from '../../store/sql-time.js';
import type { Store } from '../../store/store.js';
import { predictRisk, readTrainingSnapshots, toModelRow, trainOnSnapshots } from './churn-model.js';
import { computeHealthScore, type HealthReason } from './compute-health.js';
import { readHealthFeatures, type HealthSignals } from './health-features.js';
import type { HealthRules } from './health-rules.js';

export type CustomerRisk = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  health: number;
  at_risk: boolean;
  /** P(churn within 90 days) from the learned model; null without one. */
  risk_probability: number | null;
  reasons: HealthReason[];
  signals: HealthSignals;
};

export type RiskScores = {
  as_of: string;
  threshold: number;
  /** Why there is no model probability, when there is none. */
  model_note: string | null;
  customers: CustomerRisk[];
};

export type ScoreOptions = {
  readonly asOf: Date;
  readonly rules: HealthRules;
  readonly isModelUsed?: boolean;
  readonly cache?: MetricCache | undefined;
};

/** Least healthy first. */
export async function scoreCustomers(store: Store, options: ScoreOptions): Promise<RiskScores> {
  const customers = await readHealthFeatures(store, options.asOf, options.cache);
  let probabilities: Float64Array | undefined;
  let modelNote: string | null = null;
  if (options.isModelUsed ?? true) {
    const trained = trainOnSnapshots(
      await readTrainingSnapshots(store, options.asOf, options.cache),
    );
    if (trained) probabilities = predictRisk(trained, customers.map(toModelRow));
    else modelNote = 'too few customers churned in the last nine months to train the risk model';
  }
  const scored = customers.map((customer, index): CustomerRisk => {
    const score = computeHealthScore(customer.signals, options.rules);
    return {
      customer_id: customer.customer_id,
      name: customer.name,
      owner_rep_id: customer.owner_rep_id,
      ...score,
      risk_probability: probabilities?.[index] ?? null,
      signals: customer.signals,
    };
  });
  scored.sort(
    (a, b) =>
      a.health - b.health ||
      (b.risk_probability ?? 0) - (a.risk_probability ?? 0) ||
      a.customer_id.localeCompare(b.customer_id),
  );
  return {
    as_of: toIsoDate(options.asOf),
    threshold: options.rules.threshold,
    model_note: modelNote,
    customers: scored,
  };
}

const SNAPSHOT_COLUMNS = [
  'as_of',
  'customer_id',
  'health',
  'at_risk',
  'risk_probability',
  'reasons',
  'computed_at',
] as const;

/** Replaces the snapshot of `scores.as_of` (re-running a day overwrites it). */
export async function writeHealthSnapshot(
  store: Store,
  scores: RiskScores,
  now: Date,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(`DELETE FROM health_scores WHERE as_of = CAST($1 AS DATE)`, [scores.as_of]);
    const computedAt = toSqlTimestamp(now);
    const rows = scores.customers.map((customer) => [
      scores.as_of,
      customer.customer_id,
      String(customer.health),
      String(customer.at_risk),
      customer.risk_probability === null ? null : String(customer.risk_probability),
      JSON.stringify(
        customer.reasons.map(({ reason, contribution }) => ({ reason, contribution })),
      ),
      computedAt,
    ]);
    if (rows.length > 0) await tx.appendRows('health_scores', SNAPSHOT_COLUMNS, rows);
  });
}
