/** The import log (schema version 2): every run, committed or rolled back, newest first. */
import type { Store } from '../store/store.js';

export type ImportRunRow = {
  id: string;
  started_at: string;
  finished_at: string;
  source: string;
  entities: string;
  files: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  committed: boolean;
};

export async function readImportHistory(store: Store, limit = 50): Promise<ImportRunRow[]> {
  return store.query<ImportRunRow>(
    `SELECT id, started_at, finished_at, source, entities, files, inserted, updated, unchanged, rejected, committed
     FROM import_runs ORDER BY finished_at DESC LIMIT $1`,
    [limit],
  );
}
