/**
 * What every command needs from the process: configuration from the global
 * flags, a runtime that is always closed, and stdout. Commands never read
 * `process.env` or open stores themselves.
 */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config/config.js';
import { openRuntime, type Runtime } from '../runtime.js';

export type GlobalOptions = { db?: string };

export function configOf(command: Command): Config {
  return loadConfig(command.optsWithGlobals<GlobalOptions>());
}

/** Opens the runtime for one command and closes it however the command ends. */
export async function withRuntime<T>(
  command: Command,
  work: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(configOf(command));
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export function writeOut(text: string): void {
  process.stdout.write(text);
}

export function writeErr(text: string): void {
  process.stderr.write(text);
}
