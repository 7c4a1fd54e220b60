/**
 * Chooses the store from `--db`/RETAIN_DB: a file path is DuckDB, a
 * postgres:// URL is PostgreSQL. Every store is migrated on open.
 */
import { openDuckDbStore } from './duckdb/duckdb-store.js';
import { migrate } from './migrate.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import type { Store } from './store.js';

/** Connects to the store at `location` without touching its schema. */
export async function connectStore(location: string): Promise<Store> {
  return /^postgres(ql)?:\/\//i.test(location)
    ? openPostgresStore(location)
    : openDuckDbStore(location);
}

/** Connects and brings the schema to this build's version (see migrate.ts). */
export async function openStore(location: string): Promise<Store> {
  const store = await connectStore(location);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
