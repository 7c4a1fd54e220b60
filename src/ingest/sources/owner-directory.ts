/**
 * CRM exports name a record's owner by name or e-mail (`Jane Doe`,
 * `jane@acme.com`, `Jane Doe (jane@acme.com)`); Retain stores rep ids. The
 * directory resolves the name through the reps already in the store. A name
 * it does not know is passed on unchanged, so the importer's reference check
 * rejects it with its usual "import the reps first" fix; a name two reps share
 * is a problem here, because no reference check could catch it.
 */
import type { FieldOutcome } from '../../domain/entities/fields.js';
import type { Store } from '../../store/store.js';

export type OwnerDirectory = {
  /** The rep id an owner cell names; an empty cell is null. */
  readonly resolve: (text: string) => FieldOutcome;
};

type RepRow = { id: string; name: string; email: string | null };

const NAME_WITH_EMAIL = /^(.*?)\s*[(<]\s*([^()<>\s]+@[^()<>\s]+)\s*[)>]$/;

export async function readOwnerDirectory(store: Store): Promise<OwnerDirectory> {
  const reps = await store.query<RepRow>(`SELECT id, name, email FROM reps ORDER BY id`);
  const ids = new Set(reps.map((rep) => rep.id));
  const byEmail = groupBy(reps, (rep) => rep.email);
  const byName = groupBy(reps, (rep) => rep.name);
  const pick = (matches: readonly string[] | undefined, text: string): FieldOutcome | undefined => {
    if (matches === undefined) return undefined;
    if (matches.length === 1) return { ok: true, value: matches[0] ?? null };
    return {
      ok: false,
      reason: `names ${matches.length} reps (${matches.join(', ')})`,
      fix: `give each rep a unique name in Retain, or export the owner's e-mail instead of "${text}"`,
    };
  };
  return {
    resolve: (text) => {
      if (text === '') return { ok: true, value: null };
      if (ids.has(text)) return { ok: true, value: text };
      const withEmail = NAME_WITH_EMAIL.exec(text);
      const email = withEmail?.[2] ?? text;
      return (
        pick(byEmail.get(toLookupKey(email)), text) ??
        pick(byName.get(toLookupKey(withEmail?.[1] ?? text)), text) ?? { ok: true, value: text }
      );
    },
  };
}

/** Case and runs of spaces do not tell two people apart. */
function toLookupKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function groupBy(
  reps: readonly RepRow[],
  keyOf: (rep: RepRow) => string | null,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const rep of reps) {
    const key = keyOf(rep);
    if (key === null || key.trim() === '') continue;
    const ids = groups.get(toLookupKey(key)) ?? [];
    ids.push(rep.id);
    groups.set(toLookupKey(key), ids);
  }
  return groups;
}
