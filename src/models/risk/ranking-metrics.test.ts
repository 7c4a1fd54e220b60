import { describe, expect, it } from 'vitest';
import { computeRankingMetrics } from './ranking-metrics.js';

describe('computeRankingMetrics', () => {
  it('gives ROC AUC as the share of churner–stayer pairs ranked right, ties counting half', () => {
    // Churners score 0.9 and 0.4; stayers 0.8, 0.4, 0.1. Pairs: (0.9 beats all three) = 3,
    // (0.4 vs 0.8) = 0, (0.4 vs 0.4) = ½, (0.4 vs 0.1) = 1 → 4.5 / 6 = 0.75.
    const metrics = computeRankingMetrics([0.9, 0.8, 0.4, 0.4, 0.1], [1, 0, 1, 0, 0]);
    expect(metrics.roc_auc).toBeCloseTo(0.75, 12);
  });

  it('takes precision and lift over the top 10 % by score', () => {
    // 20 customers, 4 churners (base rate 0.2); the top 2 are one churner and one stayer.
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i);
    const labels = Array.from({ length: 20 }, (_, i) => (i === 0 || i >= 17 ? 1 : 0));
    const metrics = computeRankingMetrics(scores, labels);
    expect(metrics.precision_at_10).toBe(0.5);
    expect(metrics.lift_at_10).toBeCloseTo(2.5, 12);
  });

  it('has no AUC without both classes, and no lift without churners', () => {
    expect(computeRankingMetrics([0.3, 0.2], [0, 0])).toEqual({
      roc_auc: null,
      precision_at_10: 0,
      lift_at_10: null,
    });
  });
});
