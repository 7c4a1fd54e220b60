import { describe, expect, it } from 'vitest';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  CDNOW_SUMMARY_WITH_SPEND,
  loadCdnowSampleOrders,
  readText,
} from '../../../test/helpers/cdnow.js';
import { insertRows } from '../../../test/helpers/seed-store.js';
import { withTempDuckDb } from '../../../test/helpers/temp-store.js';
import { parseSummaryCsv } from './parse-summary-csv.js';
import { readSummaryFromOrders } from './summary-from-orders.js';

describe('readSummaryFromOrders', () => {
  it('rebuilds the CDNOW summary from CDNOW_sample.txt: 2,357 customers, 946 with x > 0, Σx = 2,457, max x 29, 1,882 holdout purchases (dataset README)', async () => {
    await withTempDuckDb(async (store) => {
      await loadCdnowSampleOrders(store);
      const summary = await readSummaryFromOrders(store, {
        calibrationEnd: CDNOW_CALIBRATION_END,
        holdoutEnd: CDNOW_HOLDOUT_END,
        unit: 'weeks',
      });
      const x = Array.from(summary.frequency);
      expect(x).toHaveLength(2357);
      expect(x.filter((value) => value > 0)).toHaveLength(946);
      expect(x.reduce((sum, value) => sum + value, 0)).toBe(2457);
      expect(Math.max(...x)).toBe(29);
      const holdout = Array.from(summary.holdout?.frequency ?? []);
      expect(holdout.reduce((sum, value) => sum + value, 0)).toBe(1882);
      // 334 of the holdout purchases come from the 1,411 customers with x = 0.
      expect(holdout.filter((_, i) => x[i] === 0).reduce((sum, value) => sum + value, 0)).toBe(334);
      expect(summary.holdout?.duration).toBe(39);

      // Against the published file: x exactly, t_x and T within their 2-decimal rounding, zbar within 0.005 (plus float noise).
      const published = parseSummaryCsv(readText(CDNOW_SUMMARY_WITH_SPEND), 'cdnow.csv');
      if (!published.ok) throw new Error('the CDNOW summary should parse');
      const byId = new Map(published.value.customerIds.map((id, i) => [id, i]));
      summary.customerIds.forEach((id, i) => {
        const j = byId.get(id) ?? -1;
        expect(summary.frequency[i]).toBe(published.value.frequency[j]);
        expect(
          Math.abs((summary.recency[i] ?? 0) - (published.value.recency[j] ?? 0)),
        ).toBeLessThanOrEqual(0.0043);
        expect(Math.abs((summary.T[i] ?? 0) - (published.value.T[j] ?? 0))).toBeLessThanOrEqual(
          0.0043,
        );
        expect(
          Math.abs((summary.monetaryValue?.[i] ?? 0) - (published.value.monetaryValue?.[j] ?? 0)),
        ).toBeLessThanOrEqual(0.005 + 1e-9);
      });
    });
  });

  it('merges same-day orders into one purchase and counts in days by default up to the last order', async () => {
    await withTempDuckDb(async (store) => {
      // c1: first day 1 Jan (two orders, 10 + 5), repeat days 3 Jan (20) and 11 Jan (two orders, 30 + 10).
      await insertRows(store, 'orders', [
        { id: 'a', customer_id: 'c1', ordered_at: '2024-01-01T09:00:00Z', amount: '10' },
        { id: 'b', customer_id: 'c1', ordered_at: '2024-01-01T17:00:00Z', amount: '5' },
        { id: 'c', customer_id: 'c1', ordered_at: '2024-01-03', amount: '20' },
        { id: 'd', customer_id: 'c1', ordered_at: '2024-01-11T08:00:00Z', amount: '30' },
        { id: 'e', customer_id: 'c1', ordered_at: '2024-01-11T20:00:00Z', amount: '10' },
        { id: 'f', customer_id: 'c2', ordered_at: '2024-01-05', amount: '7' },
        // c2's refund on 8 Jan names no purchase: no repeat purchase, nothing spent.
        { id: 'g', customer_id: 'c2', ordered_at: '2024-01-08', amount: '-7' },
        // c3 only ever had a credit: never a customer.
        { id: 'h', customer_id: 'c3', ordered_at: '2024-01-09', amount: '-5' },
      ]);
      const summary = await readSummaryFromOrders(store, { unit: 'days' });
      expect(summary.calibrationEnd).toBe('2024-01-11');
      expect(summary.customerIds).toEqual(['c1', 'c2']);
      expect(Array.from(summary.frequency)).toEqual([2, 0]);
      expect(Array.from(summary.recency)).toEqual([10, 0]);
      expect(Array.from(summary.T)).toEqual([10, 6]);
      // Repeat purchases 20 and 40 (the merged 11 Jan): mean 30; the first purchase is left out.
      expect(Array.from(summary.monetaryValue ?? [])).toEqual([30, 0]);
      expect(summary.holdout).toBeUndefined();
    });
  });

  it('refuses orders in two currencies rather than average them', async () => {
    await withTempDuckDb(async (store) => {
      await insertRows(store, 'orders', [
        { id: 'a', customer_id: 'c1', ordered_at: '2024-01-01', amount: '10', currency: 'EUR' },
        { id: 'b', customer_id: 'c1', ordered_at: '2024-01-03', amount: '20' },
      ]);
      await expect(readSummaryFromOrders(store, { unit: 'days' })).rejects.toThrow(
        'Orders are in EUR, USD; the CLV summary averages amounts in one currency.',
      );
    });
  });
});
