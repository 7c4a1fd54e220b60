import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir, withTempDuckDb } from '../../../test/helpers/temp-store.js';
import { RetainError } from '../../domain/errors.js';
import { openStore } from '../open-store.js';

describe('DuckDB store', () => {
  it('returns plain values: exact decimals, ISO timestamps, dates and numbers', async () => {
    await withTempDuckDb(async (store) => {
      const [row] = await store.query(
        `SELECT CAST('49.90' AS DECIMAL(18, 4)) AS money, TIMESTAMP '2024-02-29 10:11:12.5' AS at,
                DATE '2024-02-29' AS day, count(*) AS n, CAST(1.5 AS DOUBLE) AS ratio, NULL AS nothing, $1 AS param`,
        ['x'],
      );
      expect(row).toEqual({
        money: '49.9',
        at: '2024-02-29T10:11:12.5Z',
        day: '2024-02-29',
        n: 1,
        ratio: 1.5,
        nothing: null,
        param: 'x',
      });
    });
  });

  it('rolls back every write of a transaction that throws', async () => {
    await withTempDuckDb(async (store) => {
      await expect(
        store.transaction(async (tx) => {
          await tx.query(`INSERT INTO reps (id, name) VALUES ('r1', 'Ann')`);
          throw new Error('half-way');
        }),
      ).rejects.toThrow('half-way');
      expect(await store.query(`SELECT count(*) AS n FROM reps`)).toEqual([{ n: 0 }]);
    });
  });

  it('names the SQL, never the parameter values, when a statement fails', async () => {
    await withTempDuckDb(async (store) => {
      const error = await store
        .query(`SELECT * FROM no_such_table WHERE id = $1`, ['secret-customer'])
        .catch((caught: unknown) => caught);
      expect(String(error)).toContain('in SQL (1 parameters): SELECT * FROM no_such_table');
      expect(String(error)).not.toContain('secret-customer');
    });
  });

  it('says in one line who holds the file when another process has it open', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'busy.duckdb');
      await (await openStore(path)).close();
      const holder = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { DuckDBInstance } from '@duckdb/node-api'; await DuckDBInstance.create(${JSON.stringify(path)}); console.log('ready'); setInterval(() => {}, 1000);`,
        ],
        { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('holder did not start in 20 s')), 20_000);
          holder.stdout.on('data', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        const error = await openStore(path).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(RetainError);
        expect(error).toMatchObject({
          code: 'STORE_LOCKED',
          message: `${path} is in use by another process (PID ${holder.pid}); DuckDB lets one process open a file at a time.`,
          hint: 'Stop that process (often `retain serve`) and retry, use the HTTP API it serves, or use a PostgreSQL store (--db postgres://…) for shared access.',
        });
      } finally {
        holder.kill();
      }
    });
  });
});
