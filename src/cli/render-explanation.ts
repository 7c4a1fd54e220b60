/**
 * How `retain metrics --explain` prints: a KPI's definition, and with a
 * period its results and the rows behind them. JSON and CSV are for scripts
 * (the documented shape, the rows flattened); the table is for reading, the
 * rows in the numerator first under a count of each side.
 */
import type { MetricResult } from '../metrics/compute-metrics.js';
import type { Subject } from '../metrics/definition.js';
import {
  isCounted,
  type ExplanationRow,
  type KpiSummary,
  type MetricExplanation,
} from '../metrics/explain-metric.js';
import { formatKpiValue, formatResultValue } from './format-value.js';
import {
  renderCsv,
  renderJson,
  renderTable,
  type OutputFormat,
  type TableColumn,
} from './output.js';
import { segmentLabel } from './segment-sections.js';

/** What was asked for: one KPI, or a family and its members. */
export type ExplainTarget = { family: string | undefined; by: string | undefined };

const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

const SUBJECT_PLURALS: Record<Subject, string> = {
  customer: 'customers',
  deal: 'deals',
  lead: 'leads',
  rep: 'reps',
  response: 'responses',
  spend: 'spend rows',
  goal: 'goals',
};

/** A KPI's (or each family member's) definition, for `--explain` without `--period`. */
export function renderDefinitions(
  kpis: readonly KpiSummary[],
  family: string | undefined,
  format: OutputFormat,
): string {
  if (format === 'json')
    return renderJson(family === undefined ? kpis[0] : { family, members: kpis });
  if (format === 'csv') return renderCsv(kpis, KPI_COLUMNS);
  const blocks = kpis.map(
    (kpi) =>
      `${kpi.id} — ${kpi.title} (${kpi.unit}, ${kpi.direction.replaceAll('_', ' ')})\n\n${kpi.description}\n`,
  );
  return `${familyLine(kpis, family)}${blocks.join('\n')}\nAdd --period YYYY-MM-DD to list what is counted in the period holding that day.\n`;
}

export const KPI_COLUMNS: TableColumn<KpiSummary>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'unit', value: (row) => row.unit },
  {
    header: 'better',
    value: (row) => (row.direction === 'higher_is_better' ? 'higher' : 'lower'),
  },
  { header: 'definition', value: (row) => row.description },
];

export function renderExplanations(
  explanations: readonly MetricExplanation[],
  target: ExplainTarget,
  format: OutputFormat,
): string {
  if (format === 'json') {
    return renderJson(
      target.family === undefined
        ? explanations[0]
        : { family: target.family, members: explanations },
    );
  }
  if (format === 'csv') return renderCsv(explanations.flatMap(flattenRows), CSV_COLUMNS);
  const sections = explanations.map((explanation) => renderSection(explanation, [], target.by));
  return `${familyLine(
    explanations.map((explanation) => explanation.kpi),
    target.family,
  )}${sections.join('\n')}`;
}

function familyLine(kpis: readonly KpiSummary[], family: string | undefined): string {
  return family === undefined
    ? ''
    : `${family} is a family of ${kpis.length} KPIs, each below: ${kpis.map((kpi) => kpi.id).join(', ')}.\n\n`;
}

type CsvRow = ExplanationRow & { metric: string; component: string };

const CSV_COLUMNS: TableColumn<CsvRow>[] = [
  { header: 'metric', value: (row) => row.metric },
  { header: 'component', value: (row) => row.component },
  { header: 'segment', value: (row) => row.segment },
  { header: 'subject', value: (row) => row.subject },
  { header: 'id', value: (row) => row.id },
  { header: 'numerator', value: (row) => row.numerator },
  { header: 'denominator', value: (row) => row.denominator },
];

/** Every row under `explanation`, with the chain of components that leads to it ("clv > arpa"). */
function flattenRows(explanation: MetricExplanation): CsvRow[] {
  const metric = explanation.kpi.id;
  const walk = (node: MetricExplanation, path: readonly string[]): CsvRow[] => [
    ...node.rows.map((row) => ({ ...row, metric, component: path.join(' > ') })),
    ...node.components.flatMap((component) => walk(component, [...path, component.kpi.id])),
  ];
  return walk(explanation, []);
}

/** One KPI: its results, then its rows, or for a composite its components and each one's section. */
function renderSection(
  explanation: MetricExplanation,
  parents: readonly string[],
  by: string | undefined,
): string {
  const { kpi, results, rows, components, inputs } = explanation;
  const heading =
    parents.length === 0
      ? `${kpi.id} — ${kpi.title}\n\n${kpi.description}\n`
      : `${kpi.id} — ${kpi.title}, a component of ${parents.join(' › ')}\n`;
  const lines = [heading, ...results.map((result) => renderResultLine(result, by)), ''];
  if (components.length === 0) {
    lines.push(summarizeRows(rows, results));
    if (rows.length > 0) lines.push(renderTable(rows, rowColumns(by)));
    return lines.join('\n');
  }
  lines.push(
    renderTable(
      components.flatMap((component) => component.results),
      componentColumns(by),
    ),
  );
  if (inputs !== null) {
    lines.push(`gross margin: ${formatKpiValue(inputs.gross_margin, 'ratio')}`);
    if (inputs.trailing_monthly_churn.length > 0) {
      lines.push(
        'trailing monthly churn, averaged into the denominator (a month without a start cohort, —, is skipped):',
        renderTable(inputs.trailing_monthly_churn, churnColumns(by)),
      );
    }
  }
  const path = [...parents, kpi.id];
  return [
    lines.join('\n'),
    ...components.map((component) => renderSection(component, path, by)),
  ].join('\n');
}

function renderResultLine(result: MetricResult, by: string | undefined): string {
  const segment = by === undefined ? '' : `, ${by} ${segmentLabel(result.segment)}`;
  const quotient =
    result.numerator === null && result.denominator === null
      ? ''
      : ` (numerator ${formatAmount(result.numerator)}, denominator ${formatAmount(result.denominator)})`;
  return `${result.period_start} to ${result.period_end}${segment}: ${formatResultValue(result)}${quotient}`;
}

function formatAmount(value: number | null): string {
  return value === null ? '—' : AMOUNT.format(value);
}

/** "numerator: 8 customers; denominator: 313 customers": what each side counts. */
function summarizeRows(rows: readonly ExplanationRow[], results: readonly MetricResult[]): string {
  if (rows.length === 0) {
    // Null with no numerator: the KPI does not apply here, which is not the same as nothing counted.
    const isInapplicable = results.every(
      (result) => result.value === null && result.numerator === null,
    );
    return isInapplicable
      ? 'The KPI does not apply here (it cannot be cut by these --where/--by columns, or needs subscriptions), so no rows are listed.\n'
      : 'No rows count towards this number in the period.\n';
  }
  const numerator = countBySubject(rows.filter((row) => isCounted(row.numerator)));
  const isSum = results.every((result) => result.denominator === null);
  if (isSum) return `numerator: ${numerator} (the value is their sum)`;
  return `numerator: ${numerator}; denominator: ${countBySubject(rows.filter((row) => isCounted(row.denominator)))}`;
}

function countBySubject(rows: readonly ExplanationRow[]): string {
  if (rows.length === 0) return 'none';
  const counts = new Map<Subject, number>();
  for (const row of rows) counts.set(row.subject, (counts.get(row.subject) ?? 0) + 1);
  return [...counts]
    .map(
      ([subject, count]) =>
        `${count.toLocaleString('en-US')} ${count === 1 ? subject : SUBJECT_PLURALS[subject]}`,
    )
    .join(', ');
}

const segmentColumn = <TRow extends { segment: string | null }>(
  by: string | undefined,
): TableColumn<TRow>[] =>
  by === undefined ? [] : [{ header: by, value: (row) => segmentLabel(row.segment) }];

function rowColumns(by: string | undefined): TableColumn<ExplanationRow>[] {
  return [
    ...segmentColumn<ExplanationRow>(by),
    { header: 'subject', value: (row) => row.subject },
    { header: 'id', value: (row) => row.id },
    { header: 'numerator', value: (row) => row.numerator },
    { header: 'denominator', value: (row) => row.denominator },
  ];
}

function componentColumns(by: string | undefined): TableColumn<MetricResult>[] {
  return [
    { header: 'component', value: (row) => row.metric },
    ...segmentColumn<MetricResult>(by),
    { header: 'value', align: 'right', value: (row) => formatResultValue(row) },
    { header: 'numerator', align: 'right', value: (row) => formatAmount(row.numerator) },
    { header: 'denominator', align: 'right', value: (row) => formatAmount(row.denominator) },
  ];
}

function churnColumns(by: string | undefined): TableColumn<MetricResult>[] {
  return [
    { header: 'month', value: (row) => row.period_start },
    ...segmentColumn<MetricResult>(by),
    { header: 'churn', align: 'right', value: (row) => formatResultValue(row) },
    { header: 'churned', value: (row) => row.numerator },
    { header: 'at start', value: (row) => row.denominator },
  ];
}
