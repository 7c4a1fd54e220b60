/**
 * The order segments print in, in every report broken down by a column: by
 * code unit, so DuckDB and PostgreSQL (whose collations differ) print the
 * same order, with customers that have no value last.
 */
export function compareSegments(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
