/**
 * Brings a store to the schema this build knows. Older files are migrated in
 * one transaction per version; a file written by a newer Retain is refused,
 * because guessing at a future schema could corrupt it.
 */
import { RetainError } from '../domain/errors.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import type { Store } from './store.js';

const VERSION_TABLE = 'schema_migrations';

/** The schema version of `store`; 0 for an empty database. */
export async function readSchemaVersion(store: Store): Promise<number> {
  const tables = await store.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1 AND table_schema = current_schema()`,
    [VERSION_TABLE],
  );
  if ((tables[0]?.n ?? 0) === 0) return 0;
  const rows = await store.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${VERSION_TABLE}`,
  );
  return rows[0]?.version ?? 0;
}

/** Applies every missing migration up to `targetVersion` (default: the latest). */
export async function migrate(store: Store, targetVersion = LATEST_SCHEMA_VERSION): Promise<void> {
  const current = await readSchemaVersion(store);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new RetainError(
      'STORE_TOO_NEW',
      `${store.location} has schema version ${current}, but this Retain knows versions up to ${LATEST_SCHEMA_VERSION}.`,
      { hint: 'It was written by a newer Retain: upgrade Retain to open it.' },
    );
  }
  if (current === 0) {
    await store.query(
      `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > targetVersion) continue;
    await store.transaction(async (tx) => {
      for (const statement of migration.statements) {
        await tx.query(statement.replaceAll('{json}', tx.dialect.jsonType));
      }
      await tx.query(
        `INSERT INTO ${VERSION_TABLE} (version, name, applied_at) VALUES ($1, $2, CAST(now() AS TIMESTAMP))`,
        [migration.version, migration.name],
      );
    });
  }
}
