/**
 * `retain cohorts`: the retention matrix, cohorts by acquisition period as
 * rows and periods since acquisition as columns, by logos or by revenue; with
 * `--by`, one matrix per value of the column. The default range is the
 * metrics one (the 12 periods ending with the one holding --as-of, at the
 * chosen grain), which also keeps the table at 12 offset columns at most.
 */
import { Option, type Command } from 'commander';
import {
  computeCohorts,
  type CohortBasis,
  type CohortMatrix,
  type CohortRow,
} from '../../metrics/cohorts.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { configOf, withRuntime, writeOut } from '../context.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderTable,
  type TableColumn,
} from '../output.js';
import {
  addSliceOptions,
  toMetricRequest,
  warnAboutEmptyFilters,
  type SliceOptions,
} from '../slice-options.js';
import { groupBySegment, segmentHeading } from '../segment-sections.js';

type CohortOptions = SliceOptions & { basis: CohortBasis; format?: string };

export function registerCohortsCommand(program: Command): void {
  const command = program
    .command('cohorts')
    .description('Retention by acquisition cohort: share still active N periods after acquisition');
  addSliceOptions(command, { grain: 'month', fromHelp: '12 periods back' })
    .option('--by <col>', 'one matrix per value of this column (same columns as --where)')
    .addOption(
      new Option('--basis <basis>', 'count customers or MRR')
        .choices(['logos', 'revenue'])
        .default('logos'),
    )
    .option('--format <format>', 'table, json or csv')
    .action(async (options: CohortOptions, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const matrix = await withRuntime(command, async ({ store }) => {
        const query = await parseMetricRequest(store, toMetricRequest(options));
        await warnAboutEmptyFilters(store, query);
        return computeCohorts(store, query, options.basis);
      });
      if (format === 'json') writeOut(renderJson(matrix));
      else if (format === 'csv')
        writeOut(renderCsv(matrix.cohorts, cohortColumns(matrix, matrix.cohorts, true)));
      else writeOut(renderCohortTables(matrix));
    });
}

/** One table per segment under its heading; a single table when not broken down. */
function renderCohortTables(matrix: CohortMatrix): string {
  if (matrix.by === null || matrix.cohorts.length === 0)
    return renderTable(matrix.cohorts, cohortColumns(matrix, matrix.cohorts, false));
  const by = matrix.by;
  return groupBySegment(matrix.cohorts)
    .map(
      ([segment, rows]) =>
        `${segmentHeading(by, segment)}\n${renderTable(rows, cohortColumns(matrix, rows, false))}`,
    )
    .join('\n');
}

/**
 * Columns for `rows`: as many offsets as the oldest cohort has. CSV keeps raw
 * fractions and names the segment on every row; a table shows percentages.
 */
function cohortColumns(
  matrix: CohortMatrix,
  rows: readonly CohortRow[],
  isRaw: boolean,
): TableColumn<CohortRow>[] {
  const width = Math.max(0, ...rows.map((row) => row.retention.length));
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? null : isRaw ? value : `${(value * 100).toFixed(1)}%`;
  const columns: TableColumn<CohortRow>[] = [];
  if (isRaw && matrix.by !== null) columns.push({ header: 'segment', value: (row) => row.segment });
  columns.push(
    { header: 'cohort', value: (row) => row.cohort_start },
    { header: 'customers', value: (row) => row.customers },
  );
  if (matrix.basis === 'revenue')
    columns.push({
      header: 'base_mrr',
      value: (row) =>
        row.base_mrr === null ? null : isRaw ? row.base_mrr : Math.round(row.base_mrr),
    });
  for (let offset = 0; offset < width; offset += 1)
    columns.push({
      header: `+${offset}`,
      align: 'right',
      value: (row) => cell(row.retention[offset]),
    });
  return columns;
}
