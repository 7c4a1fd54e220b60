import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { withTempDir } from '../helpers/temp-store.js';

async function hashFolder(folder: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(folder)).sort()) {
    hash.update(name);
    hash.update(await readFile(join(folder, name)));
  }
  return hash.digest('hex');
}

describe('retain demo (end to end)', () => {
  it('writes the same bytes for the same seed and date, and its files import with no reject', async () => {
    await withTempDir(async (dir) => {
      const args = ['demo', '--customers', '60', '--seed', '7', '--as-of', '2026-11-23'];
      expect((await runCli([...args, '--out', join(dir, 'a')])).status).toBe(0);
      expect((await runCli([...args, '--out', join(dir, 'b')])).status).toBe(0);
      expect(await hashFolder(join(dir, 'a'))).toBe(await hashFolder(join(dir, 'b')));
      const other = await runCli([
        'demo',
        '--customers',
        '60',
        '--seed',
        '8',
        '--as-of',
        '2026-11-23',
        '--out',
        join(dir, 'c'),
      ]);
      expect(other.status).toBe(0);
      expect(await hashFolder(join(dir, 'c'))).not.toBe(await hashFolder(join(dir, 'a')));

      const imported = await runCli([
        'import',
        'auto',
        join(dir, 'a'),
        '--db',
        join(dir, 'retain.duckdb'),
        '--format',
        'json',
      ]);
      expect(imported.stderr).toBe('');
      expect(imported.status).toBe(0);
      const summary = JSON.parse(imported.stdout) as {
        rejectedRows: number;
        counts: { entity: string; inserted: number }[];
      };
      expect(summary.rejectedRows).toBe(0);
      expect(summary.counts.find((count) => count.entity === 'customers')?.inserted).toBe(60);
    });
  });

  it('loads into a store, refuses a second load without --replace, and start prints headline KPIs', async () => {
    await withTempDir(async (dir) => {
      const db = join(dir, 'retain.duckdb');
      const first = await runCli([
        'demo',
        '--customers',
        '40',
        '--as-of',
        '2026-11-23',
        '--db',
        db,
        '--format',
        'json',
      ]);
      expect(first.status).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ customers: 40 });
      const again = await runCli(['demo', '--customers', '40', '--db', db]);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/already holds \d+ rows of data/);
      const start = await runCli(['start', '--no-serve', '--db', db]);
      expect(start.status).toBe(0);
      expect(start.stdout).toContain('Customer churn rate');
      expect(start.stdout).toContain('MRR');
    });
  });
});
