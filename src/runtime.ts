/**
 * The composition root: configuration in, an open store out. The CLI and the
 * HTTP app are its only callers; nothing else opens stores.
 */
import type { Config } from './config/config.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

export type Runtime = {
  readonly config: Config;
  readonly store: Store;
  close(): Promise<void>;
};

export async function openRuntime(config: Config): Promise<Runtime> {
  const store = await openStore(config.db);
  return { config, store, close: () => store.close() };
}
