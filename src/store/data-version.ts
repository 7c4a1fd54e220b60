/**
 * The data version: a counter in the settings table that every write to the
 * canonical tables bumps in its own transaction. Readers that cache derived
 * tables compare it to decide whether their cache is still the data's.
 */
import type { Store } from './store.js';

export async function bumpDataVersion(store: Store): Promise<void> {
  await store.query(
    `UPDATE settings SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) WHERE key = 'data_version'`,
  );
}

export async function readDataVersion(store: Store): Promise<string> {
  const [row] = await store.query<{ value: string }>(
    `SELECT value FROM settings WHERE key = 'data_version'`,
  );
  return row?.value ?? '0';
}

/**
 * `readDataVersion` for many concurrent callers: those who ask while a read
 * is in flight share it, so fifty simultaneous requests cost one query, not
 * fifty queued on one DuckDB connection. A caller never gets an answer read
 * before it asked by more than that one query's duration.
 */
export function createDataVersionReader(store: Store): () => Promise<string> {
  let inFlight: Promise<string> | undefined;
  return () => {
    inFlight ??= readDataVersion(store).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
