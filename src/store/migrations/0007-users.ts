/**
 * Schema version 7: people who sign in (admin, manager, rep), their browser
 * sessions and their API tokens. Secrets are stored only as hashes: a stolen
 * database file yields no usable password, session or token.
 */
export const users = {
  version: 7,
  name: 'users, sessions and API tokens',
  statements: [
    `CREATE TABLE users (
      id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT, role TEXT NOT NULL,
      rep_id TEXT, created_at TIMESTAMP NOT NULL)`,
    `CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, csrf_token TEXT NOT NULL,
      created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL)`,
    `CREATE TABLE api_tokens (
      token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at TIMESTAMP NOT NULL, last_used_at TIMESTAMP)`,
  ],
} as const;
