/**
 * `retain demo`: a deterministic synthetic company (same seed and date, same
 * bytes) into the store, or as canonical CSV files with --out.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { ENTITIES } from '../../domain/entities/index.js';
import { createCsvSink } from '../../ingest/demo/csv-sink.js';
import {
  DEMO_ATTRIBUTE_COLUMNS,
  generateDemoCompany,
  type DemoStats,
} from '../../ingest/demo/generate-demo-company.js';
import { loadDemoCompany } from '../../ingest/demo/load-demo-company.js';
import { configOf, withRuntime, writeErr, writeOut } from '../context.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderTable,
  type TableColumn,
} from '../output.js';
import { startProgress } from '../progress.js';
import { parseDateOption, parsePositiveInteger } from '../parse-options.js';

export const DEFAULT_DEMO_CUSTOMERS = 2_000;
export const DEFAULT_DEMO_SEED = 1;

type DemoCommandOptions = {
  customers: number;
  seed: number;
  asOf?: Date;
  out?: string;
  replace?: boolean;
  format?: string;
};

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Build a realistic synthetic company: 24 months of customers, billing, sales and support',
    )
    .option('--customers <n>', 'number of customers', parsePositiveInteger, DEFAULT_DEMO_CUSTOMERS)
    .option(
      '--seed <s>',
      'random seed; the same seed and date give the same company',
      parseSeed,
      DEFAULT_DEMO_SEED,
    )
    .option('--as-of <date>', 'the last day of its history (default: today, UTC)', parseDateOption)
    .option('--out <folder>', 'write canonical CSV files there instead of into the store')
    .option('--replace', 'delete the data already in the store first')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: DemoCommandOptions, command: Command) => {
      const config = configOf(command);
      const format = parseOutputFormat(options.format, config.isStdoutTerminal);
      const demo = {
        customers: options.customers,
        seed: options.seed,
        asOf: options.asOf ?? startOfTodayUtc(),
      };
      const progress = startProgress('Generating', config.isInteractive, ' customers');
      const startedMs = performance.now();
      let stats: DemoStats;
      try {
        if (options.out !== undefined) {
          const sink = await createCsvSink(options.out, DEMO_ATTRIBUTE_COLUMNS);
          stats = await generateDemoCompany(demo, sink, (done, total) =>
            progress.update(done, total),
          );
          await sink.close();
        } else {
          stats = await withRuntime(command, (runtime) =>
            loadDemoCompany(runtime.store, {
              ...demo,
              replace: options.replace === true,
              onProgress: (done, total) => progress.update(done, total),
            }),
          );
        }
      } finally {
        progress.stop();
      }
      const rows = ENTITIES.map((entity) => ({ entity: entity.name, rows: stats[entity.name] }));
      if (format === 'json')
        writeOut(renderJson(Object.fromEntries(rows.map((row) => [row.entity, row.rows]))));
      else writeOut((format === 'csv' ? renderCsv : renderTable)(rows, STATS_COLUMNS));
      const where = options.out ?? config.db;
      writeErr(
        `Demo company (seed ${demo.seed}, ${demo.customers} customers, as of ${demo.asOf.toISOString().slice(0, 10)}) written to ${where} in ${((performance.now() - startedMs) / 1000).toFixed(1)} s.\n`,
      );
    });
}

const STATS_COLUMNS: TableColumn<{ entity: string; rows: number }>[] = [
  { header: 'entity', value: (row) => row.entity },
  { header: 'rows', value: (row) => row.rows },
];

function parseSeed(value: string): number {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed))
    throw new InvalidArgumentError('the seed must be a whole number.');
  return seed;
}

export function startOfTodayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
