/**
 * Schema version 2: a log of every import run, committed or rolled back, so
 * a user can see what changed the data and when (`retain import --history`).
 */
export const importRuns = {
  version: 2,
  name: 'import runs',
  statements: [
    `CREATE TABLE import_runs (
      id TEXT PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL,
      source TEXT NOT NULL, entities TEXT NOT NULL, files TEXT NOT NULL,
      inserted INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
      rejected INTEGER NOT NULL, committed BOOLEAN NOT NULL)`,
  ],
} as const;
