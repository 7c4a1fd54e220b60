import {
  columnTypeOf,
  quoteIdentifier,
  toSqlStringLiteral,
  type SqlDialect,
} from '../sql-dialect.js';

export const duckDbDialect: SqlDialect = {
  name: 'duckdb',
  columnType: columnTypeOf,
  jsonType: 'JSON',
  quoteIdentifier,
  jsonText: (column, key) =>
    `json_extract_string(${column}, ${toSqlStringLiteral(`$."${key.replaceAll('"', '\\"')}"`)})`,
  // DuckDB's ASOF join finds the latest rate per row in one sorted pass.
  joinLatestRate: (alias, currency, date) =>
    `ASOF LEFT JOIN fx_rates ${alias} ON ${alias}.currency = ${currency} AND CAST(${date} AS DATE) >= ${alias}.date`,
  lastNonNull: (expression, window) => `last_value(${expression} IGNORE NULLS) OVER ${window}`,
  // DuckDB keeps statistics as it writes.
  analyze: () => undefined,
  jsonKeysQuery: (table, column) =>
    `SELECT DISTINCT unnest(json_keys(${column})) AS key FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1`,
};
