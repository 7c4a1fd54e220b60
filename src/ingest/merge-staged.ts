/**
 * Checks that span rows and the upsert of staged rows into the canonical
 * table, as SQL both engines run. Rows failing a check move to the rejects
 * table with their file, line and reason; the rest are upserted by key, and
 * a row equal to what is stored counts as unchanged (so a re-import is a no-op).
 */
import type { Entity } from '../domain/entities/index.js';
import type { Store } from '../store/store.js';
import { FILES_TABLE, REJECTS_TABLE, stageTableOf } from './staging.js';

export type MergeCounts = { inserted: number; updated: number; unchanged: number };

/** Moves every row that repeats an earlier row's key to the rejects. */
export async function rejectRepeatedKeys(store: Store, entity: Entity): Promise<void> {
  const q = store.dialect.quoteIdentifier;
  const stage = stageTableOf(entity);
  const key = entity.key.map(q).join(', ');
  const keyText = entity.key.map((column) => `s.${q(column)}`).join(` || ', ' || `);
  const keyName = entity.key.join(' and ');
  await store.query(
    `INSERT INTO ${REJECTS_TABLE}
     SELECT s._seq, s._file_index, f.file, s._line, $1, ${keyText},
            'repeats the ' || $2 || ' of ' || first.file || ' line ' || s.first_line,
            'keep one row per ' || $2 || ': merge the two rows or remove one'
     FROM (
       SELECT st.*,
              row_number() OVER (PARTITION BY ${key} ORDER BY CAST(_seq AS BIGINT)) AS occurrence,
              first_value(_file_index) OVER (PARTITION BY ${key} ORDER BY CAST(_seq AS BIGINT)) AS first_file_index,
              first_value(_line) OVER (PARTITION BY ${key} ORDER BY CAST(_seq AS BIGINT)) AS first_line
       FROM ${stage} st
     ) s
     JOIN ${FILES_TABLE} f ON f.file_index = s._file_index
     JOIN ${FILES_TABLE} first ON first.file_index = s.first_file_index
     WHERE s.occurrence > 1`,
    [entity.key.join(','), keyName],
  );
  await dropRejectedRows(store, entity);
}

/**
 * Moves every row whose reference names a row that is neither stored nor in
 * this import to the rejects. Entities are merged in dependency order, so
 * "stored" already includes the referenced rows of the same import.
 */
export async function rejectDanglingReferences(
  store: Store,
  entity: Entity,
  findEntity: (name: string) => Entity,
): Promise<void> {
  const q = store.dialect.quoteIdentifier;
  const stage = stageTableOf(entity);
  for (const [column, field] of Object.entries(entity.fields)) {
    if (field.references === undefined) continue;
    const target = findEntity(field.references);
    const singular = target.name.replace(/s$/, '');
    const isSelfReference = target.name === entity.name;
    await store.query(
      `INSERT INTO ${REJECTS_TABLE}
       SELECT s._seq, s._file_index, f.file, s._line, $1, s.${q(column)}, $2, $3
       FROM ${stage} s JOIN ${FILES_TABLE} f ON f.file_index = s._file_index
       WHERE s.${q(column)} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${target.name} t WHERE t.id = s.${q(column)})
         ${isSelfReference ? `AND NOT EXISTS (SELECT 1 FROM ${stage} o WHERE o.id = s.${q(column)})` : ''}`,
      [
        column,
        `names a ${singular} that is neither in the store nor in this import`,
        `import the ${target.name} first, or name their file in the same retain import command`,
      ],
    );
  }
  await dropRejectedRows(store, entity);
}

async function dropRejectedRows(store: Store, entity: Entity): Promise<void> {
  await store.query(
    `DELETE FROM ${stageTableOf(entity)} WHERE _seq IN (SELECT seq FROM ${REJECTS_TABLE})`,
  );
}

/** Counts what the upsert will do, then does it: changed rows are replaced, new ones inserted. */
export async function upsertStaged(store: Store, entity: Entity): Promise<MergeCounts> {
  const q = store.dialect.quoteIdentifier;
  const stage = stageTableOf(entity);
  const table = entity.name;
  const castOf = (column: string) => {
    const field = entity.fields[column];
    const type = field ? store.dialect.columnType(field) : store.dialect.jsonType;
    return `CAST(s.${q(column)} AS ${type})`;
  };
  const keyMatch = entity.key.map((column) => `t.${q(column)} = ${castOf(column)}`).join(' AND ');
  const valueColumns = entity.columns.filter((column) => !entity.key.includes(column));
  // JSON has no equality operator in PostgreSQL; the attribute text is what we wrote, so compare that.
  const isSame = [
    ...valueColumns.map((column) => `t.${q(column)} IS NOT DISTINCT FROM ${castOf(column)}`),
    `CAST(t.attributes AS TEXT) IS NOT DISTINCT FROM s.attributes`,
  ].join(' AND ');
  const firstKey = `t.${q(entity.key[0] ?? 'id')}`;

  const [counts] = await store.query<MergeCounts>(
    `SELECT
       CAST(count(*) FILTER (WHERE ${firstKey} IS NULL) AS INTEGER) AS inserted,
       CAST(count(*) FILTER (WHERE ${firstKey} IS NOT NULL AND NOT (${isSame})) AS INTEGER) AS updated,
       CAST(count(*) FILTER (WHERE ${firstKey} IS NOT NULL AND ${isSame}) AS INTEGER) AS unchanged
     FROM ${stage} s LEFT JOIN ${table} t ON ${keyMatch}`,
  );
  const result = counts ?? { inserted: 0, updated: 0, unchanged: 0 };
  if (result.updated > 0) {
    await store.query(
      `DELETE FROM ${table} t WHERE EXISTS (SELECT 1 FROM ${stage} s WHERE ${keyMatch} AND NOT (${isSame}))`,
    );
  }
  if (result.inserted + result.updated > 0) {
    const columns = [...entity.columns, 'attributes'];
    await store.query(
      `INSERT INTO ${table} (${columns.map(q).join(', ')})
       SELECT ${columns.map(castOf).join(', ')} FROM ${stage} s
       WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${keyMatch})`,
    );
  }
  return result;
}
