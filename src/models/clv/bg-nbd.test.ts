import { describe, expect, it } from 'vitest';
import { CDNOW_SUMMARY, readText } from '../../../test/helpers/cdnow.js';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from './bg-nbd.js';
import { expectWithin } from '../../../test/helpers/expect-within.js';
import { parseSummaryCsv } from './parse-summary-csv.js';
import { simulateBgNbd } from './simulate-purchases.js';

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function readCdnowSummary() {
  const outcome = parseSummaryCsv(readText(CDNOW_SUMMARY), 'cdnow_customers_summary.csv');
  if (!outcome.ok) throw new Error('the CDNOW summary should parse');
  return outcome.value;
}

describe('BG/NBD', () => {
  it('fits CDNOW to Fader–Hardie–Lee (2005): r=0.243 α=4.414 a=0.793 b=2.426, LL −9582.4 (each within 1 %, LL within 0.1)', () => {
    const fit = fitBgNbd(readCdnowSummary());
    expectWithin(fit.params.r, PUBLISHED.r, 0.01, 'r');
    expectWithin(fit.params.alpha, PUBLISHED.alpha, 0.01, 'alpha');
    expectWithin(fit.params.a, PUBLISHED.a, 0.01, 'a');
    expectWithin(fit.params.b, PUBLISHED.b, 0.01, 'b');
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.1);
    expect(fit.customers).toBe(2357);
  });

  it('predicts as Hardie’s BG/NBD spreadsheet (lifetimes’ tests): E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226 and E[X(t)] for t = 0.1429 … 78 to 0.001', () => {
    const { params } = fitBgNbd(readCdnowSummary());
    expect(
      Math.abs(bgNbdConditionalExpectedPurchases(params, 39, 2, 30.43, 38.86) - 1.226),
    ).toBeLessThan(0.001);
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => {
      expect(Math.abs(bgNbdExpectedPurchases(params, t) - (expected[i] ?? 0))).toBeLessThan(0.001);
    });
  });

  it('gives P(alive) = 1 without repeat purchases and a probability for every history, even x = 500 over T = 10,000', () => {
    expect(bgNbdProbabilityAlive(PUBLISHED, 0, 0, 38)).toBe(1);
    for (const [x, tx, T] of [
      [1, 1, 2],
      [10, 5, 90],
      [500, 9000, 10000],
      [500, 10, 10000],
    ] as const) {
      const p = bgNbdProbabilityAlive(PUBLISHED, x, tx, T);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Number.isFinite(bgNbdConditionalExpectedPurchases(PUBLISHED, 52, x, tx, T))).toBe(
        true,
      );
    }
  });

  it('keeps the log-likelihood finite for large frequency and T (x up to 5,000, T up to 100,000 days)', () => {
    const history = {
      frequency: Float64Array.from([0, 5000, 1200, 3]),
      recency: Float64Array.from([0, 99_000, 40_000, 2]),
      T: Float64Array.from([100_000, 100_000, 50_000, 3]),
    };
    expect(Number.isFinite(bgNbdLogLikelihood(PUBLISHED, history))).toBe(true);
    const fit = fitBgNbd(history);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('recovers known parameters from 50,000 simulated customers (seed 1) within 10 %', () => {
    // Ages of 1–2 years in weeks: long enough for the drop-out parameters a and b to be identified.
    const history = simulateBgNbd(PUBLISHED, {
      customers: 50_000,
      minAge: 52,
      maxAge: 104,
      seed: 1,
    });
    const fit = fitBgNbd(history);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      expectWithin(fit.params[name], PUBLISHED[name], 0.1, name);
    }
    // The maximum is a maximum: the true parameters explain the data no better.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(PUBLISHED, history));
  });

  it('shrinks every parameter with an L2 penalizer, as lifetimes’ penalizer_coef does', () => {
    const summary = readCdnowSummary();
    const plain = fitBgNbd(summary).params;
    const penalized = fitBgNbd(summary, { penalizer: 0.1 }).params;
    expect(penalized.r).toBeLessThan(plain.r);
    expect(penalized.a).toBeLessThan(plain.a);
    expect(penalized.b).toBeLessThan(plain.b);
  });
});
