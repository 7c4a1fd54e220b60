/**
 * The two standard checks of a purchase model (Fader, Hardie & Lee 2005,
 * Figures 2–4; lifetimes' plotting helpers): calibration vs holdout, the
 * mean holdout purchases of customers grouped by calibration frequency,
 * actual against the model's conditional expectation; and tracking, the
 * cumulative repeat purchases of the whole cohort by week, actual against
 * Σ over acquisition days of customers × E[X(age)].
 */
import type { CustomerSummary } from './customer-summary.js';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  type TransactionModel,
} from './transaction-model.js';

export type CalibrationHoldoutRow = {
  /** Calibration frequency x, the last bin holding everyone at or above it ("7+"). */
  frequency: string;
  customers: number;
  actual: number;
  expected: number;
};

export type TrackingRow = { week: number; actual: number; expected: number };

/** First purchases and repeat purchase days per calendar day, counted from the first day of data. */
export type DailyPurchaseCounts = {
  /** Days since the first day of data, for each day with activity. */
  day: Int32Array;
  firsts: Float64Array;
  repeats: Float64Array;
};

export const TOP_FREQUENCY_BIN = 7;

/** Mean holdout purchases by calibration frequency 0 … 6 and 7+, actual and expected. */
export function computeCalibrationHoldout(
  summary: CustomerSummary,
  model: TransactionModel,
): CalibrationHoldoutRow[] {
  const { holdout } = summary;
  if (!holdout) throw new Error('computeCalibrationHoldout needs a summary with holdout purchases');
  const bins = Array.from({ length: TOP_FREQUENCY_BIN + 1 }, () => ({
    customers: 0,
    actual: 0,
    expected: 0,
  }));
  for (let i = 0; i < summary.frequency.length; i++) {
    const x = summary.frequency[i] ?? 0;
    const bin = bins[Math.min(x, TOP_FREQUENCY_BIN)];
    if (!bin) continue;
    bin.customers += 1;
    bin.actual += holdout.frequency[i] ?? 0;
    bin.expected += conditionalExpectedPurchases(
      model,
      holdout.duration,
      x,
      summary.recency[i] ?? 0,
      summary.T[i] ?? 0,
    );
  }
  return bins
    .map((bin, x) => ({
      frequency: x === TOP_FREQUENCY_BIN ? `${TOP_FREQUENCY_BIN}+` : String(x),
      customers: bin.customers,
      actual: bin.customers === 0 ? 0 : bin.actual / bin.customers,
      expected: bin.customers === 0 ? 0 : bin.expected / bin.customers,
    }))
    .filter((row) => row.customers > 0);
}

/**
 * Cumulative repeat purchases at the end of each week 1 … `weeks`, actual
 * and expected; `daysPerUnit` converts days to the model's time unit.
 */
export function computeTracking(
  counts: DailyPurchaseCounts,
  model: TransactionModel,
  weeks: number,
  daysPerUnit: number,
): TrackingRow[] {
  const rows: TrackingRow[] = [];
  for (let week = 1; week <= weeks; week++) {
    const end = week * 7;
    let actual = 0;
    let expected = 0;
    for (let i = 0; i < counts.day.length; i++) {
      const day = counts.day[i] ?? 0;
      if (day >= end) continue;
      actual += counts.repeats[i] ?? 0;
      const firsts = counts.firsts[i] ?? 0;
      if (firsts > 0) expected += firsts * expectedPurchases(model, (end - day) / daysPerUnit);
    }
    rows.push({ week, actual, expected });
  }
  return rows;
}
