/**
 * `retain alerts run|list|ack|resolve|deliver|channels`: raise alerts from
 * the rules, read and move them through their states, send what is owed to
 * the delivery channels, and manage those channels.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ALERT_STATES, type Alert, type AlertState } from '../../alerts/alert.js';
import { acknowledgeAlert, readAlerts, resolveAlert } from '../../alerts/alert-log.js';
import {
  addChannel,
  CHANNEL_KINDS,
  maskTarget,
  readChannels,
  removeChannel,
} from '../../alerts/channels.js';
import { deliverAlerts, type DeliveryOutcome } from '../../alerts/delivery/deliver-alerts.js';
import { DEFAULT_DELIVERY_POLICY } from '../../alerts/delivery/delivery-policy.js';
import { buildPersonFilter, findPersonOrThrow } from '../../alerts/person-scope.js';
import { runAlertRules } from '../../alerts/run-alert-rules.js';
import { configOf, withRuntime, writeErr, writeOut } from '../context.js';
import { EXIT_REJECTED_ROWS } from '../exit-codes.js';
import { parseOutputFormat, renderRows, type OutputFormat, type TableColumn } from '../output.js';
import { parseDateOption } from '../parse-options.js';

type FormatOption = { format?: string };

const ALERT_COLUMNS: readonly TableColumn<Alert>[] = [
  { header: 'id', value: (alert) => alert.id },
  { header: 'kind', value: (alert) => alert.kind },
  { header: 'state', value: (alert) => alert.state },
  { header: 'assignee', value: (alert) => alert.assignee_rep_id },
  { header: 'due', value: (alert) => alert.task_due },
  { header: 'title', value: (alert) => alert.title },
  { header: 'task', value: (alert) => alert.task },
];

export function registerAlertsCommand(program: Command): void {
  const alerts = program
    .command('alerts')
    .description(
      'Alerts on at-risk customers, expiring cards, tracker hits and goals behind pace, and their delivery',
    );

  alerts
    .command('run')
    .description('Run the alert rules and raise what is new (re-running never duplicates an alert)')
    .option('--as-of <date>', 'look at the data as of this day (default: now)', parseDateOption)
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption & { asOf?: Date }, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const report = await withRuntime(command, ({ store, now, metricCache }) =>
        runAlertRules(store, { asOf: options.asOf ?? now(), now: now(), cache: metricCache }),
      );
      for (const line of report.skipped) writeErr(`Skipped: ${line}\n`);
      writeErr(
        `Raised ${report.raised.length} new alert(s); the rules found ${report.found}, the rest raised before.\n`,
      );
      if (report.raised.length > 0) writeErr('Send them with: retain alerts deliver\n');
      writeOut(renderAlerts(report.raised, format));
    });

  alerts
    .command('list')
    .description('List alerts, newest first')
    .addOption(new Option('--state <state>', 'only alerts in this state').choices(ALERT_STATES))
    .option('--rep <id>', 'only alerts this rep must act on (a manager: their team’s)')
    .option('--format <format>', 'table, json or csv')
    .action(
      async (options: FormatOption & { state?: AlertState; rep?: string }, command: Command) => {
        const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
        const rows = await withRuntime(command, async ({ store }) => {
          const person = options.rep ? await findPersonOrThrow(store, options.rep) : undefined;
          return readAlerts(store, {
            state: options.state,
            scope: person
              ? (first) => buildPersonFilter(person, 'a.assignee_rep_id', first)
              : undefined,
          });
        });
        writeOut(renderAlerts(rows, format));
      },
    );

  alerts
    .command('ack')
    .description('Acknowledge an alert: someone is on it')
    .argument('<id>', 'the alert id (see retain alerts list)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const alert = await withRuntime(command, ({ store, now }) =>
        acknowledgeAlert(store, id, now()),
      );
      writeErr(`Acknowledged ${alert.id} at ${alert.acknowledged_at ?? ''}.\n`);
    });

  alerts
    .command('resolve')
    .description('Resolve an alert: the follow-up is done')
    .argument('<id>', 'the alert id (see retain alerts list)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const alert = await withRuntime(command, ({ store, now }) => resolveAlert(store, id, now()));
      writeErr(`Resolved ${alert.id} at ${alert.resolved_at ?? ''}.\n`);
    });

  alerts
    .command('deliver')
    .description(
      'Send pending deliveries, retrying failures with backoff; pending ones survive a restart',
    )
    .option(
      '--max-wait <seconds>',
      'how long to wait in this run for retries falling due',
      parseSeconds,
      DEFAULT_DELIVERY_POLICY.maxWaitMs / 1000,
    )
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption & { maxWait: number }, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const report = await withRuntime(command, ({ store, now }) =>
        deliverAlerts(store, {
          ...DEFAULT_DELIVERY_POLICY,
          now,
          maxWaitMs: options.maxWait * 1000,
        }),
      );
      writeErr(
        `Sent ${report.sent}; ${report.failed} gave up after their last attempt; ${report.pending} still pending.\n`,
      );
      if (report.pending > 0)
        writeErr('Pending deliveries go out on the next retain alerts deliver.\n');
      if (report.failed > 0) process.exitCode = EXIT_REJECTED_ROWS;
      writeOut(renderAttempts(report.attempts, format));
    });

  registerChannelCommands(alerts);
}

function registerChannelCommands(alerts: Command): void {
  const channels = alerts.command('channels').description('Where alerts are delivered');

  channels
    .command('add')
    .description('Add a delivery channel; it receives every alert raised from now on')
    .addOption(
      new Option('--kind <kind>', 'the kind of channel')
        .choices(CHANNEL_KINDS)
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--target <target>',
      'webhook/slack: the URL; email: smtp://[user:pass@]host:port?to=address[&from=address]',
    )
    .option('--secret <secret>', 'webhook: the HMAC-SHA256 signing secret (default: a random one)')
    .action(
      async (options: { kind: string; target: string; secret?: string }, command: Command) => {
        const channel = await withRuntime(command, ({ store, now }) =>
          addChannel(store, options, now()),
        );
        writeErr(`Added ${channel.kind} channel ${channel.id}.\n`);
        if (channel.secret && options.secret === undefined) {
          writeErr(
            `Its signing secret (shown once; verify X-Retain-Signature with it): ${channel.secret}\n`,
          );
        }
        writeOut(`${channel.id}\n`);
      },
    );

  channels
    .command('list')
    .description('List delivery channels (passwords and secrets masked)')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const rows = await withRuntime(command, ({ store }) => readChannels(store));
      const shown = rows.map((channel) => ({
        id: channel.id,
        kind: channel.kind,
        target: maskTarget(channel.target),
        is_signed: channel.secret !== null,
        enabled: channel.enabled,
        created_at: channel.created_at,
      }));
      const columns: TableColumn<(typeof shown)[number]>[] = [
        { header: 'id', value: (row) => row.id },
        { header: 'kind', value: (row) => row.kind },
        { header: 'target', value: (row) => row.target },
        { header: 'signed', value: (row) => (row.is_signed ? 'yes' : 'no') },
        { header: 'enabled', value: (row) => (row.enabled ? 'yes' : 'no') },
      ];
      writeOut(renderRows(shown, columns, format));
    });

  channels
    .command('remove')
    .description('Remove a channel; deliveries it still owed are kept as failed')
    .argument('<id>', 'the channel id (see retain alerts channels list)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const abandoned = await withRuntime(command, ({ store }) => removeChannel(store, id));
      writeErr(
        `Removed channel ${id}${abandoned > 0 ? `; ${abandoned} undelivered alert(s) kept as failed` : ''}.\n`,
      );
    });
}

function renderAlerts(alerts: readonly Alert[], format: OutputFormat): string {
  return renderRows(alerts, ALERT_COLUMNS, format);
}

function renderAttempts(attempts: readonly DeliveryOutcome[], format: OutputFormat): string {
  const columns: TableColumn<DeliveryOutcome>[] = [
    { header: 'alert', value: (row) => row.alert_id },
    { header: 'channel', value: (row) => row.channel_id },
    { header: 'attempt', value: (row) => row.attempt },
    { header: 'status', value: (row) => row.status },
    { header: 'error', value: (row) => row.error },
  ];
  return renderRows(attempts, columns, format);
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new InvalidArgumentError(`"${value}" is not a number of seconds (0 or more).`);
  }
  return seconds;
}
