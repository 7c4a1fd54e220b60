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
    // The median's 95 % interval is where the band crosses 0.5 (R's print.survfit: the lower
    // limit where the lower edge first reaches 0.5, the upper where the upper edge does).
    // Read off the band above: lower 0.503 at week 10 is still above 0.5, 0.432 at week 13 is
    // not, so the interval starts at 13; the upper edge ends at 0.680 and never reaches 0.5,
    // so it is open (R prints NA). R's default log band gives 16 instead, the familiar
    // "23, 16, NA"; the log(−log) band is wider at the bottom.
    expect(curve.medianLower).toBe(13);
    expect(curve.medianUpper).toBeNull();
  });

  it('reads both ends of the median interval off the band for the control arm of Freireich et al. (1963): 8 weeks, 4 to 11', () => {
    // No censoring, so Greenwood's variance is the binomial one: V = (1 − S) / (n S), n = 21.
    // Band exp(−exp(ln(−ln S) ± 1.959964 √V / |ln S|)), computed by hand at the crossings:
    //   week 3: S = 16/21 = 0.761905, V = 0.014881 → lower 0.519391 (above 0.5)
    //   week 4: S = 14/21 = 0.666667, V = 0.023810 → lower 0.425350 (below: the interval starts)
    //   week 8: S =  8/21 = 0.380952, V = 0.077381 → upper 0.577789 (above 0.5; the median, S < 0.5)
    //   week 11: S = 6/21 = 0.285714, V = 0.119048 → upper 0.481820 (below: the interval ends)
    // R's default log band gives the familiar "8, 4, 12"; on the log(−log) band the upper end is 11.
    const weeks = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];
    const curve = computeKaplanMeier(
      weeks,
      weeks.map(() => true),
    );
    const at = (time: number) => curve.points.find((point) => point.time === time);
    expect(at(3)?.lower).toBeCloseTo(0.519391, 6);
    expect(at(4)?.lower).toBeCloseTo(0.42535, 6);
    expect(at(8)?.upper).toBeCloseTo(0.577789, 6);
    expect(at(11)?.upper).toBeCloseTo(0.48182, 6);
    expect(curve).toMatchObject({ median: 8, medianLower: 4, medianUpper: 11 });
  });

  it('keeps the curve at 1 with no events, and the median unreached', () => {
    const curve = computeKaplanMeier([5, 8, 9], [false, false, false]);
    expect(curve).toEqual({ points: [], median: null, medianLower: null, medianUpper: null });
  });
});
