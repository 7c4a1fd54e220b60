import { beforeAll, describe, expect, it } from 'vitest';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  loadCdnowSampleOrders,
} from '../../../test/helpers/cdnow.js';
import { withTempDuckDb } from '../../../test/helpers/temp-store.js';
import { fitBgNbd } from './bg-nbd.js';
import { expectWithin } from '../../../test/helpers/expect-within.js';
import { fitGammaGamma, selectRepeatBuyers } from './gamma-gamma.js';
import { computeCalibrationHoldout, computeTracking } from './model-checks.js';
import { fitParetoNbd } from './pareto-nbd.js';
import {
  readPurchaseCountsFromOrders,
  type PurchaseCountsResult,
} from './purchase-counts-from-orders.js';
import { readSummaryFromOrders, type OrderSummary } from './summary-from-orders.js';
import { fitTransactionModel } from './transaction-model.js';

// The published estimates come from the unrounded summary; here it is rebuilt from the
// 6,919 transactions of CDNOW_sample.txt by retain's own SQL (weeks; 39-week calibration).
let summary: OrderSummary;
let counts: PurchaseCountsResult;
beforeAll(async () => {
  await withTempDuckDb(async (store) => {
    await loadCdnowSampleOrders(store);
    summary = await readSummaryFromOrders(store, {
      calibrationEnd: CDNOW_CALIBRATION_END,
      holdoutEnd: CDNOW_HOLDOUT_END,
      unit: 'weeks',
    });
    counts = await readPurchaseCountsFromOrders(store, CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END);
  });
});

describe('CDNOW models on the summary built from orders', () => {
  it('fits BG/NBD to Fader–Hardie–Lee (2005): r=0.243 α=4.414 a=0.793 b=2.426 (within 1 %), LL −9582.4 (within 0.5: the summary is unrounded)', () => {
    const fit = fitBgNbd(summary);
    expectWithin(fit.params.r, 0.243, 0.01, 'r');
    expectWithin(fit.params.alpha, 4.414, 0.01, 'alpha');
    expectWithin(fit.params.a, 0.793, 0.01, 'a');
    expectWithin(fit.params.b, 2.426, 0.01, 'b');
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.5);
  });

  it('fits Pareto/NBD to Fader–Hardie–Lee (2005): r=0.553 α=10.578 s=0.606 β=11.669 (within 1 %), LL −9595.0 (within 0.5)', () => {
    const fit = fitParetoNbd(summary);
    expectWithin(fit.params.r, 0.553, 0.01, 'r');
    expectWithin(fit.params.alpha, 10.578, 0.01, 'alpha');
    expectWithin(fit.params.s, 0.606, 0.01, 's');
    expectWithin(fit.params.beta, 11.669, 0.01, 'beta');
    expect(Math.abs(fit.logLikelihood - -9595.0)).toBeLessThan(0.5);
  });

  it('fits Gamma-Gamma on the 946 repeat buyers to Fader–Hardie–Lee (2005, "RFM and CLV"): p=6.25 q=3.74 v=15.44 (within 1 %)', () => {
    const fit = fitGammaGamma(
      selectRepeatBuyers(summary.frequency, summary.monetaryValue ?? new Float64Array()),
    );
    expect(fit.customers).toBe(946);
    expectWithin(fit.params.p, 6.25, 0.01, 'p');
    expectWithin(fit.params.q, 3.74, 0.01, 'q');
    expectWithin(fit.params.v, 15.44, 0.01, 'v');
  });

  it('checks BG/NBD against the 39-week holdout: 1,882 actual repeat purchases, and a tracking curve that ends near them (FHL 2005, Figure 2)', () => {
    const model = fitTransactionModel('bgnbd', summary);
    const rows = computeCalibrationHoldout(summary, model);
    expect(rows.map((row) => row.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(rows.reduce((sum, row) => sum + row.customers, 0)).toBe(2357);
    const actualTotal = rows.reduce((sum, row) => sum + row.actual * row.customers, 0);
    expect(Math.round(actualTotal)).toBe(1882);
    // The one-time buyers (x = 0) bought 334 times in the holdout: 0.237 each.
    expect(rows[0]?.actual).toBeCloseTo(334 / 1411, 6);
    // Each group's expectation is in the right range of its actual mean (the paper's Figure 4 fit).
    for (const row of rows)
      expect(Math.abs(row.expected - row.actual)).toBeLessThan(0.35 * Math.max(1, row.actual));
    const tracking = computeTracking(counts, model, counts.weeks, 7);
    expect(tracking).toHaveLength(78);
    // Weeks 1–78 hold every repeat purchase: 2,457 in calibration and 1,882 after.
    expect(tracking.at(-1)?.actual).toBe(2457 + 1882);
    expectWithin(tracking.at(-1)?.expected ?? 0, 4339, 0.05, 'expected cumulative at week 78');
  });
});
