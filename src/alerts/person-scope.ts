/**
 * Whose view an alert list or a digest is: one rep (their own book), a
 * manager (their team's), or the whole company. The same rule the API
 * applies to a signed-in user (src/api/auth/scope.ts), stated for a rep id.
 */
import { RetainError } from '../domain/errors.js';
import type { SqlValue, Store } from '../store/store.js';

export type Person = {
  id: string;
  name: string;
  email: string | null;
  role: string | null;
  team: string | null;
};

/** `undefined` person: the whole company. */
export type PersonScope = { readonly person: Person | undefined };

export async function findPersonOrThrow(store: Store, repId: string): Promise<Person> {
  const [rep] = await store.query<Person>(
    `SELECT id, name, email, role, team FROM reps WHERE id = $1`,
    [repId],
  );
  if (!rep) {
    throw new RetainError('NOT_FOUND', `There is no rep with id ${repId}.`, {
      hint: 'Check the id in the reps table (retain export reps, or the dashboard’s Settings).',
    });
  }
  return rep;
}

export function isTeamManager(person: Person): boolean {
  return person.role === 'manager' && person.team !== null;
}

/**
 * SQL (parameters numbered from `first`) holding for rows whose owning rep,
 * in `repColumn`, is in the person's view: a manager's team, else the rep.
 */
export function buildPersonFilter(
  person: Person | undefined,
  repColumn: string,
  first: number,
): { sql: string; params: SqlValue[] } {
  if (!person) return { sql: 'TRUE', params: [] };
  if (isTeamManager(person)) {
    return {
      sql: `${repColumn} IN (SELECT id FROM reps WHERE team = $${first})`,
      params: [person.team],
    };
  }
  return { sql: `${repColumn} = $${first}`, params: [person.id] };
}
