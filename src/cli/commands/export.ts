/**
 * `retain export <entity | KPI id | family | metrics>`: a canonical table or
 * KPI results as CSV, NDJSON or Parquet, to a file or (text formats) stdout.
 */
import { Option, type Command } from 'commander';
import { ENTITY_NAMES, findEntity } from '../../domain/entities/index.js';
import { RetainError } from '../../domain/errors.js';
import {
  EXPORT_FORMATS,
  readEntityRows,
  writeRows,
  type ExportFormat,
} from '../../export/export-rows.js';
import { toMetricRowSource } from '../../export/metric-rows.js';
import { computeMetrics } from '../../metrics/compute-metrics.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { findKpi, KPI_FAMILIES } from '../../metrics/registry.js';
import { withRuntime, writeErr } from '../context.js';
import { addSliceOptions, toMetricRequest, type SliceOptions } from '../slice-options.js';

type ExportOptions = SliceOptions & { format: ExportFormat; out?: string; by?: string };

const ALL_METRICS = 'metrics';

export function registerExportCommand(program: Command): void {
  const command = program
    .command('export')
    .description('Export a table or KPI results as CSV, NDJSON or Parquet')
    .argument(
      '<what>',
      `an entity (${ENTITY_NAMES.join(', ')}), a KPI id or family, or "${ALL_METRICS}" for every KPI`,
    )
    .addOption(
      new Option('--format <format>', 'file format').choices([...EXPORT_FORMATS]).default('csv'),
    )
    .option('--out <file>', 'write to this file (default: stdout; Parquet needs a file)');
  addSliceOptions(command, { grain: 'month', fromHelp: '12 periods back' })
    .option('--by <col>', 'break KPI results down by this column')
    .action(async (what: string, options: ExportOptions, command: Command) => {
      await withRuntime(command, async ({ store }) => {
        const entity = findEntity(what);
        const source = entity
          ? await readEntityRows(store, entity)
          : toMetricRowSource(
              await computeMetrics(
                store,
                await parseMetricRequest(store, {
                  ...toMetricRequest(options),
                  ...(options.by === undefined ? {} : { by: options.by }),
                  ...(what === ALL_METRICS ? {} : { metrics: [resolveKpiOrThrow(what)] }),
                }),
              ),
            );
        const count = await writeRows(source, options.format, options.out);
        if (options.out !== undefined) writeErr(`${count} rows written to ${options.out}\n`);
      });
    });
}

function resolveKpiOrThrow(what: string): string {
  if (findKpi(what) || what in KPI_FAMILIES) return what;
  throw new RetainError(
    'INVALID_ARGUMENT',
    `"${what}" is neither a table nor a KPI Retain exports.`,
    {
      hint: `Use an entity (${ENTITY_NAMES.join(', ')}), a KPI id (retain metrics --list), or "${ALL_METRICS}".`,
    },
  );
}
