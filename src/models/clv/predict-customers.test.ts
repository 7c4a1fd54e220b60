import { describe, expect, it } from 'vitest';
import { CDNOW_SUMMARY_WITH_SPEND, readText } from '../../../test/helpers/cdnow.js';
import { withTempDuckDb } from '../../../test/helpers/temp-store.js';
import { expectWithin } from '../../../test/helpers/expect-within.js';
import { fitGammaGamma, selectRepeatBuyers } from './gamma-gamma.js';
import { parseSummaryCsv } from './parse-summary-csv.js';
import { predictCustomers } from './predict-customers.js';
import { fitTransactionModel } from './transaction-model.js';
import { writePredictions } from './write-predictions.js';

function readCdnow() {
  const outcome = parseSummaryCsv(readText(CDNOW_SUMMARY_WITH_SPEND), 'cdnow.csv');
  if (!outcome.ok || !outcome.value.monetaryValue)
    throw new Error('the CDNOW spend summary should parse');
  return { ...outcome.value, monetaryValue: outcome.value.monetaryValue };
}

describe('predictCustomers', () => {
  it('reproduces lifetimes’ documented CDNOW CLV (BG/NBD + Gamma-Gamma, 12 steps of 30 weeks at 1 %): 140.096 for customer 1, 18.943 for 2, 1003.868 for 6 (within 0.5 %)', () => {
    const summary = readCdnow();
    const model = fitTransactionModel('bgnbd', summary);
    const spend = fitGammaGamma(selectRepeatBuyers(summary.frequency, summary.monetaryValue));
    const predictions = predictCustomers(summary, model, spend.params, {
      purchaseHorizon: 39,
      clvHorizon: 360,
      clvStep: 30,
      discountRate: 0.01,
    });
    const expected: [number, number][] = [
      [0, 140.096211],
      [1, 18.943467],
      [2, 38.180574],
      [5, 1003.868107],
      [8, 167.418216],
    ];
    for (const [i, clv] of expected)
      expectWithin(predictions[i]?.clv ?? 0, clv, 0.005, `CLV of ${summary.customerIds[i]}`);
    // Customer 1 (x=2, t_x=30.43, T=38.86): Hardie's spreadsheet value of E[Y(39)].
    expect(predictions[0]?.expected_purchases).toBeCloseTo(1.226, 3);
    expect(predictions[2]?.probability_alive).toBe(1);
  });

  it('stores P(alive) and the predictions per customer in clv_predictions, replacing the previous run', async () => {
    await withTempDuckDb(async (store) => {
      const prediction = {
        customer_id: 'c1',
        frequency: 2,
        recency: 30.43,
        T: 38.86,
        probability_alive: 0.9,
        expected_purchases: 1.2,
        expected_average_value: 24.66,
        clv: 140.1,
      };
      const run = {
        model: 'bgnbd',
        unit: 'weeks' as const,
        calibrationEnd: '1997-09-30',
        computedAt: new Date('2025-01-01T00:00:00Z'),
        purchaseHorizon: 52,
        clvHorizon: 52,
        clvStep: 52 / 12,
        discountRate: 0.01,
      };
      await writePredictions(store, [prediction, { ...prediction, customer_id: 'c2' }], run);
      await writePredictions(
        store,
        [{ ...prediction, probability_alive: 0.25, expected_average_value: null, clv: null }],
        run,
      );
      const rows = await store.query<{
        customer_id: string;
        probability_alive: string;
        clv: string | null;
        calibration_end: string;
      }>('SELECT customer_id, probability_alive, clv, calibration_end FROM clv_predictions');
      expect(rows).toEqual([
        {
          customer_id: 'c1',
          probability_alive: '0.25',
          clv: null,
          calibration_end: '1997-09-30',
        },
      ]);
    });
  });
});
