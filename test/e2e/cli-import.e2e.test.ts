import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir, writeFixture } from '../helpers/temp-store.js';

const CANONICAL = join(import.meta.dirname, '../fixtures/canonical');

describe('retain import (end to end)', () => {
  it('imports a folder of canonical files, then reports a re-import as unchanged', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      const first = await runCli(['import', 'auto', CANONICAL, '--db', db, '--format', 'json']);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const summary = JSON.parse(first.stdout) as {
        committed: boolean;
        counts: { entity: string; inserted: number }[];
      };
      expect(summary.committed).toBe(true);
      expect(summary.counts.find((count) => count.entity === 'customers')).toMatchObject({
        inserted: 2,
      });

      const again = await runCli(['import', 'auto', CANONICAL, '--db', db, '--format', 'csv']);
      expect(again.status).toBe(0);
      expect(again.stdout.split('\n')[0]).toBe('entity,inserted,updated,unchanged,rejected');
      expect(again.stdout).toContain('customers,0,0,2,0');

      const history = await runCli(['import', '--history', '--db', db, '--format', 'json']);
      expect((JSON.parse(history.stdout) as unknown[]).length).toBe(2);
    });
  });

  it('prints the line and the reason of a malformed row, exits 1 and changes nothing', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      await runCli(['import', 'reps', join(CANONICAL, 'reps.csv'), '--db', db]);
      const file = await writeFixture(
        dir,
        'customers.csv',
        'id,created_at,segment\nc1,2024-01-01,smb\nc2,2024-02-30,smb\n',
      );
      const result = await runCli(['import', 'customers', file, '--db', db, '--format', 'table']);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(
        'entity     inserted  updated  unchanged  rejected\ncustomers         1        0          0         1\n',
      );
      expect(result.stderr).toBe(
        '1 row was rejected, so nothing was written: an import is all or nothing. The counts above are what it would have done.\n' +
          'Fix the rows and import again, or pass --keep-good-rows to write the valid ones.\n' +
          `  ${file}:3:created_at: "2024-02-30" is not a calendar date — use ISO-8601, e.g. 2025-08-01 or 2025-08-01T14:30:00Z (UTC unless an offset such as +02:00 is given)\n` +
          `Every rejected row, with its reason: ${join(dir, 'customers.rejects.csv')}\n`,
      );
      expect(await readFile(join(dir, 'customers.rejects.csv'), 'utf8')).toContain(
        `${file},3,created_at,2024-02-30,is not a calendar date`,
      );
      const check = await runCli([
        'import',
        'customers',
        join(CANONICAL, 'customers.csv'),
        '--db',
        db,
        '--format',
        'json',
      ]);
      // The bad file wrote nothing: the canonical customers arrive as new rows.
      expect(JSON.parse(check.stdout)).toMatchObject({
        counts: [{ entity: 'customers', inserted: 2, updated: 0 }],
      });
    });
  });

  it('exits 2 with a usable message on bad arguments', async () => {
    const unknown = await runCli(['import', 'widgets', 'x.csv']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('retain: "widgets" is not an entity Retain imports.');
    const missing = await runCli([
      'import',
      'customers',
      '/nonexistent/customers.csv',
      '--db',
      ':memory:',
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^retain: Cannot read \/nonexistent\/customers.csv: ENOENT/);
    const badOption = await runCli(['demo', '--customers', 'lots']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toContain('"lots" is not a whole number of 1 or more.');
  });
});
