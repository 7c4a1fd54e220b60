import { describe, expect, it } from 'vitest';
import { withTempStore } from '../../test/helpers/temp-store.js';

// One behaviour, every engine: this suite runs in both the duckdb and the postgres project.
describe('the store', () => {
  it('returns plain values: exact decimals, ISO timestamps, dates and numbers', async () => {
    await withTempStore(async (store) => {
      const [row] = await store.query(
        `SELECT CAST('49.90' AS DECIMAL(18, 4)) AS money, TIMESTAMP '2024-02-29 10:11:12.5' AS at,
                DATE '2024-02-29' AS day, count(*) AS n, CAST(1.5 AS DOUBLE PRECISION) AS ratio,
                CAST(NULL AS TEXT) AS nothing, CAST($1 AS TEXT) AS param`,
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
    await withTempStore(async (store) => {
      await expect(
        store.transaction(async (tx) => {
          await tx.query(`INSERT INTO reps (id, name) VALUES ('r1', 'Ann')`);
          throw new Error('half-way');
        }),
      ).rejects.toThrow('half-way');
      expect(await store.query(`SELECT count(*) AS n FROM reps`)).toEqual([{ n: 0 }]);
    });
  });

  it('holds one connection without a transaction: temp tables stay visible, writes commit one by one, and a transaction inside still rolls back', async () => {
    await withTempStore(async (store) => {
      await expect(
        store.withConnection(async (held) => {
          await held.query(`CREATE TEMPORARY TABLE scratch AS SELECT 1 AS n`);
          await held.query(`INSERT INTO reps (id, name) VALUES ('r1', 'Ann')`);
          await expect(
            held.transaction(async (tx) => {
              await tx.query(`INSERT INTO reps (id, name) VALUES ('r2', 'Bob')`);
              throw new Error('inner');
            }),
          ).rejects.toThrow('inner');
          // The failed inner transaction left the connection usable, with its temp table.
          expect(await held.query(`SELECT n FROM scratch`)).toEqual([{ n: 1 }]);
          await held.query(`DROP TABLE scratch`);
          throw new Error('after the writes');
        }),
      ).rejects.toThrow('after the writes');
      expect(await store.query(`SELECT id FROM reps ORDER BY id`)).toEqual([{ id: 'r1' }]);
    });
  });

  it('continues the transaction it is called in', async () => {
    await withTempStore(async (store) => {
      await expect(
        store.transaction(async (tx) => {
          await tx.withConnection((held) =>
            held.query(`INSERT INTO reps (id, name) VALUES ('r1', 'Ann')`),
          );
          throw new Error('roll it all back');
        }),
      ).rejects.toThrow('roll it all back');
      expect(await store.query(`SELECT count(*) AS n FROM reps`)).toEqual([{ n: 0 }]);
    });
  });

  it('bulk-appends text, keeping an empty string apart from null and quotes intact', async () => {
    await withTempStore(async (store) => {
      await store.transaction(async (tx) => {
        await tx.query(`CREATE TEMPORARY TABLE staged (a TEXT, b TEXT, c TIMESTAMP)`);
        await tx.appendRows(
          'temp.staged',
          ['a', 'b', 'c'],
          [
            ['', null, '2024-01-02 03:04:05'],
            ['say "hi", ok\nnext line', '\\N', null],
          ],
        );
        expect(await tx.query(`SELECT a, b, c FROM staged ORDER BY c`)).toEqual([
          { a: '', b: null, c: '2024-01-02T03:04:05Z' },
          { a: 'say "hi", ok\nnext line', b: '\\N', c: null },
        ]);
      });
    });
  });

  it('names the SQL, never the parameter values, when a statement fails', async () => {
    await withTempStore(async (store) => {
      const error = await store
        .query(`SELECT * FROM no_such_table WHERE id = $1`, ['secret-customer'])
        .catch((caught: unknown) => caught);
      expect(String(error)).toContain('in SQL (1 parameters): SELECT * FROM no_such_table');
      expect(String(error)).not.toContain('secret-customer');
    });
  });
});
