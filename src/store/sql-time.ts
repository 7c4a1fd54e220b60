/** Instants as SQL parameters: `YYYY-MM-DD HH:MM:SS.mmm` in UTC, read with CAST(… AS TIMESTAMP) by both engines. */
export function toSqlTimestamp(instant: Date): string {
  return instant.toISOString().slice(0, 23).replace('T', ' ');
}

/** The UTC date of an instant, `YYYY-MM-DD`. */
export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
