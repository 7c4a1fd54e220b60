/** Building the demo company into a fresh DuckDB file at 2,000 and 100,000 customers (seed 1). */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDemoCompany } from '../src/ingest/demo/load-demo-company.js';
import { openStore } from '../src/store/open-store.js';
import { BENCH_AS_OF, openCacheDir, timeOnce, type Measurement } from './bench-kit.js';

export async function runDemoWorkload(customers: number): Promise<Measurement> {
  const path = join(await openCacheDir(), `bench-demo-${customers}.duckdb`);
  await rm(path, { force: true });
  const store = await openStore(path);
  try {
    const seconds = await timeOnce(() =>
      loadDemoCompany(store, { customers, seed: 1, asOf: BENCH_AS_OF }),
    );
    return {
      workload: 'retain demo into DuckDB',
      n: `${customers.toLocaleString('en-US')} customers`,
      seconds,
    };
  } finally {
    await store.close();
    await rm(path, { force: true });
  }
}
