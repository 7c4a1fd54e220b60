/**
 * `retain export`: a canonical table or KPI results out as CSV, NDJSON or
 * Parquet, so they flow into spreadsheets and warehouses. Tables are read a
 * page at a time in key order (bounded memory on either store); a table's
 * extra attributes become columns again, so an exported CSV imports back as
 * the same rows. Parquet is written by an in-memory DuckDB, which gives
 * typed columns whichever store the rows came from.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { stringify } from 'csv-stringify/sync';
import type { Entity } from '../domain/entities/index.js';
import { RetainError } from '../domain/errors.js';
import type { Row, SqlValue, Store } from '../store/store.js';

export type ExportFormat = 'csv' | 'ndjson' | 'parquet';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'ndjson', 'parquet'];

/** A column of an export and the SQL type Parquet stores it as. */
export type ExportColumn = { readonly name: string; readonly sqlType: string };

/** Rows to export, a page at a time, all with the same columns. */
export type ExportSource = {
  readonly columns: readonly ExportColumn[];
  readonly pages: AsyncIterable<readonly Row[]>;
};

const PAGE_ROWS = 50_000;

/** The rows of a canonical table in key order, attributes spread into columns. */
export async function readEntityRows(store: Store, entity: Entity): Promise<ExportSource> {
  const keys = (
    await store.query<{ key: string }>(store.dialect.jsonKeysQuery(entity.name, 'attributes'))
  ).map((row) => row.key);
  const columns: ExportColumn[] = [
    ...entity.columns.map((name) => {
      const field = entity.fields[name];
      return { name, sqlType: field ? store.dialect.columnType(field) : 'TEXT' };
    }),
    ...keys
      .filter((key) => !entity.columns.includes(key))
      .map((name) => ({ name, sqlType: 'TEXT' })),
  ];
  return { columns, pages: readPages(store, entity, keys) };
}

async function* readPages(
  store: Store,
  entity: Entity,
  attributeKeys: readonly string[],
): AsyncIterable<Row[]> {
  const q = store.dialect.quoteIdentifier;
  const keyList = entity.key.map(q).join(', ');
  let after: SqlValue[] | undefined;
  for (;;) {
    const placeholders = entity.key.map((_, index) => `$${index + 1}`).join(', ');
    const rows = await store.query(
      `SELECT * FROM ${entity.name}
       ${after ? `WHERE (${keyList}) > (${placeholders})` : ''}
       ORDER BY ${keyList} LIMIT ${PAGE_ROWS}`,
      after ?? [],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => spreadAttributes(row, attributeKeys));
    const last = rows[rows.length - 1];
    after = entity.key.map((key) => last?.[key] ?? null);
    if (rows.length < PAGE_ROWS) return;
  }
}

function spreadAttributes(row: Row, attributeKeys: readonly string[]): Row {
  const { attributes, ...columns } = row;
  const extra =
    typeof attributes === 'string' ? (JSON.parse(attributes) as Record<string, SqlValue>) : {};
  const spread: Row = { ...columns };
  for (const key of attributeKeys) if (!(key in columns)) spread[key] = extra[key] ?? null;
  return spread;
}

/** Writes `source` to `target` (a path, or stdout for text formats) in `format`. */
export async function writeRows(
  source: ExportSource,
  format: ExportFormat,
  target: string | undefined,
): Promise<number> {
  if (format === 'parquet') {
    if (target === undefined) {
      throw new RetainError('INVALID_ARGUMENT', 'Parquet is binary and needs a file to go to.', {
        hint: 'Add --out results.parquet.',
      });
    }
    return writeParquet(source, target);
  }
  const output =
    target === undefined ? undefined : createWriteStream(`${target}.tmp-${process.pid}`);
  const write = async (text: string) => {
    if (output === undefined) {
      if (!process.stdout.write(text)) await once(process.stdout, 'drain');
    } else if (!output.write(text)) await once(output, 'drain');
  };
  let count = 0;
  try {
    if (format === 'csv') await write(stringify([source.columns.map((column) => column.name)]));
    for await (const page of source.pages) {
      count += page.length;
      await write(format === 'csv' ? toCsv(page, source.columns) : toNdjson(page));
    }
  } catch (error) {
    if (output && target) await discard(output, target);
    throw error;
  }
  if (output && target) {
    output.end();
    await finished(output);
    await rename(`${target}.tmp-${process.pid}`, target);
  }
  return count;
}

function toCsv(rows: readonly Row[], columns: readonly ExportColumn[]): string {
  return stringify(rows.map((row) => columns.map((column) => toCell(row[column.name] ?? null))));
}

function toCell(value: SqlValue): string {
  return value === null ? '' : String(value);
}

function toNdjson(rows: readonly Row[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

async function discard(output: WriteStream, target: string): Promise<void> {
  output.end();
  await finished(output).catch(() => undefined);
  await rm(`${target}.tmp-${process.pid}`, { force: true });
}

async function writeParquet(source: ExportSource, target: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let count = 0;
  try {
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    await connection.run(
      `CREATE TABLE export_rows (${source.columns.map((column) => `${q(column.name)} ${column.sqlType}`).join(', ')})`,
    );
    for await (const page of source.pages) {
      const appender = await connection.createAppender('export_rows');
      for (const row of page) {
        for (const column of source.columns) {
          const value = row[column.name] ?? null;
          if (value === null) appender.appendNull();
          else appender.appendVarchar(String(value));
        }
        appender.endRow();
      }
      appender.closeSync();
      count += page.length;
    }
    const temp = `${target}.tmp-${process.pid}`;
    await connection.run(`COPY export_rows TO '${temp.replaceAll("'", "''")}' (FORMAT parquet)`);
    await rename(temp, target);
    return count;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
