/** Converts DuckDB result values to the store's plain-JS forms (see `store.ts`). */
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { SqlValue } from '../store.js';
import { fromBigInt, toIsoTimestamp, trimDecimal } from '../values.js';

export function fromDuckDbValue(value: DuckDBValue): SqlValue {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (typeof value === 'bigint') return fromBigInt(value);
  if (value instanceof DuckDBDecimalValue) return trimDecimal(value.toString());
  if (value instanceof DuckDBTimestampValue) return toIsoTimestamp(value.micros);
  if (value instanceof DuckDBDateValue) return value.toString();
  return String(value);
}
