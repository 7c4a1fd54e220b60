import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../../../test/helpers/temp-store.js';
import { RetainError } from '../../domain/errors.js';
import { openStore } from '../open-store.js';

describe('DuckDB store', () => {
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
