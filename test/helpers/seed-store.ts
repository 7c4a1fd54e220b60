/**
 * Puts hand-built rows straight into a store's canonical tables, for KPI
 * fixtures whose arithmetic a test spells out. Values are canonical text (or
 * numbers); columns left out are null; keys an entity does not know go to
 * its JSON attributes, as an import would put them.
 */
import { ENTITIES, type EntityName } from '../../src/domain/entities/index.js';
import type { Store } from '../../src/store/store.js';

export type FixtureRow = Record<string, string | number | boolean | null | undefined>;

export async function insertRows(
  store: Store,
  entityName: EntityName,
  rows: readonly FixtureRow[],
): Promise<void> {
  const entity = ENTITIES.find((candidate) => candidate.name === entityName);
  if (!entity) throw new Error(`no entity ${entityName}`);
  const values = rows.map((row) => {
    const extra = Object.entries(row).filter(
      ([column, value]) => !entity.columns.includes(column) && value != null,
    );
    return [
      ...entity.columns.map((column) => {
        const value = row[column];
        return value === null || value === undefined ? null : String(value);
      }),
      extra.length === 0
        ? null
        : JSON.stringify(Object.fromEntries(extra.map(([key, value]) => [key, String(value)]))),
    ];
  });
  if (values.length > 0)
    await store.appendRows(entity.name, [...entity.columns, 'attributes'], values);
}

/** `n` items built by `build(i)` for i = 0 … n − 1. */
export function times<T>(n: number, build: (index: number) => T): T[] {
  return Array.from({ length: n }, (_, index) => build(index));
}
