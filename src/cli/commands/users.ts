/**
 * `retain users add|list|remove|token`: who may sign in to the dashboard and
 * the API. The first admin is created here.
 */
import { Option, type Command } from 'commander';
import {
  createUser,
  issueApiToken,
  listUsers,
  removeUser,
  ROLES,
  type Role,
} from '../../api/auth/users.js';
import { RetainError } from '../../domain/errors.js';
import { configOf, withRuntime, writeErr, writeOut } from '../context.js';
import { parseOutputFormat, renderCsv, renderJson, renderTable } from '../output.js';

type AddOptions = { email: string; role: Role; repId?: string; passwordStdin?: boolean };

export function registerUsersCommand(program: Command): void {
  const users = program
    .command('users')
    .description('Manage who may sign in (admin, manager, rep)');
  users
    .command('add')
    .description('Add a user; the password is read from standard input with --password-stdin')
    .requiredOption('--email <email>', 'their e-mail, used to sign in')
    .addOption(
      new Option('--role <role>', 'what they may see').choices([...ROLES]).makeOptionMandatory(),
    )
    .option('--rep-id <id>', 'their row in reps (required for managers and reps)')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: AddOptions, command: Command) => {
      const password = options.passwordStdin ? await readStdin() : undefined;
      const user = await withRuntime(command, ({ store }) =>
        createUser(store, {
          email: options.email,
          role: options.role,
          repId: options.repId,
          password,
        }),
      );
      writeErr(
        `Added ${user.email} (${user.role}).${password === undefined ? ' No password: they can use an API token only.' : ''}\n`,
      );
    });
  users
    .command('list')
    .description('List users')
    .option('--format <format>', 'table, json or csv')
    .action(async (options: { format?: string }, command: Command) => {
      const format = parseOutputFormat(options.format, configOf(command).isStdoutTerminal);
      const rows = await withRuntime(command, ({ store }) => listUsers(store));
      const columns = [
        { header: 'email', value: (row: (typeof rows)[number]) => row.email },
        { header: 'role', value: (row: (typeof rows)[number]) => row.role },
        { header: 'rep_id', value: (row: (typeof rows)[number]) => row.rep_id },
        { header: 'created_at', value: (row: (typeof rows)[number]) => row.created_at },
      ];
      writeOut(
        format === 'json'
          ? renderJson(rows)
          : (format === 'csv' ? renderCsv : renderTable)(rows, columns),
      );
    });
  users
    .command('remove')
    .description('Remove a user, their sessions and tokens')
    .requiredOption('--email <email>', 'who')
    .action(async (options: { email: string }, command: Command) => {
      await withRuntime(command, ({ store }) => removeUser(store, options.email));
      writeErr(`Removed ${options.email}.\n`);
    });
  users
    .command('token')
    .description('Print a new API token for a user (shown once)')
    .requiredOption('--email <email>', 'whose')
    .action(async (options: { email: string }, command: Command) => {
      const token = await withRuntime(command, ({ store }) => issueApiToken(store, options.email));
      writeOut(`${token}\n`);
    });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      '--password-stdin reads the password from a pipe, not a terminal.',
      {
        hint: 'For example: printf \'%s\' "$PASSWORD" | retain users add --email … --password-stdin',
      },
    );
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}
