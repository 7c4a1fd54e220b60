/**
 * The `retain` program. Each command lives in its own file under commands/;
 * this file wires them and turns every failure into one line (what went
 * wrong, what to do) and an exit status, never a stack trace for user errors.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { RetainError } from '../domain/errors.js';
import { registerAlertsCommand } from './commands/alerts.js';
import { registerClvCommand } from './commands/clv.js';
import { registerCohortsCommand } from './commands/cohorts.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDigestCommand } from './commands/digest.js';
import { registerExportCommand } from './commands/export.js';
import { registerGoalsCommand } from './commands/goals.js';
import { registerImportCommand } from './commands/import.js';
import { registerMetricsCommand } from './commands/metrics.js';
import { registerRiskCommand } from './commands/risk.js';
import { registerTrackersCommand } from './commands/trackers.js';
import { registerServeCommand } from './commands/serve.js';
import { registerStartCommand } from './commands/start.js';
import { registerSurvivalCommand } from './commands/survival.js';
import { registerUsersCommand } from './commands/users.js';
import { writeErr } from './context.js';
import { EXIT_BAD_ARGUMENTS, exitCodeOf } from './exit-codes.js';

export function buildProgram(): Command {
  const program = new Command('retain')
    .description('Sales and customer-retention KPIs you can audit, from the data you already have.')
    .option('--db <path>', 'DuckDB file, or a postgres:// URL (env RETAIN_DB)', undefined)
    .showHelpAfterError()
    .exitOverride();
  registerStartCommand(program);
  registerDemoCommand(program);
  registerImportCommand(program);
  registerMetricsCommand(program);
  registerCohortsCommand(program);
  registerSurvivalCommand(program);
  registerClvCommand(program);
  registerExportCommand(program);
  registerGoalsCommand(program);
  registerServeCommand(program);
  registerUsersCommand(program);
  registerAlertsCommand(program);
  registerDigestCommand(program);
  registerTrackersCommand(program);
  registerRiskCommand(program);
  return program;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    return reportFailure(error);
  }
}

function reportFailure(error: unknown): number {
  if (error instanceof InvalidArgumentError) {
    // Commander prints these only when an option parser throws them; from an action it never saw them.
    writeErr(`retain: ${error.message}\n`);
    return EXIT_BAD_ARGUMENTS;
  }
  if (error instanceof CommanderError) {
    // Commander has already printed its message (and the help, for usage errors).
    return error.exitCode === 0 ? 0 : EXIT_BAD_ARGUMENTS;
  }
  if (error instanceof RetainError) {
    writeErr(`retain: ${error.message}\n`);
    if (error.hint) writeErr(`  ${error.hint}\n`);
    return exitCodeOf(error.code);
  }
  throw error;
}
