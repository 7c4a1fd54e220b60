import { describe, expect, it } from 'vitest';
import { RETENTION_AS_OF, seedRetentionFixture } from '../../test/helpers/retention-fixture.js';
import { withTempStore } from '../../test/helpers/temp-store.js';
import type { Store } from '../store/store.js';
import { computeSurvival, parseSurvivalRequest, type SurvivalCurve } from './survival.js';

/** The points rounded to 6 decimals, so hand-computed values compare exactly. */
function roundedPoints(curve: SurvivalCurve | undefined) {
  const round = (value: number) => Number(value.toFixed(6));
  return curve?.points.map((point) => ({
    ...point,
    survival: round(point.survival),
    lower_95: round(point.lower_95),
    upper_95: round(point.upper_95),
  }));
}

async function survivalFor(store: Store, request: { from?: string; to?: string; by?: string }) {
  return computeSurvival(
    store,
    await parseSurvivalRequest(store, { asOf: RETENTION_AS_OF, ...request }),
  );
}

describe('computeSurvival', () => {
  it('estimates tenure survival with its 95 % band, censoring customers still active at the as-of date', async () => {
    await withTempStore(async (store) => {
      await seedRetentionFixture(store);
      const report = await survivalFor(store, { from: '2024-01-01' });
      // b lasted 36 days, c 55; a, d and e are censored. At b's end 5 are at risk, at c's 4.
      // S(36) = 4/5 = 0.8, S(55) = 0.8 × 3/4 = 0.6: the median is not reached.
      // Band (Kalbfleisch & Prentice's log(−log)): with Greenwood's V = Σ d / (n (n − d)),
      // σ = √V / |ln S| and limits exp(−exp(ln(−ln S) ± 1.959964 σ)).
      //   t = 36: V = 1/20 = 0.05, σ = 0.223607 / 0.223144 = 1.002076 → 0.203809 … 0.969180
      //   t = 55: V = 0.05 + 1/12 = 0.133333, σ = 0.365148 / 0.510826 = 0.714818 → 0.125730 … 0.881756
      // The lower edge is below 0.5 already at 36 days: the median's interval starts there, open above.
      expect(report.by).toBeNull();
      expect(report.curves).toHaveLength(1);
      expect(report.curves[0]).toMatchObject({
        segment: null,
        customers: 5,
        events: 2,
        censored: 3,
        median_days: null,
        median_lower_days: 36,
        median_upper_days: null,
      });
      expect(roundedPoints(report.curves[0])).toEqual([
        { days: 36, at_risk: 5, events: 1, survival: 0.8, lower_95: 0.203809, upper_95: 0.96918 },
        { days: 55, at_risk: 4, events: 1, survival: 0.6, lower_95: 0.12573, upper_95: 0.881756 },
      ]);
    });
  });

  it('draws one curve per segment value with --by, each with its median and band', async () => {
    await withTempStore(async (store) => {
      await seedRetentionFixture(store);
      const report = await survivalFor(store, { by: 'segment' });
      expect(report.by).toBe('segment');
      // enterprise: c alone, gone after 55 days: S(55) = 0, so the median and both band edges are 55.
      // smb: b gone after 36 days of 3 at risk (a, d censored): S = 2/3, V = 1/6,
      //   σ = 0.408248 / 0.405465 = 1.006864 → band 0.054073 … 0.945206; the median is not reached.
      // no segment: e, censored: no event, an empty curve.
      expect(report.curves.map((curve) => [curve.segment, curve.customers])).toEqual([
        ['enterprise', 1],
        ['smb', 3],
        [null, 1],
      ]);
      expect(report.curves[0]).toMatchObject({
        median_days: 55,
        median_lower_days: 55,
        median_upper_days: 55,
      });
      expect(roundedPoints(report.curves[0])).toEqual([
        { days: 55, at_risk: 1, events: 1, survival: 0, lower_95: 0, upper_95: 0 },
      ]);
      expect(report.curves[1]).toMatchObject({
        events: 1,
        censored: 2,
        median_days: null,
        median_lower_days: 36,
        median_upper_days: null,
      });
      expect(roundedPoints(report.curves[1])).toEqual([
        {
          days: 36,
          at_risk: 3,
          events: 1,
          survival: 0.666667,
          lower_95: 0.054073,
          upper_95: 0.945206,
        },
      ]);
      expect(report.curves[2]).toMatchObject({ events: 0, censored: 1, points: [] });
    });
  });

  it('picks customers by acquisition date to the day, not floored to a period', async () => {
    await withTempStore(async (store) => {
      await seedRetentionFixture(store);
      // Acquired on 10 and 20 January: b and c; a (5 January) and the February cohort are outside.
      const report = await survivalFor(store, { from: '2024-01-10', to: '2024-01-21' });
      expect(report.curves[0]).toMatchObject({ customers: 2, events: 2, median_days: 36 });
    });
  });

  it('refuses a range that ends before it starts, even inside one year', async () => {
    await withTempStore(async (store) => {
      await expect(
        survivalFor(store, { from: '2024-03-01', to: '2024-02-01' }),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: '--from 2024-03-01 is not before --to 2024-02-01.',
        hint: '--to is exclusive: give a --to after --from.',
      });
    });
  });
});
