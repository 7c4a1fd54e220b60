/**
 * `retain survival`: a Kaplan–Meier curve of customer tenure (customers still
 * active are censored), with its 95 % band and the median lifetime.
 */
import type { Command } from 'commander';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { computeSurvival, type SurvivalReport } from '../../metrics/survival.js';
import { configOf, withRuntime, writeOut } from '../context.js';
import { parseOutputFormat, renderCsv, renderJson, renderTable } from '../output.js';
import { addSliceOptions, toMetricRequest, type SliceOptions } from '../slice-options.js';

type SurvivalOptions = SliceOptions & { format?: string };

const DAYS_PER_MONTH = 365.25 / 12;
/** Far enough back to include every customer unless --from says otherwise. */
const ALL_HISTORY = '1900-01-01';

export function registerSurvivalCommand(program: Command): void {
  const command = program
    .command('survival')
    .description(
      'Kaplan–Meier survival of customer tenure, with a 95 % band and the median lifetime',
    );
  addSliceOptions(command, { grain: 'year', fromHelp: 'every customer' })
    .option('--format <format>', 'table, json or csv')
    .action(async (options: SurvivalOptions, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const report = await withRuntime(command, async ({ store }) => {
        const request = toMetricRequest({ ...options, grain: 'year' });
        const query = await parseMetricRequest(store, {
          ...request,
          from: options.from ?? ALL_HISTORY,
        });
        return computeSurvival(store, query);
      });
      writeOut(
        format === 'json'
          ? renderJson(report)
          : format === 'csv'
            ? renderCurveCsv(report)
            : renderCurveTable(report),
      );
    });
}

function monthlyRows(report: SurvivalReport) {
  // One row per month of tenure: the curve's value at the end of that month.
  const rows: { month: number; survival: number; lower: number; upper: number; at_risk: number }[] =
    [];
  const last = report.points.at(-1)?.time ?? 0;
  let pointIndex = -1;
  for (let month = 1; month * DAYS_PER_MONTH <= last + DAYS_PER_MONTH; month += 1) {
    while ((report.points[pointIndex + 1]?.time ?? Infinity) <= month * DAYS_PER_MONTH)
      pointIndex += 1;
    const point = report.points[pointIndex];
    rows.push({
      month,
      survival: point?.survival ?? 1,
      lower: point?.lower ?? 1,
      upper: point?.upper ?? 1,
      at_risk: report.points[pointIndex + 1]?.atRisk ?? point?.atRisk ?? report.customers,
    });
  }
  return rows;
}

function renderCurveTable(report: SurvivalReport): string {
  const months = (days: number | null) =>
    days === null ? 'not reached' : `${(days / DAYS_PER_MONTH).toFixed(1)} months`;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const header =
    `${report.customers} customers, ${report.events} ended, ${report.censored} still active (censored)\n` +
    `median lifetime: ${months(report.median)} (95 % band: ${months(report.medianLower)} to ${months(report.medianUpper)})\n\n`;
  return (
    header +
    renderTable(monthlyRows(report), [
      { header: 'month', value: (row) => row.month },
      { header: 'survival', value: (row) => percent(row.survival) },
      { header: 'lower_95', value: (row) => percent(row.lower) },
      { header: 'upper_95', value: (row) => percent(row.upper) },
      { header: 'at_risk', value: (row) => row.at_risk },
    ])
  );
}

function renderCurveCsv(report: SurvivalReport): string {
  return renderCsv(report.points, [
    { header: 'days', value: (row) => row.time },
    { header: 'at_risk', value: (row) => row.atRisk },
    { header: 'events', value: (row) => row.events },
    { header: 'survival', value: (row) => row.survival },
    { header: 'lower_95', value: (row) => row.lower },
    { header: 'upper_95', value: (row) => row.upper },
  ]);
}
