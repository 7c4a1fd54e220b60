/**
 * The composition root: configuration in, an open store (and the caches that
 * belong to it) out. The CLI and the HTTP app are its only callers; nothing
 * else opens stores or holds state between requests.
 */
import type { Config } from './config/config.js';
import { createMetricCache, type MetricCache } from './metrics/metric-cache.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

export type Runtime = {
  readonly config: Config;
  readonly store: Store;
  /** Derived KPI tables kept between requests on this store (see metric-cache.ts). */
  readonly metricCache: MetricCache;
  /** The clock; tests pass a fixed one. */
  readonly now: () => Date;
  close(): Promise<void>;
};

export async function openRuntime(
  config: Config,
  now: () => Date = () => new Date(),
): Promise<Runtime> {
  const store = await openStore(config.db);
  return { config, store, metricCache: createMetricCache(), now, close: () => store.close() };
}
