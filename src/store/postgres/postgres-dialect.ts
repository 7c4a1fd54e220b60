import {
  columnTypeOf,
  quoteIdentifier,
  toSqlStringLiteral,
  type SqlDialect,
} from '../sql-dialect.js';

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  columnType: columnTypeOf,
  // JSON (not JSONB) keeps the text as written, so a re-import compares equal.
  jsonType: 'JSON',
  quoteIdentifier,
  jsonText: (column, key) => `(${column} ->> ${toSqlStringLiteral(key)})`,
  // The fx_rates primary key (date, currency) serves this lookup per row.
  joinLatestRate: (alias, currency, date) =>
    `LEFT JOIN LATERAL (SELECT f.rate_to_reporting FROM fx_rates f
       WHERE f.currency = ${currency} AND f.date <= CAST(${date} AS DATE)
       ORDER BY f.date DESC LIMIT 1) ${alias} ON TRUE`,
  // No IGNORE NULLS in PostgreSQL: the last of the non-null values so far (frames here are a handful of rows).
  lastNonNull: (expression, window) =>
    `(array_agg(${expression}) FILTER (WHERE ${expression} IS NOT NULL) OVER ${window})[count(${expression}) OVER ${window}]`,
  // Autovacuum never analyzes temporary tables; without statistics the planner guesses badly.
  analyze: (table) => `ANALYZE ${table}`,
  jsonKeysQuery: (table, column) =>
    `SELECT DISTINCT json_object_keys(${column}) AS key FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1`,
};
