/**
 * Configuration, read once: flags, then environment, then defaults. Nothing
 * outside this folder reads `process.env`.
 */
import { z } from 'zod';

const configSchema = z.object({
  db: z
    .string()
    .min(1)
    .default('./retain.duckdb')
    .describe('DuckDB file path, or a postgres:// URL (env RETAIN_DB)'),
  isInteractive: z.boolean().describe('stderr is a terminal and not under CI: show progress bars'),
  isStdoutTerminal: z.boolean().describe('stdout is a terminal: print tables rather than JSON'),
});

export type Config = z.infer<typeof configSchema>;

export type ConfigFlags = { db?: string | undefined };

export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): Config {
  const isCi = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return configSchema.parse({
    db: flags.db ?? (env.RETAIN_DB || undefined),
    isInteractive: process.stderr.isTTY === true && !isCi,
    isStdoutTerminal: process.stdout.isTTY === true,
  });
}
