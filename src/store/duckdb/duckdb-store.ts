/**
 * The embedded default store: one DuckDB file, one connection. DuckDB lets a
 * single process hold a file, so a lock held elsewhere (say by `retain serve`)
 * becomes a one-line STORE_LOCKED error with what to do, never a stack trace.
 * Statements run one at a time on the connection, in call order.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { RetainError } from '../../domain/errors.js';
import type { Row, SqlValue, Store } from '../store.js';
import { duckDbDialect } from './duckdb-dialect.js';
import { fromDuckDbValue } from './duckdb-values.js';

/** Opens (creating if missing) the DuckDB file at `path`; `:memory:` works too. */
export async function openDuckDbStore(path: string): Promise<Store> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.fromCache(path);
  } catch (error) {
    throw toOpenError(path, error);
  }
  const connection = await instance.connect();
  return new DuckDbStore(path, instance, connection);
}

function toOpenError(path: string, error: unknown): RetainError {
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock on file/i.test(message)) {
    const pid = /PID (\d+)/.exec(message)?.[1];
    return new RetainError(
      'STORE_LOCKED',
      `${path} is in use by another process${pid ? ` (PID ${pid})` : ''}; DuckDB lets one process open a file at a time.`,
      {
        hint: 'Stop that process (often `retain serve`) and retry, use the HTTP API it serves, or use a PostgreSQL store (--db postgres://…) for shared access.',
        cause: error,
      },
    );
  }
  return new RetainError('STORE_UNAVAILABLE', `Cannot open the DuckDB file ${path}: ${message}`, {
    hint: 'Check that the folder exists and is writable, and that the file is a DuckDB database.',
    cause: error,
  });
}

/**
 * Runs statements on the one connection. Outside a transaction every
 * statement waits its turn; a transaction holds the connection for its whole
 * body, so concurrent callers (HTTP requests) never interleave inside it.
 */
class DuckDbStore implements Store {
  readonly kind = 'duckdb';
  readonly dialect = duckDbDialect;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  query<TRow extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<TRow[]> {
    return this.serialize(() => runQuery<TRow>(this.connection, sql, params));
  }

  appendRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly (string | null)[])[],
  ): Promise<void> {
    return this.serialize(() => appendToTable(this.connection, table, columns, rows));
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.serialize(() => runTransaction(this.location, this.connection, work));
  }

  withConnection<T>(work: (held: Store) => Promise<T>): Promise<T> {
    return this.serialize(() =>
      work(new DuckDbHeldConnection(this.location, this.connection, false)),
    );
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.connection.closeSync();
    // fromCache keeps the instance for reuse; closing it releases the file lock.
    this.instance.closeSync();
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

async function runTransaction<T>(
  location: string,
  connection: DuckDBConnection,
  work: (tx: Store) => Promise<T>,
): Promise<T> {
  await runQuery(connection, 'BEGIN TRANSACTION', []);
  try {
    const result = await work(new DuckDbHeldConnection(location, connection, true));
    await runQuery(connection, 'COMMIT', []);
    return result;
  } catch (error) {
    await runQuery(connection, 'ROLLBACK', []);
    throw error;
  }
}

/** The store as seen by work that holds the connection, inside a transaction or not. */
class DuckDbHeldConnection implements Store {
  readonly kind = 'duckdb';
  readonly dialect = duckDbDialect;

  constructor(
    readonly location: string,
    private readonly connection: DuckDBConnection,
    private readonly inTransaction: boolean,
  ) {}

  query<TRow extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<TRow[]> {
    return runQuery<TRow>(this.connection, sql, params);
  }

  appendRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly (string | null)[])[],
  ): Promise<void> {
    return appendToTable(this.connection, table, columns, rows);
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.inTransaction ? work(this) : runTransaction(this.location, this.connection, work);
  }

  withConnection<T>(work: (held: Store) => Promise<T>): Promise<T> {
    return work(this);
  }

  close(): Promise<void> {
    throw new Error('a held connection is released by the store that lent it');
  }
}

async function runQuery<TRow extends Row>(
  connection: DuckDBConnection,
  sql: string,
  params: readonly SqlValue[],
): Promise<TRow[]> {
  let reader;
  try {
    reader = await connection.runAndReadAll(sql, params.length > 0 ? [...params] : undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The SQL is ours and safe to show; parameter values may be customer data.
    throw new Error(
      `${message}\n  in SQL (${params.length} parameters): ${sql.trim().slice(0, 2000)}`,
      {
        cause: error,
      },
    );
  }
  const names = reader.columnNames();
  return reader.getRows().map((values) => {
    const row: Row = {};
    names.forEach((name, index) => {
      row[name] = fromDuckDbValue(values[index] ?? null);
    });
    return row as TRow;
  });
}

/**
 * The appender fills whole rows in table order: callers append to a table
 * whose columns are exactly `columns` (text; DuckDB casts). `temp.x` names a
 * temporary table, which lives in DuckDB's temp catalog.
 */
async function appendToTable(
  connection: DuckDBConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): Promise<void> {
  const isTemporary = table.startsWith('temp.');
  const appender = await connection.createAppender(
    isTemporary ? table.slice('temp.'.length) : table,
    isTemporary ? 'main' : null,
    isTemporary ? 'temp' : null,
  );
  try {
    for (const row of rows) {
      for (let index = 0; index < columns.length; index += 1) {
        const value = row[index];
        if (value == null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
