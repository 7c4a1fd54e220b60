/**
 * Stores predictions in `clv_predictions` (schema version 4), replacing the
 * previous run in one transaction, so a reader never sees half of each.
 */
import type { Store } from '../../store/store.js';
import type { TimeUnit } from './customer-summary.js';
import type { CustomerPrediction, PredictionOptions } from './predict-customers.js';

export type PredictionRun = PredictionOptions & {
  model: string;
  unit: TimeUnit;
  calibrationEnd: string | undefined;
  computedAt: Date;
};

const COLUMNS = [
  'customer_id',
  'model',
  'unit',
  'calibration_end',
  'frequency',
  'recency',
  'age',
  'probability_alive',
  'purchase_horizon',
  'expected_purchases',
  'expected_average_value',
  'clv_horizon',
  'discount_rate',
  'clv',
  'computed_at',
] as const;

export async function writePredictions(
  store: Store,
  predictions: readonly CustomerPrediction[],
  run: PredictionRun,
): Promise<void> {
  const computedAt = run.computedAt.toISOString().slice(0, 19).replace('T', ' ');
  // Decimal text with 12 places: what DECIMAL(24, 12) keeps, without exponent notation.
  const decimal = (value: number) => value.toFixed(12);
  const money = (value: number | null) => (value === null ? null : value.toFixed(4));
  const rows = predictions.map((p) => [
    p.customer_id,
    run.model,
    run.unit,
    run.calibrationEnd ?? null,
    String(p.frequency),
    decimal(p.recency),
    decimal(p.T),
    decimal(p.probability_alive),
    decimal(run.purchaseHorizon),
    decimal(p.expected_purchases),
    money(p.expected_average_value),
    decimal(run.clvHorizon),
    decimal(run.discountRate),
    money(p.clv),
    computedAt,
  ]);
  await store.transaction(async (tx) => {
    await tx.query('DELETE FROM clv_predictions');
    if (rows.length > 0) await tx.appendRows('clv_predictions', COLUMNS, rows);
  });
}
