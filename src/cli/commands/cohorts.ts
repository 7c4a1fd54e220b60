/**
 * `retain cohorts`: the retention matrix, cohorts by acquisition period as
 * rows and periods since acquisition as columns, by logos or by revenue.
 */
import { Option, type Command } from 'commander';
import { computeCohorts, type CohortBasis, type CohortMatrix } from '../../metrics/cohorts.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { configOf, withRuntime, writeOut } from '../context.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderTable,
  type TableColumn,
} from '../output.js';
import { addSliceOptions, toMetricRequest, type SliceOptions } from '../slice-options.js';

type CohortOptions = SliceOptions & { basis: CohortBasis; format?: string };

const DEFAULT_COHORT_PERIODS = 24;

export function registerCohortsCommand(program: Command): void {
  const command = program
    .command('cohorts')
    .description('Retention by acquisition cohort: share still active N periods after acquisition');
  addSliceOptions(command, { grain: 'month', fromHelp: '24 periods back' })
    .addOption(
      new Option('--basis <basis>', 'count customers or MRR')
        .choices(['logos', 'revenue'])
        .default('logos'),
    )
    .option('--format <format>', 'table, json or csv')
    .action(async (options: CohortOptions, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const matrix = await withRuntime(command, async ({ store }) => {
        const request = toMetricRequest(options);
        const query = await parseMetricRequest(store, {
          ...request,
          ...(options.from === undefined
            ? { from: defaultFrom(request.asOf, DEFAULT_COHORT_PERIODS) }
            : {}),
        });
        return computeCohorts(store, query, options.basis);
      });
      if (format === 'json') writeOut(renderJson(matrix));
      else
        writeOut(
          (format === 'csv' ? renderCsv : renderTable)(
            matrix.cohorts,
            cohortColumns(matrix, format === 'csv'),
          ),
        );
    });
}

function defaultFrom(asOf: Date, months: number): string {
  const start = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - (months - 1), 1));
  return start.toISOString().slice(0, 10);
}

function cohortColumns(
  matrix: CohortMatrix,
  isRaw: boolean,
): TableColumn<CohortMatrix['cohorts'][number]>[] {
  const width = Math.max(0, ...matrix.cohorts.map((cohort) => cohort.retention.length));
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? null : isRaw ? value : `${(value * 100).toFixed(1)}%`;
  return [
    { header: 'cohort', value: (row) => row.cohort },
    { header: 'customers', value: (row) => row.customers },
    ...(matrix.basis === 'revenue'
      ? [
          {
            header: 'base_mrr',
            value: (row: CohortMatrix['cohorts'][number]) => Math.round(row.base),
          },
        ]
      : []),
    ...Array.from({ length: width }, (_, offset) => ({
      header: `+${offset}`,
      value: (row: CohortMatrix['cohorts'][number]) => cell(row.retention[offset]),
    })),
  ];
}
