import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../test/helpers/temp-store.js';
import { ENTITIES } from '../domain/entities/index.js';
import { RetainError } from '../domain/errors.js';
import { openDuckDbStore } from './duckdb/duckdb-store.js';
import { migrate, readSchemaVersion } from './migrate.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';
import { openStore } from './open-store.js';

describe('migrate', () => {
  it('creates every canonical table, with the column types the entity definitions promise', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore(join(dir, 'retain.duckdb'));
      try {
        expect(await readSchemaVersion(store)).toBe(LATEST_SCHEMA_VERSION);
        for (const entity of ENTITIES) {
          const columns = await store.query<{ column_name: string; data_type: string }>(
            `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
            [entity.name],
          );
          // Column order matters too: the demo loader appends rows in entity order.
          expect(columns.map((column) => column.column_name)).toEqual([
            ...entity.columns,
            'attributes',
          ]);
          for (const column of entity.columns) {
            const field = entity.fields[column];
            if (!field) throw new Error(`no field ${column}`);
            const actual = columns.find((candidate) => candidate.column_name === column)?.data_type;
            const expected = store.dialect
              .columnType(field)
              .replace('TEXT', 'VARCHAR')
              .replace(', ', ',');
            expect(`${entity.name}.${column} ${actual}`).toBe(
              `${entity.name}.${column} ${expected}`,
            );
          }
        }
        // Money is exact: no column holds binary floating point.
        const floats = await store.query(
          `SELECT table_name, column_name FROM information_schema.columns WHERE data_type IN ('DOUBLE', 'FLOAT', 'REAL')`,
        );
        expect(floats).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });

  it('migrates a file written at schema version 1 and keeps its data', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'old.duckdb');
      const old = await openDuckDbStore(path);
      await migrate(old, 1);
      await old.query(
        `INSERT INTO customers (id, created_at) VALUES ('c1', TIMESTAMP '2024-01-01')`,
      );
      expect(await readSchemaVersion(old)).toBe(1);
      await old.close();

      const store = await openStore(path);
      try {
        expect(await readSchemaVersion(store)).toBe(LATEST_SCHEMA_VERSION);
        expect(await store.query(`SELECT id, created_at FROM customers`)).toEqual([
          { id: 'c1', created_at: '2024-01-01T00:00:00Z' },
        ]);
        expect(await store.query(`SELECT count(*) AS n FROM import_runs`)).toEqual([{ n: 0 }]);
        expect(
          await store.query(`SELECT version, name FROM schema_migrations ORDER BY version`),
        ).toEqual([
          { version: 1, name: 'canonical entities' },
          { version: 2, name: 'import runs' },
          { version: 3, name: 'data version' },
        ]);
        expect(await store.query(`SELECT value FROM settings WHERE key = 'data_version'`)).toEqual([
          { value: '0' },
        ]);
      } finally {
        await store.close();
      }
    });
  });

  it('refuses a file written by a newer Retain, naming both versions', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'new.duckdb');
      const store = await openStore(path);
      await store.query(
        `INSERT INTO schema_migrations VALUES (99, 'from the future', TIMESTAMP '2030-01-01')`,
      );
      await store.close();

      const error = await openStore(path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RetainError);
      expect(error).toMatchObject({
        code: 'STORE_TOO_NEW',
        message: `${path} has schema version 99, but this Retain knows versions up to ${LATEST_SCHEMA_VERSION}.`,
        hint: 'It was written by a newer Retain: upgrade Retain to open it.',
      });
    });
  });
});
