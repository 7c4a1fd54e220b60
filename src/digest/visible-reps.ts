/** The reps whose book a digest covers: undefined for the whole company. */
import { buildPersonFilter } from '../alerts/person-scope.js';
import type { Store } from '../store/store.js';
import type { DigestPerson } from './digest.js';

export async function readVisibleReps(
  store: Store,
  person: DigestPerson,
): Promise<ReadonlySet<string> | undefined> {
  if (!person) return undefined;
  const filter = buildPersonFilter(person, 'id', 1);
  const rows = await store.query<{ id: string }>(
    `SELECT id FROM reps WHERE ${filter.sql}`,
    filter.params,
  );
  return new Set(rows.map((row) => row.id));
}
