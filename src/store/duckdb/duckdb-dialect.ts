import { columnTypeOf, quoteIdentifier, type SqlDialect } from '../sql-dialect.js';

export const duckDbDialect: SqlDialect = {
  name: 'duckdb',
  columnType: columnTypeOf,
  jsonType: 'JSON',
  quoteIdentifier,
};
