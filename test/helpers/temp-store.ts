/**
 * Real stores for tests, always cleaned up: a new DuckDB file in a temporary
 * folder, or (when the run targets PostgreSQL) a new schema in the test
 * database. `withTempStore` picks by RETAIN_TEST_STORE, so one suite runs on
 * both engines (vitest.config.ts defines the two projects).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
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

/** The engine this test run targets: `postgres` when RETAIN_TEST_STORE says so. */
export function testStoreKind(): 'duckdb' | 'postgres' {
  return process.env.RETAIN_TEST_STORE === 'postgres' ? 'postgres' : 'duckdb';
}

/** Opens a migrated store of the targeted engine, empty, and removes it afterwards. */
export async function withTempStore<T>(
  work: (store: Store, dir: string) => Promise<T>,
): Promise<T> {
  return testStoreKind() === 'postgres' ? withTempPostgres(work) : withTempDuckDb(work);
}

/** A fresh schema in the database of RETAIN_TEST_PG_URL, dropped afterwards. */
export async function withTempPostgres<T>(
  work: (store: Store, dir: string) => Promise<T>,
): Promise<T> {
  const url = process.env.RETAIN_TEST_PG_URL;
  if (!url) throw new Error('RETAIN_TEST_PG_URL is not set: the PostgreSQL tests need a server');
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    return await withTempDir(async (dir) => {
      const store = await openStore(scoped.toString());
      try {
        return await work(store, dir);
      } finally {
        await store.close();
      }
    });
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
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
