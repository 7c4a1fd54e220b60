/**
 * `retain metrics`: every KPI for a grain, a range and a slice; `--list` for
 * the catalogue, `--explain <id> --period D` for the rows behind one number
 * (see render-explanation.ts).
 */
import type { Command } from 'commander';
import {
  computeMetrics,
  sliceColumnsOf,
  type MetricQuery,
  type MetricResult,
} from '../../metrics/compute-metrics.js';
import { acceptsSlice } from '../../metrics/definition.js';
import { RetainError } from '../../domain/errors.js';
import { explainMetrics, toKpiSummary } from '../../metrics/explain-metric.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { KPI_FAMILIES, KPIS } from '../../metrics/registry.js';
import { configOf, withRuntime, writeOut } from '../context.js';
import { formatResultValue } from '../format-value.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderTable,
  type OutputFormat,
  type TableColumn,
} from '../output.js';
import { segmentLabel } from '../segment-sections.js';
import { KPI_COLUMNS, renderDefinitions, renderExplanations } from '../render-explanation.js';
import {
  addSliceOptions,
  toMetricRequest,
  warnAboutEmptyFilters,
  type SliceOptions,
} from '../slice-options.js';

type MetricsOptions = SliceOptions & {
  metric?: string;
  by?: string;
  list?: boolean;
  explain?: string;
  period?: string;
  format?: string;
};

/** Metrics per printed table on a terminal, so rows stay readable. */
const METRICS_PER_TABLE = 6;

export function registerMetricsCommand(program: Command): void {
  const command = program
    .command('metrics')
    .description('Compute KPIs, each with its numerator and denominator')
    .option('--metric <ids>', 'comma-separated KPI ids or families (default: all)');
  addSliceOptions(command, { grain: 'month', fromHelp: '12 periods back' })
    .option('--by <col>', 'break every result down by this column')
    .option('--list', 'list the KPIs with their definitions')
    .option(
      '--explain <id>',
      'a KPI or family: its definition, and with --period the rows behind each number',
    )
    .option('--period <date>', 'with --explain: a day inside the period (of --grain) to explain')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: MetricsOptions, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      if (options.list) {
        writeOut(renderCatalogue(format));
        return;
      }
      assertExplainOptions(options);
      await withRuntime(command, async ({ store }) => {
        const request = {
          ...toMetricRequest(options),
          ...(options.by === undefined ? {} : { by: options.by }),
        };
        if (options.explain !== undefined) {
          const family = KPI_FAMILIES[options.explain] === undefined ? undefined : options.explain;
          const query = await parseMetricRequest(store, {
            ...request,
            metrics: [options.explain],
            ...(options.period === undefined ? {} : { period: options.period }),
          });
          await warnAboutEmptyFilters(store, query);
          writeOut(
            options.period === undefined
              ? renderDefinitions(query.kpis.map(toKpiSummary), family, format)
              : renderExplanations(
                  await explainMetrics(store, query),
                  { family, by: query.by },
                  format,
                ),
          );
          return;
        }
        const query = await parseMetricRequest(store, {
          ...request,
          ...(options.metric === undefined ? {} : { metrics: options.metric.split(',') }),
        });
        await warnAboutEmptyFilters(store, query);
        writeOut(renderResults(await computeMetrics(store, query), format, query));
      });
    });
}

/** Options that would otherwise be ignored without a word. */
function assertExplainOptions(options: MetricsOptions): void {
  if (options.period !== undefined && options.explain === undefined) {
    throw new RetainError('INVALID_ARGUMENT', '--period only works with --explain.', {
      hint: 'To see the rows behind one number, add --explain <id>; to compute KPIs for a range instead, use --from and --to, e.g. --from 2026-10-01 --to 2026-11-01.',
    });
  }
  if (options.explain !== undefined && options.metric !== undefined) {
    throw new RetainError('INVALID_ARGUMENT', '--explain and --metric both name the KPI.', {
      hint: `Give the KPI (or family) to --explain alone, e.g. --explain ${options.explain}.`,
    });
  }
}

const RESULT_COLUMNS: TableColumn<MetricResult>[] = [
  { header: 'metric', value: (row) => row.metric },
  { header: 'period_start', value: (row) => row.period_start },
  { header: 'period_end', value: (row) => row.period_end },
  { header: 'segment', value: (row) => row.segment },
  { header: 'value', value: (row) => row.value },
  { header: 'numerator', value: (row) => row.numerator },
  { header: 'denominator', value: (row) => row.denominator },
  { header: 'unit', value: (row) => row.unit },
  { header: 'partial', value: (row) => (row.partial === undefined ? null : String(row.partial)) },
];

function renderResults(
  results: readonly MetricResult[],
  format: OutputFormat,
  query: MetricQuery,
): string {
  if (format === 'json') return renderJson(results);
  if (format === 'csv') return renderCsv(results, RESULT_COLUMNS);
  return renderWideTables(results, query.by) + renderUncutNote(query);
}

/** Why a column is all dashes: its KPIs cannot be cut by the slice's columns. */
function renderUncutNote(query: MetricQuery): string {
  const columns = sliceColumnsOf(query);
  const uncut = query.kpis.filter((kpi) => !acceptsSlice(kpi, columns)).map((kpi) => kpi.id);
  if (uncut.length === 0) return '';
  return `\n— not computed: ${uncut.join(', ')} cannot be cut by ${[...new Set(columns)].join(' and ')}. Deal, lead and activity KPIs are cut by owner_rep_id and team, CAC by acquisition_channel.\n`;
}

/** Periods (and segments, headed by the --by column) as rows, metrics as columns, a few metrics per table. */
function renderWideTables(results: readonly MetricResult[], by: string | undefined): string {
  const metricIds = [...new Set(results.map((result) => result.metric))];
  const rowKeys = [
    ...new Set(results.map((result) => `${result.period_start}\u0000${result.segment ?? ''}`)),
  ];
  const byKey = new Map(
    results.map((result) => [
      `${result.metric}\u0000${result.period_start}\u0000${result.segment ?? ''}`,
      result,
    ]),
  );
  const tables: string[] = [];
  for (let index = 0; index < metricIds.length; index += METRICS_PER_TABLE) {
    const group = metricIds.slice(index, index + METRICS_PER_TABLE);
    const columns: TableColumn<string>[] = [
      { header: 'period', value: (key) => key.split('\u0000')[0] ?? '' },
      ...(by === undefined
        ? []
        : [{ header: by, value: (key: string) => segmentLabel(key.split('\u0000')[1] || null) }]),
      ...group.map((metric) => ({
        header: metric,
        align: 'right' as const,
        value: (key: string) => {
          const result = byKey.get(`${metric}\u0000${key}`);
          return result ? `${formatResultValue(result)}${result.partial ? '*' : ''}` : null;
        },
      })),
    ];
    tables.push(renderTable(rowKeys, columns));
  }
  const hasPartial = results.some((result) => result.partial);
  return (
    tables.join('\n') +
    (hasPartial ? '\n* partial: the period’s cohort is still inside its first year\n' : '')
  );
}

/** The catalogue, with the columns each KPI can be cut by (null: any). */
function renderCatalogue(format: OutputFormat): string {
  const rows = KPIS.map((kpi) => ({ ...toKpiSummary(kpi), cut_by: kpi.dimensions ?? null }));
  if (format === 'json') return renderJson({ kpis: rows, families: KPI_FAMILIES });
  const columns: TableColumn<(typeof rows)[number]>[] = [
    ...KPI_COLUMNS.slice(0, -1),
    {
      header: 'cut_by',
      value: (row) =>
        row.cut_by === null ? 'any' : row.cut_by.length === 0 ? 'none' : row.cut_by.join(' '),
    },
    ...KPI_COLUMNS.slice(-1),
  ];
  if (format === 'csv') return renderCsv(rows, columns);
  const families = Object.entries(KPI_FAMILIES).map(
    ([family, members]) => `${family}: ${members.join(', ')}`,
  );
  return `${renderTable(rows, columns)}\nFamilies (--metric and --explain take them too):\n${families.join('\n')}\n`;
}
