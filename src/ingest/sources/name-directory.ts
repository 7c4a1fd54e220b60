/**
 * Exports name the records they point at (a customer, a deal, a rep's e-mail)
 * where Retain stores ids. A directory resolves such a name through the
 * records already in the store, ignoring case and runs of spaces. A name it
 * does not know is passed on unchanged, so the importer's reference check
 * rejects it with its usual "import … first" fix; a name two records share is
 * a problem here, because no reference check could catch it.
 */
import type { FieldOutcome } from '../../domain/entities/fields.js';
import type { Store } from '../../store/store.js';

export type NameDirectory = {
  /** The id a cell names; an empty cell is null. */
  readonly resolve: (text: string) => FieldOutcome;
};

/** Ids by lookup key. */
export type NameIndex = ReadonlyMap<string, readonly string[]>;

/** Tables whose records an export may name instead of giving their id, and one record's noun. */
const NAMED_TABLES = { customers: 'customer', deals: 'deal' } as const;

/** Resolves the ids and names of `table`'s records. */
export async function readNameDirectory(
  store: Store,
  table: keyof typeof NAMED_TABLES,
): Promise<NameDirectory> {
  const rows = await store.query<{ id: string; name: string | null }>(
    `SELECT id, name FROM ${table} ORDER BY id`,
  );
  const ids = new Set(rows.map((row) => row.id));
  const byName = indexByName(rows, (row) => row.name);
  const noun = NAMED_TABLES[table];
  return {
    resolve: (text) => {
      if (text === '') return { ok: true, value: null };
      if (ids.has(text)) return { ok: true, value: text };
      const fix = `give each ${noun} a unique name in Retain, or put its id in a ${noun}_id column instead of "${text}"`;
      return findUnique(byName, text, table, fix) ?? { ok: true, value: text };
    },
  };
}

/** The one id `key` names in `index`; a problem naming them all when it names several. */
export function findUnique(
  index: NameIndex,
  key: string,
  table: string,
  fix: string,
): FieldOutcome | undefined {
  const matches = index.get(toLookupKey(key));
  if (matches === undefined) return undefined;
  if (matches.length === 1) return { ok: true, value: matches[0] ?? null };
  return { ok: false, reason: `names ${matches.length} ${table} (${matches.join(', ')})`, fix };
}

export function indexByName<TRow extends { id: string }>(
  rows: readonly TRow[],
  keyOf: (row: TRow) => string | null,
): NameIndex {
  const index = new Map<string, string[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null || key.trim() === '') continue;
    const ids = index.get(toLookupKey(key)) ?? [];
    ids.push(row.id);
    index.set(toLookupKey(key), ids);
  }
  return index;
}

/** Case and runs of spaces do not tell two records apart. */
function toLookupKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
