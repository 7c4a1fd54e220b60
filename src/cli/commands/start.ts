/**
 * `retain start` (what `npm start` runs): the first-run experience. Creates
 * the store with the demo company when it does not exist yet, then prints
 * what is in it.
 */
import type { Command } from 'commander';
import { ENTITIES } from '../../domain/entities/index.js';
import { countCanonicalRows, loadDemoCompany } from '../../ingest/demo/load-demo-company.js';
import { withRuntime, writeErr, writeOut } from '../context.js';
import { renderTable } from '../output.js';
import { startProgress } from '../progress.js';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED, startOfTodayUtc } from './demo.js';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Create the store with the demo company if it is empty, and show what is in it')
    .action(async (_options: unknown, command: Command) => {
      await withRuntime(command, async (runtime) => {
        const { store, config } = runtime;
        const isFresh = (await countCanonicalRows(store)) === 0;
        if (isFresh) {
          writeErr(
            `Creating ${config.db} with the demo company (${DEFAULT_DEMO_CUSTOMERS} customers)…\n`,
          );
          const progress = startProgress('Generating', config.isInteractive, ' customers');
          try {
            await loadDemoCompany(store, {
              customers: DEFAULT_DEMO_CUSTOMERS,
              seed: DEFAULT_DEMO_SEED,
              asOf: startOfTodayUtc(),
              onProgress: (done, total) => progress.update(done, total),
            });
          } finally {
            progress.stop();
          }
        }
        const rows = [];
        for (const entity of ENTITIES) {
          const [row] = await store.query<{ n: number }>(
            `SELECT CAST(count(*) AS INTEGER) AS n FROM ${entity.name}`,
          );
          rows.push({ entity: entity.name, rows: row?.n ?? 0 });
        }
        writeOut(`Retain workspace ${config.db}\n\n`);
        writeOut(
          renderTable(rows, [
            { header: 'entity', value: (row) => row.entity },
            { header: 'rows', value: (row) => row.rows },
          ]),
        );
      });
    });
}
