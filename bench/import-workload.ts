/**
 * Importing a one-million-row orders CSV (seeded, written once) into a fresh
 * store, and re-importing it (every row unchanged).
 */
import { createWriteStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createRandom } from '../src/domain/random.js';
import { findEntity } from '../src/domain/entities/index.js';
import { importFiles } from '../src/ingest/import-files.js';
import { openStore } from '../src/store/open-store.js';
import { openCacheDir, timeOnce, type Measurement } from './bench-kit.js';

const ORDERS = 1_000_000;
const CUSTOMERS = 50_000;

async function writeOrdersCsv(dir: string): Promise<{ customers: string; orders: string }> {
  const customers = join(dir, 'bench-customers.csv');
  const orders = join(dir, 'bench-orders.csv');
  if (existsSync(customers) && existsSync(orders)) return { customers, orders };
  const random = createRandom(7);
  const customerOut = createWriteStream(customers);
  customerOut.write('id,created_at,segment\n');
  for (let index = 0; index < CUSTOMERS; index += 1)
    customerOut.write(`c${index},2024-01-01,${index % 3 === 0 ? 'smb' : 'mid_market'}\n`);
  customerOut.end();
  await finished(customerOut);
  const out = createWriteStream(orders);
  out.write('id,customer_id,ordered_at,amount,currency\n');
  let chunk = '';
  for (let index = 0; index < ORDERS; index += 1) {
    const day = 1 + random.int(0, 27);
    const month = 1 + random.int(0, 11);
    const cents = random.int(500, 500_000);
    chunk += `o${index},c${random.int(0, CUSTOMERS - 1)},2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(random.int(0, 23)).padStart(2, '0')}:15:00Z,${(cents / 100).toFixed(2)},USD\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  return { customers, orders };
}

export async function runImportWorkload(): Promise<Measurement[]> {
  const dir = await openCacheDir();
  const files = await writeOrdersCsv(dir);
  const path = join(dir, 'bench-import.duckdb');
  await rm(path, { force: true });
  const store = await openStore(path);
  const customers = findEntity('customers');
  const orders = findEntity('orders');
  if (!customers || !orders) throw new Error('entities missing');
  try {
    await importFiles(store, { inputs: [{ entity: customers, file: files.customers }] });
    const first = await timeOnce(() =>
      importFiles(store, { inputs: [{ entity: orders, file: files.orders }] }),
    );
    const again = await timeOnce(() =>
      importFiles(store, { inputs: [{ entity: orders, file: files.orders }] }),
    );
    const n = `${ORDERS.toLocaleString('en-US')} rows`;
    return [
      {
        workload: 'import orders CSV (new rows)',
        n,
        seconds: first,
        note: `${Math.round(ORDERS / first).toLocaleString('en-US')} rows/s`,
      },
      {
        workload: 're-import the same CSV (unchanged)',
        n,
        seconds: again,
        note: `${Math.round(ORDERS / again).toLocaleString('en-US')} rows/s`,
      },
    ];
  } finally {
    await store.close();
    await rm(path, { force: true });
  }
}
