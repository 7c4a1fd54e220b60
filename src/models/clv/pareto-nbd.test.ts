import { describe, expect, it } from 'vitest';
import { CDNOW_SUMMARY, readText } from '../../../test/helpers/cdnow.js';
import { expectWithin } from '../../../test/helpers/expect-within.js';
import { parseSummaryCsv } from './parse-summary-csv.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
} from './pareto-nbd.js';
import { simulateParetoNbd } from './simulate-purchases.js';

const PUBLISHED = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('Pareto/NBD', () => {
  it('fits CDNOW to Fader–Hardie–Lee (2005): r=0.553 α=10.578 s=0.606 β=11.669, LL −9595.0 (each within 1 %, LL within 0.1)', () => {
    const outcome = parseSummaryCsv(readText(CDNOW_SUMMARY), 'cdnow_customers_summary.csv');
    if (!outcome.ok) throw new Error('the CDNOW summary should parse');
    const fit = fitParetoNbd(outcome.value);
    for (const name of ['r', 'alpha', 's', 'beta'] as const) {
      expectWithin(fit.params[name], PUBLISHED[name], 0.01, name);
    }
    expect(Math.abs(fit.logLikelihood - -9595.0)).toBeLessThan(0.1);
  });

  it('predicts P(alive) = 0.869119 and E[Y(39)] = 1.455113 for x=2, t_x=30.43, T=38.86, as a direct double integral over λ and μ does (mpmath, 12 digits)', () => {
    // Reference: mpmath.quad of the note 009 eq. (3) integrand against the two gamma densities
    // at the fitted CDNOW parameters below; an independent route to eqs. (36) and (41).
    const params = {
      r: 0.5532754946877704,
      alpha: 10.57761214415699,
      s: 0.606213606838788,
      beta: 11.667911685753456,
    };
    expect(paretoNbdProbabilityAlive(params, 2, 30.43, 38.86)).toBeCloseTo(0.869118711857, 9);
    expect(paretoNbdConditionalExpectedPurchases(params, 39, 2, 30.43, 38.86)).toBeCloseTo(
      1.4551129247,
      9,
    );
  });

  it('gives E[X(t)] → (rβ/α)·ln(1 + t/β) as s → 1 instead of dividing by zero (note 009, eq. (27))', () => {
    const params = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    expect(paretoNbdExpectedPurchases(params, 39)).toBeCloseTo(
      ((0.5 * 12) / 10) * Math.log(1 + 39 / 12),
      12,
    );
  });

  it('keeps the likelihood finite where plain ₂F₁ overflows (lifetimes’ overflow case: x = 400–500, α = 0.008)', () => {
    const params = { r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 };
    const history = {
      frequency: Float64Array.from([400, 500, 500]),
      recency: Float64Array.from([5, 1, 4]),
      T: Float64Array.from([6, 37, 37]),
    };
    expect(Number.isFinite(paretoNbdLogLikelihood(params, history))).toBe(true);
    for (let i = 0; i < 3; i++) {
      const p = paretoNbdProbabilityAlive(
        params,
        history.frequency[i] ?? 0,
        history.recency[i] ?? 0,
        history.T[i] ?? 0,
      );
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('recovers known parameters from 8,000 simulated customers (seed 3): r and α within 10 %, the weakly identified s and β within 30 %', () => {
    const history = simulateParetoNbd(PUBLISHED, {
      customers: 8000,
      minAge: 52,
      maxAge: 104,
      seed: 3,
    });
    const fit = fitParetoNbd(history);
    expectWithin(fit.params.r, PUBLISHED.r, 0.1, 'r');
    expectWithin(fit.params.alpha, PUBLISHED.alpha, 0.1, 'alpha');
    expectWithin(fit.params.s, PUBLISHED.s, 0.3, 's');
    expectWithin(fit.params.beta, PUBLISHED.beta, 0.3, 'beta');
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(paretoNbdLogLikelihood(PUBLISHED, history));
  });
});
