/**
 * `retain serve`: the HTTP API and, when built, the dashboard, on one store.
 * Holds the DuckDB file while it runs (other commands can use the API).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../api/create-app.js';
import { openRuntime } from '../../runtime.js';
import { configOf, writeErr } from '../context.js';
import { parsePositiveInteger } from '../parse-options.js';

type ServeOptions = { port: number; host: string };

/** Where `npm run build` puts the dashboard, relative to this file in src/ or dist/. */
export function findWebRoot(): string | undefined {
  const candidate = join(import.meta.dirname, '../../../web/dist');
  return existsSync(join(candidate, 'index.html')) ? candidate : undefined;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (and the dashboard, once built) on this store')
    .option('--port <port>', 'TCP port', parsePositiveInteger, 3000)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (options: ServeOptions, command: Command) => {
      const runtime = await openRuntime(configOf(command));
      const webRoot = findWebRoot();
      const app = await createApp(runtime, webRoot === undefined ? {} : { webRoot });
      const stop = async () => {
        await app.close();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      await app.listen({ port: options.port, host: options.host });
      writeErr(
        `Retain is serving ${runtime.config.db} at http://${options.host}:${options.port}/ (API docs: /api/docs)\n`,
      );
      if (webRoot === undefined)
        writeErr('The dashboard is not built; run npm run build to serve it too.\n');
    });
}
