/**
 * What differs between the SQL engines Retain runs on, kept small on purpose:
 * identifier quoting, column types and a few spellings. Everything else
 * (every KPI) is written once in the SQL both engines share.
 */
import type { FieldSpec } from '../domain/entities/index.js';

export interface SqlDialect {
  readonly name: 'duckdb' | 'postgres';
  /** The column type a canonical field is stored as. */
  readonly columnType: (field: FieldSpec) => string;
  /** Type of the per-row attributes column that keeps unknown input columns. */
  readonly jsonType: string;
  readonly quoteIdentifier: (name: string) => string;
  /** The text value of top-level `key` in a JSON column (the key is one we validated). */
  readonly jsonText: (column: string, key: string) => string;
  /**
   * A LEFT JOIN bringing, as `alias.rate_to_reporting`, the fx_rates row of
   * `currency` with the latest date on or before `date` (an as-of join).
   */
  readonly joinLatestRate: (alias: string, currency: string, date: string) => string;
  /**
   * The latest non-null `expression` up to the current row of the named
   * window `window` (whose frame must end at the current row): carries a
   * value forward past the rows that leave it empty.
   */
  readonly lastNonNull: (expression: string, window: string) => string;
  /** SQL refreshing the planner's statistics of a table just filled, or undefined where not needed. */
  readonly analyze: (table: string) => string | undefined;
  /** A query listing the distinct top-level keys of a JSON column, as rows of `key`. */
  readonly jsonKeysQuery: (table: string, column: string) => string;
}

/** A JSON key as a SQL string literal: quotes doubled, so any key is safe. */
export function toSqlStringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Exact types shared by both engines; only JSON differs. */
export function columnTypeOf(field: FieldSpec): string {
  switch (field.kind) {
    case 'id':
    case 'text':
    case 'currency':
    case 'enum':
      return 'TEXT';
    case 'decimal':
      return `DECIMAL(18, ${field.scale ?? 4})`;
    case 'integer':
      return 'INTEGER';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOLEAN';
  }
}

/** Double-quotes an identifier; safe for names that come from our own entity table only. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
