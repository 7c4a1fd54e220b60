/**
 * Users, sessions and API tokens in the store. Tokens and session ids are
 * random 32-byte secrets handed out once; only their SHA-256 is kept.
 * `retain users …` and the HTTP API both go through these functions.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RetainError } from '../../domain/errors.js';
import type { Store } from '../../store/store.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const ROLES = ['admin', 'manager', 'rep'] as const;
export type Role = (typeof ROLES)[number];

export type User = {
  id: string;
  email: string;
  role: Role;
  rep_id: string | null;
  created_at: string;
};

/** Who is asking: the user plus the team their rep belongs to (for a manager's scope). */
export type Principal = User & { team: string | null };

const SESSION_HOURS = 12;

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');
const nowSql = (now: Date) => now.toISOString().slice(0, 23).replace('T', ' ');

export async function createUser(
  store: Store,
  input: { email: string; role: Role; repId?: string | undefined; password?: string | undefined },
  now = new Date(),
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw new RetainError('INVALID_ARGUMENT', `"${input.email}" is not an e-mail address.`, {
      hint: 'Use name@company.com.',
    });
  }
  if (input.role !== 'admin' && !input.repId) {
    throw new RetainError('INVALID_ARGUMENT', `A ${input.role} must be linked to a rep.`, {
      hint: 'Pass --rep-id with the id of their row in reps (their customers and team come from it).',
    });
  }
  if (input.repId) {
    const [rep] = await store.query(`SELECT id FROM reps WHERE id = $1`, [input.repId]);
    if (!rep) {
      throw new RetainError('NOT_FOUND', `There is no rep with id ${input.repId}.`, {
        hint: 'Import the reps first, or check the id.',
      });
    }
  }
  if (input.password !== undefined && input.password.length < 10) {
    throw new RetainError('INVALID_ARGUMENT', 'The password is shorter than 10 characters.', {
      hint: 'Choose a longer one.',
    });
  }
  const [existing] = await store.query(`SELECT id FROM users WHERE email = $1`, [email]);
  if (existing)
    throw new RetainError('CONFLICT', `A user with e-mail ${email} already exists.`, {
      hint: 'Remove it first, or pick another e-mail.',
    });
  const user: User = {
    id: randomUUID(),
    email,
    role: input.role,
    rep_id: input.repId ?? null,
    created_at: now.toISOString(),
  };
  await store.query(
    `INSERT INTO users (id, email, password_hash, role, rep_id, created_at) VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP))`,
    [
      user.id,
      email,
      input.password === undefined ? null : await hashPassword(input.password),
      user.role,
      user.rep_id,
      nowSql(now),
    ],
  );
  return user;
}

export async function listUsers(store: Store): Promise<User[]> {
  return store.query<User>(`SELECT id, email, role, rep_id, created_at FROM users ORDER BY email`);
}

export async function removeUser(store: Store, email: string): Promise<void> {
  const user = await findUserByEmailOrThrow(store, email);
  await store.transaction(async (tx) => {
    await tx.query(`DELETE FROM sessions WHERE user_id = $1`, [user.id]);
    await tx.query(`DELETE FROM api_tokens WHERE user_id = $1`, [user.id]);
    await tx.query(`DELETE FROM users WHERE id = $1`, [user.id]);
  });
}

export async function findUserByEmailOrThrow(store: Store, email: string): Promise<User> {
  const [user] = await store.query<User>(
    `SELECT id, email, role, rep_id, created_at FROM users WHERE email = $1`,
    [email.trim().toLowerCase()],
  );
  if (!user)
    throw new RetainError('NOT_FOUND', `There is no user with e-mail ${email}.`, {
      hint: 'retain users list shows who exists.',
    });
  return user;
}

/** A new API token for the user: shown once, stored hashed. */
export async function issueApiToken(
  store: Store,
  email: string,
  now = new Date(),
): Promise<string> {
  const user = await findUserByEmailOrThrow(store, email);
  const token = `rt_${newSecret()}`;
  await store.query(
    `INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES ($1, $2, CAST($3 AS TIMESTAMP))`,
    [sha256(token), user.id, nowSql(now)],
  );
  return token;
}

/** The user whose e-mail and password match, or undefined (never says which was wrong). */
export async function authenticatePassword(
  store: Store,
  email: string,
  password: string,
): Promise<User | undefined> {
  const [row] = await store.query<User & { password_hash: string | null }>(
    `SELECT id, email, role, rep_id, created_at, password_hash FROM users WHERE email = $1`,
    [email.trim().toLowerCase()],
  );
  // Hash anyway when the user is unknown, so timing does not reveal who exists.
  const isValid = await verifyPassword(
    password,
    row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA',
  );
  if (!row || !row.password_hash || !isValid) return undefined;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    rep_id: row.rep_id,
    created_at: row.created_at,
  };
}

export async function createSession(
  store: Store,
  userId: string,
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await store.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
     VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), CAST($5 AS TIMESTAMP))`,
    [sha256(token), userId, csrfToken, nowSql(now), nowSql(expires)],
  );
  return { token, csrfToken };
}

export async function deleteSession(store: Store, token: string): Promise<void> {
  await store.query(`DELETE FROM sessions WHERE token_hash = $1`, [sha256(token)]);
}

/** The principal behind a session cookie, with its CSRF token; undefined when unknown or expired. */
export async function findSessionPrincipal(
  store: Store,
  token: string,
  now = new Date(),
): Promise<{ principal: Principal; csrfToken: string } | undefined> {
  const [row] = await store.query<Principal & { csrf_token: string }>(
    `SELECT u.id, u.email, u.role, u.rep_id, u.created_at, r.team, s.csrf_token
     FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN reps r ON r.id = u.rep_id
     WHERE s.token_hash = $1 AND s.expires_at > CAST($2 AS TIMESTAMP)`,
    [sha256(token), nowSql(now)],
  );
  if (!row) return undefined;
  const { csrf_token: csrfToken, ...principal } = row;
  return { principal, csrfToken };
}

export async function findTokenPrincipal(
  store: Store,
  token: string,
): Promise<Principal | undefined> {
  const [row] = await store.query<Principal>(
    `SELECT u.id, u.email, u.role, u.rep_id, u.created_at, r.team
     FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN reps r ON r.id = u.rep_id
     WHERE t.token_hash = $1`,
    [sha256(token)],
  );
  return row;
}
