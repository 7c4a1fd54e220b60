import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { testStoreKind, withTempDir, withTempStore } from '../../test/helpers/temp-store.js';
import { ENTITIES } from '../domain/entities/index.js';
import { RetainError } from '../domain/errors.js';
import { migrate, readSchemaVersion } from './migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import { connectStore, openStore } from './open-store.js';
import type { Store } from './store.js';

/** Each engine names types its own way in its catalogue; this maps ours to its spelling. */
function catalogueType(type: string): string {
  if (testStoreKind() === 'duckdb') return type.replace('TEXT', 'VARCHAR').replace(', ', ',');
  const decimal = /^DECIMAL\((\d+), (\d+)\)$/.exec(type);
  if (decimal) return `numeric(${decimal[1]},${decimal[2]})`;
  return (
    {
      TEXT: 'text',
      INTEGER: 'integer',
      TIMESTAMP: 'timestamp without time zone',
      DATE: 'date',
      BOOLEAN: 'boolean',
    }[type] ?? type
  );
}

async function columnsOf(store: Store, table: string): Promise<{ name: string; type: string }[]> {
  return testStoreKind() === 'duckdb'
    ? store.query<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns
         WHERE table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
    : store.query<{ name: string; type: string }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
         FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attnum`,
        [table],
      );
}

describe('migrate', () => {
  it('creates every canonical table, with the column types the entity definitions promise', async () => {
    await withTempStore(async (store) => {
      expect(await readSchemaVersion(store)).toBe(LATEST_SCHEMA_VERSION);
      for (const entity of ENTITIES) {
        const columns = await columnsOf(store, entity.name);
        // Column order matters too: the demo loader appends rows in entity order.
        expect(columns.map((column) => column.name)).toEqual([...entity.columns, 'attributes']);
        for (const column of entity.columns) {
          const field = entity.fields[column];
          if (!field) throw new Error(`no field ${column}`);
          const actual = columns.find((candidate) => candidate.name === column)?.type;
          expect(`${entity.name}.${column} ${actual}`).toBe(
            `${entity.name}.${column} ${catalogueType(store.dialect.columnType(field))}`,
          );
        }
      }
      // Money is exact: no canonical column holds binary floating point.
      for (const entity of ENTITIES) {
        const types = (await columnsOf(store, entity.name)).map((column) =>
          column.type.toLowerCase(),
        );
        expect(types.filter((type) => /double|float|real/.test(type))).toEqual([]);
      }
    });
  });

  it('migrates a store written at schema version 1 and keeps its data', async () => {
    const writeVersionOne = async (store: Store) => {
      await migrate(store, 1);
      await store.query(
        `INSERT INTO customers (id, created_at) VALUES ('c1', TIMESTAMP '2024-01-01')`,
      );
      expect(await readSchemaVersion(store)).toBe(1);
    };
    if (testStoreKind() === 'duckdb') {
      await withTempDir(async (dir) => {
        const path = join(dir, 'old.duckdb');
        const old = await connectStore(path);
        await writeVersionOne(old);
        await old.close();
        const store = await openStore(path);
        try {
          await expectMigratedFromOne(store);
        } finally {
          await store.close();
        }
      });
      return;
    }
    await withTempStore(async (store) => {
      // A fresh schema, emptied back to nothing, then written as version 1 left it.
      const tables = await store.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      await store.query(`DROP TABLE ${tables.map((table) => table.name).join(', ')}`);
      await writeVersionOne(store);
      await migrate(store);
      await expectMigratedFromOne(store);
    });
  });

  it('refuses a store written by a newer Retain, naming both versions', async () => {
    await withTempStore(async (store) => {
      await store.query(
        `INSERT INTO schema_migrations VALUES (99, 'from the future', TIMESTAMP '2030-01-01')`,
      );
      const error = await migrate(store).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RetainError);
      expect(error).toMatchObject({
        code: 'STORE_TOO_NEW',
        message: `${store.location} has schema version 99, but this Retain knows versions up to ${LATEST_SCHEMA_VERSION}.`,
        hint: 'It was written by a newer Retain: upgrade Retain to open it.',
      });
    });
  });
});

async function expectMigratedFromOne(store: Store): Promise<void> {
  expect(await readSchemaVersion(store)).toBe(LATEST_SCHEMA_VERSION);
  expect(await store.query(`SELECT id, created_at FROM customers`)).toEqual([
    { id: 'c1', created_at: '2024-01-01T00:00:00Z' },
  ]);
  expect(await store.query(`SELECT count(*) AS n FROM import_runs`)).toEqual([{ n: 0 }]);
  const applied = await store.query<{ version: number }>(
    `SELECT version FROM schema_migrations ORDER BY version`,
  );
  expect(applied.map((row) => row.version)).toEqual(
    MIGRATIONS.map((migration) => migration.version),
  );
  expect(await store.query(`SELECT value FROM settings WHERE key = 'data_version'`)).toEqual([
    { value: '0' },
  ]);
}
