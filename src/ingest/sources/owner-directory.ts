/**
 * CRM exports name a record's owner by name or e-mail (`Jane Doe`,
 * `jane@acme.com`, `Jane Doe (jane@acme.com)`); Retain stores rep ids. The
 * directory resolves the owner through the reps already in the store, the
 * e-mail first, as a name directory does (see name-directory.ts for what
 * happens to unknown and shared names).
 */
import type { Store } from '../../store/store.js';
import { findUnique, indexByName, type NameDirectory } from './name-directory.js';

export type OwnerDirectory = NameDirectory;

type RepRow = { id: string; name: string; email: string | null };

const NAME_WITH_EMAIL = /^(.*?)\s*[(<]\s*([^()<>\s]+@[^()<>\s]+)\s*[)>]$/;

export async function readOwnerDirectory(store: Store): Promise<OwnerDirectory> {
  const reps = await store.query<RepRow>(`SELECT id, name, email FROM reps ORDER BY id`);
  const ids = new Set(reps.map((rep) => rep.id));
  const byEmail = indexByName(reps, (rep) => rep.email);
  const byName = indexByName(reps, (rep) => rep.name);
  return {
    resolve: (text) => {
      if (text === '') return { ok: true, value: null };
      if (ids.has(text)) return { ok: true, value: text };
      const withEmail = NAME_WITH_EMAIL.exec(text);
      const fix = `give each rep a unique name in Retain, or export the owner's e-mail instead of "${text}"`;
      return (
        findUnique(byEmail, withEmail?.[2] ?? text, 'reps', fix) ??
        findUnique(byName, withEmail?.[1] ?? text, 'reps', fix) ?? { ok: true, value: text }
      );
    },
  };
}
