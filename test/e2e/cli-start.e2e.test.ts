import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/temp-store.js';

const MAIN = join(import.meta.dirname, '../../src/cli/main.ts');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('retain start (what npm start runs)', () => {
  it('creates the demo company, prints the headline KPIs and serves the API with the demo login', async () => {
    await withTempDir(async (dir) => {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [
          '--import',
          import.meta.resolve('tsx'),
          MAIN,
          'start',
          '--db',
          join(dir, 'retain.duckdb'),
          '--port',
          String(port),
        ],
        {
          env: { ...process.env, CI: 'true', NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`start did not serve within 180 s:\n${stdout}`)),
            180_000,
          );
          child.stdout.on('data', () => {
            if (stdout.includes('Stop with Ctrl+C.')) {
              clearTimeout(timer);
              resolve();
            }
          });
          child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${stdout}`)));
        });
        expect(stdout).toContain('Customer churn rate');
        expect(stdout).toContain(`API docs:  http://127.0.0.1:${port}/api/docs`);
        expect(stdout).toContain('Demo login: admin@retain-demo.example / retain-demo-admin');
        const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: 'admin@retain-demo.example',
            password: 'retain-demo-admin',
          }),
        });
        expect(login.status).toBe(200);
      } finally {
        child.kill('SIGTERM');
      }
    });
  });
});
