/**
 * The staging area of one import: a temporary text table per entity that
 * holds parsed rows, and one for rejects. Checks that span rows (repeated
 * keys, references) and the upsert itself run as SQL over these tables, so a
 * 1 GB file never has to fit in memory.
 */
import type { Entity } from '../domain/entities/index.js';
import type { Store } from '../store/store.js';

export const REJECTS_TABLE = 'import_rejects';
/** file_index → file name, so staged rows carry a small index instead of the name. */
export const FILES_TABLE = 'import_files';
export const REJECT_COLUMNS = [
  'seq',
  'file_index',
  'file',
  'line',
  'column_name',
  'value',
  'reason',
  'fix',
];

/** Bookkeeping columns in front of the entity's own: arrival order and origin. */
const ORIGIN_COLUMNS = ['_seq', '_file_index', '_line'];

export function stageTableOf(entity: Entity): string {
  return `stage_${entity.name}`;
}

/** Column order of a stage table: what `appendRows` must supply. */
export function stageColumnsOf(entity: Entity): string[] {
  return [...ORIGIN_COLUMNS, ...entity.columns, 'attributes'];
}

/** Creates the rejects table and the file index of this import. */
export async function createRejectsTable(store: Store, files: readonly string[]): Promise<void> {
  await store.query(`DROP TABLE IF EXISTS ${REJECTS_TABLE}`);
  await store.query(
    `CREATE TEMPORARY TABLE ${REJECTS_TABLE} (${REJECT_COLUMNS.map((c) => `${c} TEXT`).join(', ')})`,
  );
  await store.query(`DROP TABLE IF EXISTS ${FILES_TABLE}`);
  await store.query(`CREATE TEMPORARY TABLE ${FILES_TABLE} (file_index TEXT, file TEXT)`);
  await store.appendRows(
    `temp.${FILES_TABLE}`,
    ['file_index', 'file'],
    files.map((file, index) => [String(index), file]),
  );
}

export async function createStageTable(store: Store, entity: Entity): Promise<void> {
  const q = store.dialect.quoteIdentifier;
  const table = stageTableOf(entity);
  await store.query(`DROP TABLE IF EXISTS ${table}`);
  await store.query(
    `CREATE TEMPORARY TABLE ${table} (${stageColumnsOf(entity)
      .map((column) => `${q(column)} TEXT`)
      .join(', ')})`,
  );
}

export async function dropStagingTables(store: Store, entities: readonly Entity[]): Promise<void> {
  for (const entity of entities) await store.query(`DROP TABLE IF EXISTS ${stageTableOf(entity)}`);
  await store.query(`DROP TABLE IF EXISTS ${REJECTS_TABLE}`);
  await store.query(`DROP TABLE IF EXISTS ${FILES_TABLE}`);
}
