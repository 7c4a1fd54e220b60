/**
 * Schema version 3: a data version in the settings table, bumped by every
 * write to the canonical tables, so derived tables cached in memory know when
 * they are stale.
 */
export const dataVersion = {
  version: 3,
  name: 'data version',
  statements: [`INSERT INTO settings (key, value) VALUES ('data_version', '0')`],
} as const;
