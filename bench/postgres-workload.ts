/**
 * DuckDB against PostgreSQL on the same demo company (20,000 customers, seed
 * 1): loading it, importing its orders from a CSV export, and computing every
 * KPI for 24 months. Needs RETAIN_BENCH_PG_URL (a database it may fill; each
 * run works in a fresh schema).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findEntity } from '../src/domain/entities/index.js';
import { readEntityRows, writeRows } from '../src/export/export-rows.js';
import { loadDemoCompany } from '../src/ingest/demo/load-demo-company.js';
import { importFiles } from '../src/ingest/import-files.js';
import { computeMetrics } from '../src/metrics/compute-metrics.js';
import { parseMetricRequest } from '../src/metrics/parse-metric-request.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { BENCH_AS_OF, timeOnce, type Measurement } from './bench-kit.js';

const CUSTOMERS = 20_000;

export async function runPostgresWorkload(): Promise<Measurement[]> {
  const url = process.env.RETAIN_BENCH_PG_URL;
  if (!url) throw new Error('Set RETAIN_BENCH_PG_URL=postgres://… to compare with PostgreSQL.');
  const dir = await mkdtemp(join(tmpdir(), 'retain-bench-pg-'));
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  try {
    const duck = await openStore(join(dir, 'bench.duckdb'));
    const postgres = await openStore(scoped.toString());
    const measurements: Measurement[] = [];
    const n = `${CUSTOMERS.toLocaleString('en-US')} customers`;
    try {
      const orders = findEntity('orders');
      if (!orders) throw new Error('orders entity missing');
      for (const [name, store] of [
        ['DuckDB', duck],
        ['PostgreSQL', postgres],
      ] as const) {
        const load = await timeOnce(() =>
          loadDemoCompany(store, { customers: CUSTOMERS, seed: 1, asOf: BENCH_AS_OF }),
        );
        measurements.push({ workload: `${name}: load the demo company`, n, seconds: load });
      }
      const ordersCsv = join(dir, 'orders.csv');
      const count = await writeRows(await readEntityRows(duck, orders), 'csv', ordersCsv);
      for (const [name, store] of [
        ['DuckDB', duck],
        ['PostgreSQL', postgres],
      ] as const) {
        await store.query(`DELETE FROM orders`);
        const seconds = await timeOnce(() =>
          importFiles(store, { inputs: [{ entity: orders, file: ordersCsv }] }),
        );
        measurements.push({
          workload: `${name}: import the orders CSV`,
          n: `${count.toLocaleString('en-US')} orders`,
          seconds,
        });
      }
      for (const [name, store] of [
        ['DuckDB', duck],
        ['PostgreSQL', postgres],
      ] as const) {
        const seconds = await timeOnce(() => everyKpi(store));
        measurements.push({ workload: `${name}: every KPI, 24 months`, n, seconds });
      }
      return measurements;
    } finally {
      await duck.close();
      await postgres.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
}

async function everyKpi(store: Store): Promise<void> {
  await computeMetrics(
    store,
    await parseMetricRequest(store, { asOf: BENCH_AS_OF, from: '2024-12-01', to: '2026-12-01' }),
  );
}
