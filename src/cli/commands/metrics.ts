/**
 * `retain metrics`: every KPI for a grain, a range and a slice; `--list` for
 * the catalogue, `--explain <id> --period D` for the rows behind one number.
 */
import type { Command } from 'commander';
import { computeMetrics, type MetricResult } from '../../metrics/compute-metrics.js';
import { explainMetric, type MetricExplanation } from '../../metrics/explain-metric.js';
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
import { parseDateOption } from '../parse-options.js';
import { addSliceOptions, toMetricRequest, type SliceOptions } from '../slice-options.js';

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
    .option('--explain <id>', 'print the definition, and with --period the ids counted')
    .option('--period <date>', 'with --explain: a date inside the period to explain')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: MetricsOptions, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      if (options.list) {
        writeOut(renderCatalogue(format));
        return;
      }
      await withRuntime(command, async ({ store }) => {
        const request = {
          ...toMetricRequest(options),
          ...(options.by === undefined ? {} : { by: options.by }),
        };
        if (options.explain !== undefined) {
          const period = options.period;
          const query = await parseMetricRequest(store, {
            ...request,
            metrics: [options.explain],
            ...(period === undefined ? {} : { from: period, to: nextDay(period) }),
          });
          if (period === undefined) {
            writeOut(renderDefinition(query.kpis[0]?.id ?? options.explain, format));
            return;
          }
          writeOut(renderExplanation(await explainMetric(store, query), format));
          return;
        }
        const query = await parseMetricRequest(store, {
          ...request,
          ...(options.metric === undefined
            ? {}
            : { metrics: options.metric.split(',').map((id) => id.trim()) }),
        });
        writeOut(renderResults(await computeMetrics(store, query), format, query.by !== undefined));
      });
    });
}

function nextDay(date: string): string {
  const day = parseDateOption(date.length === 7 ? `${date}-01` : date);
  return new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
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
  isBrokenDown: boolean,
): string {
  if (format === 'json') return renderJson(results);
  if (format === 'csv') return renderCsv(results, RESULT_COLUMNS);
  return renderWideTables(results, isBrokenDown);
}

/** Periods (and segments) as rows, metrics as columns, a few metrics per table. */
function renderWideTables(results: readonly MetricResult[], isBrokenDown: boolean): string {
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
      ...(isBrokenDown
        ? [{ header: 'segment', value: (key: string) => key.split('\u0000')[1] || '(none)' }]
        : []),
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

function renderCatalogue(format: OutputFormat): string {
  const rows = KPIS.map((kpi) => ({
    id: kpi.id,
    title: kpi.title,
    unit: kpi.unit,
    direction: kpi.direction,
    description: kpi.description,
  }));
  if (format === 'json') return renderJson({ kpis: rows, families: KPI_FAMILIES });
  const columns: TableColumn<(typeof rows)[number]>[] = [
    { header: 'id', value: (row) => row.id },
    { header: 'unit', value: (row) => row.unit },
    {
      header: 'better',
      value: (row) => (row.direction === 'higher_is_better' ? 'higher' : 'lower'),
    },
    { header: 'definition', value: (row) => row.description },
  ];
  return format === 'csv' ? renderCsv(rows, columns) : renderTable(rows, columns);
}

function renderDefinition(id: string, format: OutputFormat): string {
  const kpi = KPIS.find((candidate) => candidate.id === id);
  if (!kpi) return '';
  if (format === 'json')
    return renderJson({
      id: kpi.id,
      title: kpi.title,
      unit: kpi.unit,
      direction: kpi.direction,
      description: kpi.description,
    });
  return `${kpi.id} — ${kpi.title} (${kpi.unit}, ${kpi.direction.replaceAll('_', ' ')})\n\n${kpi.description}\n\nAdd --period YYYY-MM-DD to list what is counted in a period.\n`;
}

function renderExplanation(explanation: MetricExplanation, format: OutputFormat): string {
  if (format === 'json') return renderJson(explanation);
  const { kpi, results, contributions, components } = explanation;
  const lines = [`${kpi.id} — ${kpi.title}`, '', kpi.description, ''];
  for (const result of results) {
    lines.push(
      `${result.period_start} to ${result.period_end}${result.segment === null ? '' : ` (${result.segment})`}: ` +
        `${formatResultValue(result)}  numerator ${result.numerator ?? '—'}, denominator ${result.denominator ?? '—'}`,
    );
  }
  lines.push('');
  const body =
    kpi.kind === 'composite'
      ? renderTable(components, [
          { header: 'component', value: (row) => row.metric },
          { header: 'value', value: (row) => row.value },
          { header: 'numerator', value: (row) => row.numerator },
          { header: 'denominator', value: (row) => row.denominator },
        ])
      : renderTable(contributions, [
          { header: 'subject', value: (row) => row.subject },
          { header: 'id', value: (row) => row.subject_id },
          { header: 'numerator', value: (row) => row.num },
          { header: 'denominator', value: (row) => row.den },
        ]);
  return `${lines.join('\n')}${format === 'csv' ? '' : body}`;
}
