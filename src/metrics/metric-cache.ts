/**
 * Derived tables (segments, customer facts, customer-periods, …) kept on the
 * store's connection between requests, so asking again (a dashboard refresh,
 * a benchmark's warm runs) pays only for the aggregates. Valid while the
 * data version and the workspace settings are unchanged: every canonical
 * write bumps the data version, and a DuckDB file has no writer but this
 * process. The owner (the runtime) creates one per store; nothing is global.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';

/** Period-dependent table sets kept at once; the oldest is dropped beyond this. */
const MAX_PERIOD_SETS = 6;

export type MetricCache = {
  readonly id: string;
  key: string | undefined;
  /** Table → its creation, shared by every session using the cache. */
  readonly pending: Map<string, Promise<void>>;
  /** Period key → the tables built for it, oldest first. */
  readonly periodTables: Map<string, string[]>;
};

export function createMetricCache(): MetricCache {
  return {
    id: createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 8),
    key: undefined,
    pending: new Map(),
    periodTables: new Map(),
  };
}

/** Empties the cache when what its tables were derived from has changed. */
export async function validateMetricCache(
  cache: MetricCache,
  store: Store,
  key: string,
): Promise<void> {
  if (cache.key === key) return;
  await dropTables(store, [...cache.pending.keys()]);
  cache.pending.clear();
  cache.periodTables.clear();
  cache.key = key;
}

/**
 * Drops every table after a failed request, so the next one rebuilds them;
 * if even that fails (the connection is gone), forgets them.
 */
export async function resetMetricCache(cache: MetricCache, store: Store): Promise<void> {
  const tables = [...cache.pending.keys()];
  cache.pending.clear();
  cache.periodTables.clear();
  cache.key = undefined;
  await dropTables(store, tables).catch(() => undefined);
}

/** A short stable name for a set of periods (and the as-of instant they are clamped to). */
export function toPeriodKey(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 10);
}

export function rememberPeriodTable(cache: MetricCache, periodKey: string, table: string): void {
  const tables = cache.periodTables.get(periodKey) ?? [];
  cache.periodTables.delete(periodKey);
  cache.periodTables.set(periodKey, [...tables, table]);
}

/** Drops the oldest period sets beyond the limit, never the ones in `keep`. */
export async function evictPeriodTables(
  cache: MetricCache,
  store: Store,
  keep: ReadonlySet<string>,
): Promise<void> {
  for (const [periodKey, tables] of cache.periodTables) {
    if (cache.periodTables.size <= MAX_PERIOD_SETS) break;
    if (keep.has(periodKey)) continue;
    await dropTables(store, tables);
    for (const table of tables) cache.pending.delete(table);
    cache.periodTables.delete(periodKey);
  }
}

async function dropTables(store: Store, tables: readonly string[]): Promise<void> {
  for (const table of tables) await store.query(`DROP TABLE IF EXISTS ${table}`);
}
