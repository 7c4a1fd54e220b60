import { describe, expect, it } from 'vitest';
import { computeKaplanMeier } from './kaplan-meier.js';

describe('computeKaplanMeier', () => {
  it('reproduces the 6-MP arm of Freireich et al. (1963), as in Kalbfleisch & Prentice and R survfit(conf.type = "log-log")', () => {
    // Remission times in weeks; + marks censored.
    const events = [6, 6, 6, 7, 10, 13, 16, 22, 23];
    const censored = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
    const curve = computeKaplanMeier(
      [...events, ...censored],
      [...events.map(() => true), ...censored.map(() => false)],
    );
    const expected = [
      { time: 6, atRisk: 21, survival: 0.857, lower: 0.62, upper: 0.952 },
      { time: 7, atRisk: 17, survival: 0.807, lower: 0.563, upper: 0.923 },
      { time: 10, atRisk: 15, survival: 0.753, lower: 0.503, upper: 0.889 },
      { time: 13, atRisk: 12, survival: 0.69, lower: 0.432, upper: 0.849 },
      { time: 16, atRisk: 11, survival: 0.627, lower: 0.368, upper: 0.805 },
      { time: 22, atRisk: 7, survival: 0.538, lower: 0.268, upper: 0.747 },
      { time: 23, atRisk: 6, survival: 0.448, lower: 0.188, upper: 0.68 },
    ];
    expect(curve.points).toHaveLength(expected.length);
    curve.points.forEach((point, index) => {
      const want = expected[index];
      expect(point.time).toBe(want?.time);
      expect(point.atRisk).toBe(want?.atRisk);
      expect(point.survival).toBeCloseTo(want?.survival ?? 0, 3);
      expect(point.lower).toBeCloseTo(want?.lower ?? 0, 2);
      expect(point.upper).toBeCloseTo(want?.upper ?? 0, 2);
    });
    expect(curve.median).toBe(23);
  });

  it('keeps the curve at 1 with no events, and the median unreached', () => {
    const curve = computeKaplanMeier([5, 8, 9], [false, false, false]);
    expect(curve).toEqual({ points: [], median: null, medianLower: null, medianUpper: null });
  });
});
