/**
 * The CDNOW data set of Fader, Hardie & Lee (2005), as shipped in
 * shared/datasets/cdnow (see its README): paths, and the 1/10 sample's
 * transactions loaded as `orders` (customer = sample id 1 … 2357, one order
 * per transaction line, so same-day purchases are still separate orders).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../src/store/store.js';
import { insertRows } from './seed-store.js';

export const CDNOW_DIR = join(import.meta.dirname, '../../../shared/datasets/cdnow');
export const CDNOW_SUMMARY = join(CDNOW_DIR, 'cdnow_customers_summary.csv');
export const CDNOW_SUMMARY_WITH_SPEND = join(
  CDNOW_DIR,
  'cdnow_customers_summary_with_transactions.csv',
);
/** The 39-week calibration ends on 1997-09-30; the holdout runs to 1998-06-30. */
export const CDNOW_CALIBRATION_END = '1997-09-30';
export const CDNOW_HOLDOUT_END = '1998-06-30';

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Inserts the 6,919 transactions of CDNOW_sample.txt into `orders`. */
export async function loadCdnowSampleOrders(store: Store): Promise<void> {
  const lines = readText(join(CDNOW_DIR, 'CDNOW_sample.txt'))
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  await insertRows(
    store,
    'orders',
    lines.map((line, index) => {
      const [, sampleId = '', date = '', , dollars = ''] = line.trim().split(/\s+/);
      return {
        id: `o${index + 1}`,
        customer_id: sampleId.replace(/^0+/, ''),
        ordered_at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
        amount: dollars,
        currency: 'USD',
      };
    }),
  );
}
