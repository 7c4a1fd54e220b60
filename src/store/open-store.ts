/**
 * Chooses the store from `--db`/RETAIN_DB: a file path is DuckDB, a
 * postgres:// URL is PostgreSQL. Every store is migrated on open.
 */
import { RetainError } from '../domain/errors.js';
import { openDuckDbStore } from './duckdb/duckdb-store.js';
import { migrate } from './migrate.js';
import type { Store } from './store.js';

export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new RetainError(
      'STORE_UNAVAILABLE',
      'PostgreSQL stores are not available in this build yet.',
      {
        hint: 'Use a DuckDB file path for --db (the default is ./retain.duckdb).',
      },
    );
  }
  const store = await openDuckDbStore(location);
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
