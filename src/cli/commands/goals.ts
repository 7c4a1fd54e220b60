/**
 * `retain goals list|add|progress|plan|reps`: targets for KPIs, where they
 * stand with pace, the activity a revenue goal needs, and each rep's day.
 */
import { Option, type Command } from 'commander';
import { addGoal } from '../../goals/add-goal.js';
import { computeGoalProgress, type GoalProgress } from '../../goals/goal-progress.js';
import { parsePlanPeriod } from '../../goals/parse-plan-period.js';
import { planActivity, type ActivityPlan } from '../../goals/plan-activity.js';
import { computeRepActivity } from '../../goals/rep-activity-view.js';
import { createMetricCache } from '../../metrics/metric-cache.js';
import { findKpi } from '../../metrics/registry.js';
import { configOf, withRuntime, writeErr, writeOut } from '../context.js';
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

type FormatOption = { format?: string };

export function registerGoalsCommand(program: Command): void {
  const goals = program
    .command('goals')
    .description('Goals for KPIs: progress with pace, and the activity plan behind a revenue goal');

  goals
    .command('list')
    .description('List goals')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const rows = await withRuntime(command, ({ store }) =>
        store.query<Record<string, string | null>>(
          `SELECT id, metric, coalesce(scope, 'company') AS scope, scope_id, period_start, period_end, CAST(target AS TEXT) AS target
           FROM goals ORDER BY period_start DESC, metric, scope, scope_id`,
        ),
      );
      const columns = [
        'id',
        'metric',
        'scope',
        'scope_id',
        'period_start',
        'period_end',
        'target',
      ].map((header): TableColumn<Record<string, string | null>> => ({
        header,
        value: (row) => row[header] ?? null,
      }));
      writeOut(
        format === 'json'
          ? renderJson(rows)
          : (format === 'csv' ? renderCsv : renderTable)(rows, columns),
      );
    });

  goals
    .command('add')
    .description('Add a goal for a KPI over a period')
    .requiredOption('--metric <id>', 'a KPI id (retain metrics --list)')
    .requiredOption('--target <number>', 'the target value (rates as fractions: 0.01 for 1 %)')
    .requiredOption('--period <period>', '2027-Q1, 2027-03, 2027, or 2027-01-01..2027-04-01')
    .addOption(
      new Option('--scope <scope>', 'who it is for')
        .choices(['company', 'team', 'rep'])
        .default('company'),
    )
    .option('--scope-id <id>', 'the team name or rep id')
    .action(
      async (
        options: {
          metric: string;
          target: string;
          period: string;
          scope: string;
          scopeId?: string;
        },
        command: Command,
      ) => {
        const id = await withRuntime(command, ({ store }) =>
          addGoal(store, {
            metric: options.metric,
            target: options.target,
            period: options.period,
            scope: options.scope,
            scopeId: options.scopeId,
          }),
        );
        writeErr(`Added goal ${id}.\n`);
      },
    );

  goals
    .command('progress')
    .description('Where each current goal stands: actual, expected by pace, projected, status')
    .option('--as-of <date>', 'the day to report as of (default: today)', parseDateOption)
    .option('--rep <id>', 'only this rep’s goals')
    .option('--team <name>', 'only this team’s goals')
    .option('--format <format>', 'table, json or csv')
    .action(
      async (
        options: FormatOption & { asOf?: Date; rep?: string; team?: string },
        command: Command,
      ) => {
        const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
        const progress = await withRuntime(command, ({ store }) =>
          computeGoalProgress(store, {
            asOf: options.asOf ?? new Date(),
            rep: options.rep,
            team: options.team,
            cache: createMetricCache(),
          }),
        );
        writeOut(renderProgress(progress, format));
      },
    );

  goals
    .command('plan')
    .description('Work back from a revenue goal to dials and meetings per rep per working day')
    .requiredOption('--revenue <amount>', 'revenue to win in the period (reporting currency)')
    .requiredOption('--period <period>', '2027-Q1, 2027-03, 2027, or 2027-01-01..2027-04-01')
    .option('--team <name>', 'plan with this team’s funnel and reps')
    .option('--as-of <date>', 'measure the funnel up to this day (default: today)', parseDateOption)
    .option('--create-goals', 'also add the per-rep daily call goal the plan needs')
    .option('--format <format>', 'table or json')
    .action(
      async (
        options: FormatOption & {
          revenue: string;
          period: string;
          team?: string;
          asOf?: Date;
          createGoals?: boolean;
        },
        command: Command,
      ) => {
        const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
        const plan = await withRuntime(command, async ({ store }) => {
          const result = await planActivity(store, {
            revenue: Number(options.revenue),
            period: parsePlanPeriod(options.period),
            team: options.team,
            asOf: options.asOf ?? new Date(),
            cache: createMetricCache(),
          });
          if (options.createGoals) {
            const id = await addGoal(store, {
              metric: 'calls_per_rep_per_day',
              target: String(result.per_rep_per_day.dials),
              period: `${result.period.start}..${result.period.end}`,
              scope: options.team ? 'team' : 'company',
              scopeId: options.team,
            });
            writeErr(`Added goal ${id}: calls_per_rep_per_day ${result.per_rep_per_day.dials}.\n`);
          }
          return result;
        });
        writeOut(format === 'json' ? renderJson(plan) : renderPlan(plan));
      },
    );

  goals
    .command('reps')
    .description('Each rep’s calls today and week to date against their goals')
    .option('--as-of <date>', 'the day to show (default: today)', parseDateOption)
    .option('--rep <id>', 'only this rep')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption & { asOf?: Date; rep?: string }, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const rows = await withRuntime(command, ({ store }) =>
        computeRepActivity(store, {
          asOf: options.asOf ?? new Date(),
          rep: options.rep,
          cache: createMetricCache(),
        }),
      );
      const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
      const columns: TableColumn<(typeof rows)[number]>[] = [
        { header: 'rep', value: (row) => row.rep_id },
        { header: 'name', value: (row) => row.name },
        { header: 'team', value: (row) => row.team },
        { header: 'calls_today', value: (row) => round(row.calls_today) },
        { header: 'goal/day', value: (row) => row.calls_per_day_goal },
        { header: 'demos_week', value: (row) => round(row.demos_this_week) },
        { header: 'goal/week', value: (row) => row.demos_per_week_goal },
        { header: 'qualified_week', value: (row) => row.leads_qualified_this_week },
        { header: 'new_prospects_week', value: (row) => row.prospects_contacted_this_week },
      ];
      writeOut(
        format === 'json'
          ? renderJson(rows)
          : (format === 'csv' ? renderCsv : renderTable)(rows, columns),
      );
    });
}

const STATUS_LABEL: Record<GoalProgress['status'], string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_data: 'no data',
  unknown_metric: 'unknown KPI',
};

function renderProgress(progress: readonly GoalProgress[], format: OutputFormat): string {
  if (format === 'json') return renderJson(progress);
  const valueOf = (row: GoalProgress, value: number | null) =>
    format === 'csv'
      ? value
      : formatResultValue({
          metric: row.metric,
          value,
          unit: findKpi(row.metric)?.unit ?? 'count',
        });
  const columns: TableColumn<GoalProgress>[] = [
    { header: 'metric', value: (row) => row.metric },
    {
      header: 'scope',
      value: (row) => (row.scope_id ? `${row.scope} ${row.scope_id}` : row.scope),
    },
    { header: 'period', value: (row) => `${row.period_start}..${row.period_end}` },
    { header: 'elapsed', value: (row) => `${Math.round(row.elapsed * 100)}%` },
    { header: 'target', value: (row) => valueOf(row, row.target) },
    { header: 'actual', value: (row) => valueOf(row, row.actual) },
    { header: 'expected', value: (row) => valueOf(row, row.expected) },
    { header: 'projected', value: (row) => valueOf(row, row.projected) },
    { header: 'pace', value: (row) => row.pace },
    { header: 'status', value: (row) => STATUS_LABEL[row.status] },
  ];
  return (format === 'csv' ? renderCsv : renderTable)(progress, columns);
}

function renderPlan(plan: ActivityPlan): string {
  const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const lines = [
    `Plan: ${money.format(plan.revenue)} of won revenue in ${plan.period.start}..${plan.period.end}${plan.team ? ` for ${plan.team}` : ''}`,
    `Funnel measured ${plan.lookback.start}..${plan.lookback.end}:`,
    '',
  ];
  const [size, win, conversion, dials] = plan.steps;
  const row = (label: string, arithmetic: string, result: string) =>
    `  ${label.padEnd(16)} ${arithmetic.padEnd(46)} = ${result}`;
  if (size && win && conversion && dials) {
    lines.push(
      row(
        'deals to win',
        `${money.format(plan.revenue)} ÷ ${money.format(size.value)} average deal`,
        String(plan.needed.deals),
      ),
      row(
        'opportunities',
        `${plan.needed.deals} ÷ ${(win.value * 100).toFixed(1)}% win rate`,
        String(plan.needed.opportunities),
      ),
      row(
        'meetings',
        `${plan.needed.opportunities} ÷ ${conversion.value.toFixed(2)} opportunities per meeting`,
        String(plan.needed.meetings),
      ),
      row(
        'dials',
        `${plan.needed.meetings} × ${dials.value.toFixed(1)} dials per meeting`,
        String(plan.needed.dials),
      ),
      row(
        'per rep per day',
        `÷ ${plan.reps.dialing} reps × ${plan.reps.working_days} working days`,
        `${plan.per_rep_per_day.dials} dials, ${plan.per_rep_per_day.meetings} meetings`,
      ),
      '',
      'Each ratio, with the data it rests on:',
    );
    for (const step of plan.steps) {
      lines.push(
        `  ${step.ratio}: ${step.value.toFixed(4)} from ${step.sample_size} (${step.source.kpi})${step.is_thin ? '  ⚠ too little data' : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
