/**
 * Runs the real `retain` command as a child process (through tsx, as
 * `npm run retain` does), with no terminal attached, as scripts and CI see it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type CliResult = { status: number | null; stdout: string; stderr: string };

const MAIN = join(import.meta.dirname, '../../src/cli/main.ts');
// Absolute, so the CLI can run from any working directory.
const TSX = import.meta.resolve('tsx');

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new Error(`retain ${args.join(' ')} did not finish in ${options.timeoutMs ?? 120_000} ms`),
      );
    }, options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
