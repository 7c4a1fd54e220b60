/**
 * Real DuckDB files in a fresh temporary folder, always cleaned up: the
 * tests' way of getting a store (DuckDB's own `withConnection` habit).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'retain-test-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens a migrated store on a new DuckDB file in `dir`. */
export async function withTempDuckDb<T>(
  work: (store: Store, dir: string) => Promise<T>,
): Promise<T> {
  return withTempDir(async (dir) => {
    const store = await openStore(join(dir, 'retain.duckdb'));
    try {
      return await work(store, dir);
    } finally {
      await store.close();
    }
  });
}

/** Writes `content` to `dir/name` and returns the path. */
export async function writeFixture(
  dir: string,
  name: string,
  content: string | Buffer,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
