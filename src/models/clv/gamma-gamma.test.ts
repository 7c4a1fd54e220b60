import { describe, expect, it } from 'vitest';
import { CDNOW_SUMMARY_WITH_SPEND, readText } from '../../../test/helpers/cdnow.js';
import { expectWithin } from '../../../test/helpers/expect-within.js';
import {
  fitGammaGamma,
  gammaGammaConditionalExpectedValue,
  gammaGammaLogLikelihood,
  selectRepeatBuyers,
} from './gamma-gamma.js';
import { parseSummaryCsv } from './parse-summary-csv.js';
import { simulateGammaGammaSpend, simulateBgNbd } from './simulate-purchases.js';

const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };

function readCdnowSpend() {
  const outcome = parseSummaryCsv(
    readText(CDNOW_SUMMARY_WITH_SPEND),
    'cdnow_customers_summary_with_transactions.csv',
  );
  if (!outcome.ok || !outcome.value.monetaryValue)
    throw new Error('the CDNOW spend summary should parse');
  return { ...outcome.value, monetaryValue: outcome.value.monetaryValue };
}

describe('Gamma-Gamma', () => {
  it('fits the 946 CDNOW repeat buyers to Fader–Hardie–Lee (2005, "RFM and CLV"): p=6.25 q=3.74 v=15.44 (each within 1 %)', () => {
    const summary = readCdnowSpend();
    const fit = fitGammaGamma(selectRepeatBuyers(summary.frequency, summary.monetaryValue));
    expect(fit.customers).toBe(946);
    for (const name of ['p', 'q', 'v'] as const)
      expectWithin(fit.params[name], PUBLISHED[name], 0.01, name);
  });

  it('predicts the expected average value of lifetimes’ CDNOW quickstart: 24.6586, 18.9115, 35.1710, 71.4629 for customers 1, 2, 3, 6; mean 35.2530 (to 0.001)', () => {
    const summary = readCdnowSpend();
    const { params } = fitGammaGamma(selectRepeatBuyers(summary.frequency, summary.monetaryValue));
    const expected: [number, number][] = [
      [0, 24.658619],
      [1, 18.911489],
      [2, 35.170981],
      [5, 71.462843],
    ];
    for (const [i, value] of expected) {
      const actual = gammaGammaConditionalExpectedValue(
        params,
        summary.frequency[i] ?? 0,
        summary.monetaryValue[i] ?? 0,
      );
      expect(Math.abs(actual - value)).toBeLessThan(0.001);
    }
    let sum = 0;
    for (let i = 0; i < summary.frequency.length; i++) {
      sum += gammaGammaConditionalExpectedValue(
        params,
        summary.frequency[i] ?? 0,
        summary.monetaryValue[i] ?? 0,
      );
    }
    expect(Math.abs(sum / summary.frequency.length - 35.2529588256)).toBeLessThan(0.001);
  });

  it('recovers known parameters from the spend of 50,000 simulated customers (seed 11) within 15 %, and the mean spend pv/(q−1) within 3 %', () => {
    const purchases = simulateBgNbd(
      { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      { customers: 50_000, minAge: 52, maxAge: 104, seed: 1 },
    );
    const spend = selectRepeatBuyers(
      purchases.frequency,
      simulateGammaGammaSpend(PUBLISHED, purchases.frequency, 11),
    );
    const fit = fitGammaGamma(spend);
    for (const name of ['p', 'q', 'v'] as const)
      expectWithin(fit.params[name], PUBLISHED[name], 0.15, name);
    const meanSpend = ({ p, q, v }: typeof PUBLISHED) => (p * v) / (q - 1);
    expectWithin(meanSpend(fit.params), meanSpend(PUBLISHED), 0.03, 'pv/(q−1)');
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(PUBLISHED, spend));
  });
});
