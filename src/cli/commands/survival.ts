/**
 * `retain survival`: Kaplan–Meier curves of customer tenure (customers still
 * active are censored), with the 95 % band and the median lifetime; with
 * `--by`, one curve per value of the column. It has no --grain: --from and
 * --to pick customers by acquisition date, to the day. A table reads the
 * curve at each month of tenure; JSON and CSV give every event time in days.
 */
import type { Command } from 'commander';
import {
  computeSurvival,
  parseSurvivalRequest,
  type SurvivalCurve,
  type SurvivalPoint,
  type SurvivalReport,
} from '../../metrics/survival.js';
import { configOf, withRuntime, writeOut } from '../context.js';
import { parseOutputFormat, renderCsv, renderJson, renderTable } from '../output.js';
import { segmentHeading } from '../segment-sections.js';
import {
  addSliceOptions,
  toMetricRequest,
  warnAboutEmptyFilters,
  type SliceOptions,
} from '../slice-options.js';

type SurvivalOptions = SliceOptions & { format?: string };

/** An average month, for reading tenure in days as months. */
const DAYS_PER_MONTH = 365.25 / 12;

export function registerSurvivalCommand(program: Command): void {
  const command = program
    .command('survival')
    .description(
      'Kaplan–Meier survival of the tenure of the customers acquired from --from to --to, with a 95 % band and the median lifetime',
    );
  addSliceOptions(command, { fromHelp: 'every customer' })
    .option('--by <col>', 'one curve per value of this column (same columns as --where)')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: SurvivalOptions, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const report = await withRuntime(command, async ({ store }) => {
        const query = await parseSurvivalRequest(store, toMetricRequest(options));
        await warnAboutEmptyFilters(store, query);
        return computeSurvival(store, query);
      });
      writeOut(
        format === 'json'
          ? renderJson(report)
          : format === 'csv'
            ? renderCurvesCsv(report)
            : renderCurveTables(report),
      );
    });
}

type MonthRow = { month: number; survival: number; lower: number; upper: number; ended: number };

/**
 * One row per month of tenure: the curve's value at the end of that month and
 * the customers who had ended by then. (Those still observed then would need
 * the censoring times, which the curve does not carry.)
 */
function monthlyRows(curve: SurvivalCurve): MonthRow[] {
  const rows: MonthRow[] = [];
  const last = curve.points.at(-1)?.days ?? 0;
  let pointIndex = -1;
  let ended = 0;
  for (let month = 1; month * DAYS_PER_MONTH <= last + DAYS_PER_MONTH; month += 1) {
    while ((curve.points[pointIndex + 1]?.days ?? Infinity) <= month * DAYS_PER_MONTH) {
      pointIndex += 1;
      ended += curve.points[pointIndex]?.events ?? 0;
    }
    const point = curve.points[pointIndex];
    rows.push({
      month,
      survival: point?.survival ?? 1,
      lower: point?.lower_95 ?? 1,
      upper: point?.upper_95 ?? 1,
      ended,
    });
  }
  return rows;
}

function renderCurveTables(report: SurvivalReport): string {
  const by = report.by;
  if (report.curves.length === 0) return 'No customers were acquired in this range.\n';
  return report.curves
    .map(
      (curve) =>
        (by === null ? '' : `${segmentHeading(by, curve.segment)}\n`) + renderCurveTable(curve),
    )
    .join('\n');
}

function renderCurveTable(curve: SurvivalCurve): string {
  const months = (days: number | null) =>
    days === null ? 'not reached' : `${(days / DAYS_PER_MONTH).toFixed(1)} months`;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const header =
    `${curve.customers} customers, ${curve.events} ended, ${curve.censored} still active (censored)\n` +
    `median lifetime: ${months(curve.median_days)} (95 % band: ${months(curve.median_lower_days)} to ${months(curve.median_upper_days)})\n\n`;
  return (
    header +
    renderTable(monthlyRows(curve), [
      { header: 'month', value: (row) => row.month },
      { header: 'survival', align: 'right', value: (row) => percent(row.survival) },
      { header: 'lower_95', align: 'right', value: (row) => percent(row.lower) },
      { header: 'upper_95', align: 'right', value: (row) => percent(row.upper) },
      { header: 'ended', value: (row) => row.ended },
    ])
  );
}

/** Every event time of every curve; the segment column only when broken down. */
function renderCurvesCsv(report: SurvivalReport): string {
  const rows = report.curves.flatMap((curve) =>
    curve.points.map((point) => ({ segment: curve.segment, ...point })),
  );
  type Row = SurvivalPoint & { segment: string | null };
  return renderCsv<Row>(rows, [
    ...(report.by === null ? [] : [{ header: 'segment', value: (row: Row) => row.segment }]),
    { header: 'days', value: (row) => row.days },
    { header: 'at_risk', value: (row) => row.at_risk },
    { header: 'events', value: (row) => row.events },
    { header: 'survival', value: (row) => row.survival },
    { header: 'lower_95', value: (row) => row.lower_95 },
    { header: 'upper_95', value: (row) => row.upper_95 },
  ]);
}
