/**
 * The browser tests drive the production build that `retain serve` serves.
 * They build it first when web/dist is missing or older than any source of
 * the dashboard, so a test never runs against a stale bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '../../..');
const WEB_DIR = join(REPO_ROOT, 'web');

/** The built dashboard, as `withServer(…, { webRoot })` takes it. */
export const WEB_ROOT = join(WEB_DIR, 'dist');

export function ensureWebBuild(): void {
  const builtIndex = join(WEB_ROOT, 'index.html');
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSourceMs()) return;
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(
      `vite build web failed (exit ${build.status}):\n${build.stdout}${build.stderr}`,
    );
  }
}

function newestSourceMs(): number {
  const files = [
    join(WEB_DIR, 'index.html'),
    join(WEB_DIR, 'vite.config.ts'),
    ...listFiles(join(WEB_DIR, 'src')),
  ];
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
