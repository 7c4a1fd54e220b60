/**
 * The options every KPI report shares (range, zone, filters, as-of), declared
 * once so `metrics`, `cohorts` and `survival` read them the same way. A report
 * without periods (survival) declares no `--grain`, so none is silently ignored.
 */
import type { Command } from 'commander';
import type { MetricQuery } from '../metrics/compute-metrics.js';
import { findEmptyFilters } from '../metrics/dimensions.js';
import { parseAsOf, type MetricRequest } from '../metrics/parse-metric-request.js';
import type { Store } from '../store/store.js';
import { writeErr } from './context.js';

export type SliceOptions = {
  grain?: string;
  from?: string;
  to?: string;
  tz?: string;
  where: string[];
  /** A local date in `tz`, read when the zone is known (see parseAsOf). */
  asOf?: string;
  by?: string;
};

export function addSliceOptions(
  command: Command,
  defaults: { grain?: string; fromHelp: string },
): Command {
  if (defaults.grain !== undefined)
    command.option('--grain <grain>', 'day, week, month, quarter or year', defaults.grain);
  const isBucketed = defaults.grain !== undefined;
  return command
    .option(
      '--from <date>',
      `first date${isBucketed ? ', floored to its period' : ''} (default: ${defaults.fromHelp})`,
    )
    .option(
      '--to <date>',
      `end date, exclusive (default: through ${isBucketed ? 'the period holding ' : ''}--as-of)`,
    )
    .option('--tz <zone>', 'reporting time zone deciding period boundaries', 'UTC')
    .option(
      '--where <col=value>',
      'filter on a customer column or attribute (repeatable)',
      collect,
      [],
    )
    .option(
      '--as-of <date>',
      'report as of the start of this day in --tz; the range runs through it (default: now)',
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function toMetricRequest(options: SliceOptions): MetricRequest {
  return {
    asOf: options.asOf === undefined ? new Date() : parseAsOf(options.asOf, options.tz ?? 'UTC'),
    where: options.where,
    ...(options.grain === undefined ? {} : { grain: options.grain }),
    ...(options.tz === undefined ? {} : { timeZone: options.tz }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(options.by === undefined ? {} : { by: options.by }),
  };
}

/** Says on stderr which --where values no row has, so an all-zero report is not taken for a fact. */
export async function warnAboutEmptyFilters(store: Store, query: MetricQuery): Promise<void> {
  for (const { filter, hint } of await findEmptyFilters(store, query.filters)) {
    writeErr(
      `retain: warning: no row has ${filter.column} = "${filter.value}", so every result is empty.\n  ${hint}\n`,
    );
  }
}
