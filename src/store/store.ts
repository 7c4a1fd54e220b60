/**
 * The single handle every layer above the store talks to: how to spell SQL
 * (`dialect`) and how to run it (`query`), bundled so the two can never
 * disagree. DuckDB implements it today and PostgreSQL can follow; KPI SQL is
 * written once against `dialect`. Values cross this boundary as plain JS:
 * decimals as exact strings, timestamps as ISO-8601 UTC strings, dates as
 * `YYYY-MM-DD`, integers as numbers.
 */
import type { SqlDialect } from './sql-dialect.js';

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

export interface Store {
  readonly kind: 'duckdb' | 'postgres';
  readonly dialect: SqlDialect;
  /** Where the data lives, safe to print (a path, or a URL without its password). */
  readonly location: string;
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<TRow extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<TRow[]>;
  /**
   * Appends rows of text values (or null) to `table`, casting by the table's
   * column types. The fast path for bulk loads (an appender, or COPY).
   */
  appendRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly (string | null)[])[],
  ): Promise<void>;
  /** Runs `work` in one transaction; any throw rolls back every write in it. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one connection held for its whole body (temporary tables
   * live per connection), without a transaction: each statement commits on
   * its own. Inside a transaction, it simply continues it. For work that
   * builds temporary tables and reads them back, which a transaction would
   * hide from DuckDB's planner (it estimates their rows as zero).
   */
  withConnection<T>(work: (held: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
