/**
 * Schema version 4: the latest CLV predictions per customer, written by
 * `retain clv predict --store`, so the risk score and the dashboard read
 * P(alive) and the expected value of each customer without refitting.
 * Each run replaces the whole table; the fit it came from is on every row.
 * Decimals, not doubles, as everywhere in the store: money stays exact and
 * model outputs keep 12 places, far more than their precision.
 */
export const clvPredictions = {
  version: 4,
  name: 'clv predictions',
  statements: [
    `CREATE TABLE clv_predictions (
      customer_id TEXT PRIMARY KEY, model TEXT NOT NULL, unit TEXT NOT NULL,
      calibration_end DATE, frequency INTEGER NOT NULL, recency DECIMAL(24, 12) NOT NULL,
      age DECIMAL(24, 12) NOT NULL, probability_alive DECIMAL(24, 12) NOT NULL,
      purchase_horizon DECIMAL(24, 12) NOT NULL, expected_purchases DECIMAL(24, 12) NOT NULL,
      expected_average_value DECIMAL(18, 4), clv_horizon DECIMAL(24, 12) NOT NULL,
      discount_rate DECIMAL(24, 12) NOT NULL, clv DECIMAL(18, 4),
      computed_at TIMESTAMP NOT NULL)`,
  ],
} as const;
