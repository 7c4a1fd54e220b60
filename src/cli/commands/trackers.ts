/**
 * `retain trackers list|set|reset|scan|trends`: the workspace's keyword
 * trackers, scanning the stored conversations for them, and their weekly
 * trends.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { scanConversations } from '../../models/trackers/scan-conversations.js';
import {
  parseTrackers,
  readTrackers,
  writeTrackers,
  type Tracker,
} from '../../models/trackers/tracker-definitions.js';
import { readTrackerTrends, type TrackerWeek } from '../../models/trackers/tracker-trends.js';
import { configOf, withRuntime, writeErr, writeOut } from '../context.js';
import {
  parseOutputFormat,
  renderCsv,
  renderJson,
  renderRows,
  renderTable,
  type TableColumn,
} from '../output.js';
import { parseDateOption } from '../parse-options.js';
import { startProgress } from '../progress.js';

type FormatOption = { format?: string };
const DAY_MS = 86_400_000;
const DEFAULT_TREND_DAYS = 84;

const TRACKER_COLUMNS: readonly TableColumn<Tracker>[] = [
  { header: 'tracker', value: (tracker) => tracker.name },
  { header: 'speaker', value: (tracker) => tracker.speaker },
  { header: 'negation window', value: (tracker) => tracker.negation_window },
  { header: 'phrases', value: (tracker) => tracker.phrases.join(', ') },
];

const WEEK_COLUMNS: readonly TableColumn<TrackerWeek>[] = [
  { header: 'week', value: (row) => row.week_start },
  { header: 'tracker', value: (row) => row.tracker },
  { header: 'conversations', value: (row) => row.conversations },
  { header: 'with hits', value: (row) => row.conversations_with_hits },
  { header: 'hits', value: (row) => row.hits },
  {
    header: 'share',
    value: (row) => (row.share === null ? null : `${(row.share * 100).toFixed(1)} %`),
  },
];

export function registerTrackersCommand(program: Command): void {
  const trackers = program
    .command('trackers')
    .description('Keyword trackers over call transcripts: the phrases, a scan, weekly trends');

  trackers
    .command('list')
    .description('The workspace’s trackers (the defaults until you set your own)')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const rows = await withRuntime(command, ({ store }) => readTrackers(store));
      writeOut(renderRows(rows, TRACKER_COLUMNS, format));
    });

  trackers
    .command('set')
    .description(
      'Replace the workspace’s trackers with those of a JSON file (see retain trackers list --format json)',
    )
    .argument('<file>', 'a JSON array of {name, phrases, speaker, negation_window}')
    .action(async (file: string, _options: unknown, command: Command) => {
      const parsed = parseTrackers(await readFile(file, 'utf8'), file);
      await withRuntime(command, ({ store }) => writeTrackers(store, parsed));
      writeErr(`Saved ${parsed.length} tracker(s). Apply them with: retain trackers scan\n`);
    });

  trackers
    .command('reset')
    .description('Go back to the default trackers')
    .action(async (_options: unknown, command: Command) => {
      await withRuntime(command, ({ store }) => writeTrackers(store, undefined));
      writeErr('Back to the default trackers. Apply them with: retain trackers scan\n');
    });

  trackers
    .command('scan')
    .description('Scan every conversation with the current trackers, replacing the previous hits')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption, command: Command) => {
      const config = configOf(command);
      const format = parseOutputFormat(options.format, config.isStdoutTerminal);
      const progress = startProgress('Scanning', config.isInteractive, ' conversations');
      const report = await withRuntime(command, async ({ store, now }) =>
        scanConversations(store, await readTrackers(store), {
          now: now(),
          onProgress: (done, total) => progress.update(done, total),
        }),
      ).finally(() => progress.stop());
      writeErr(`Scanned ${report.conversations} conversation(s): ${report.hits} hit(s).\n`);
      const rows = Object.entries(report.conversationsByTracker).map(([tracker, n]) => ({
        tracker,
        conversations_with_hits: n,
      }));
      if (format === 'json') writeOut(renderJson(report));
      else
        writeOut(
          (format === 'csv' ? renderCsv : renderTable)(rows, [
            { header: 'tracker', value: (row) => row.tracker },
            { header: 'conversations with hits', value: (row) => row.conversations_with_hits },
          ]),
        );
    });

  trackers
    .command('trends')
    .description('Per ISO week and tracker: conversations, those with hits, and their share')
    .option('--from <date>', 'first day (default: 12 weeks before --to)', parseDateOption)
    .option('--to <date>', 'day after the last (default: tomorrow)', parseDateOption)
    .option('--format <format>', 'table, json or csv')
    .action(async (options: FormatOption & { from?: Date; to?: Date }, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const rows = await withRuntime(command, ({ store, now }) => {
        const to = options.to ?? new Date(now().getTime() + DAY_MS);
        const from = options.from ?? new Date(to.getTime() - DEFAULT_TREND_DAYS * DAY_MS);
        return readTrackerTrends(store, {
          from: from.toISOString().slice(0, 10),
          to: to.toISOString().slice(0, 10),
        });
      });
      writeOut(renderRows(rows, WEEK_COLUMNS, format));
    });
}
