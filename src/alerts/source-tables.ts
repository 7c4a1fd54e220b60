/**
 * Tables other capabilities fill and alerts only read: the health snapshots
 * (`retain risk --store`) and keyword-tracker hits (`retain trackers scan`).
 * A store where they were never filled is not one where nothing is at risk,
 * so readers check first and say which command fills them.
 */
import type { Store } from '../store/store.js';

export type SourceTable = 'health_scores' | 'tracker_hits';

/** The command that fills each table. */
export const SOURCE_TABLE_COMMANDS: Readonly<Record<SourceTable, string>> = {
  health_scores: 'retain risk --store',
  tracker_hits: 'retain trackers scan',
};

/** Tracker hits may rightly be none, so a scan having run is what counts. */
const FILLED_QUERIES: Readonly<Record<SourceTable, string>> = {
  health_scores: `SELECT count(*) AS n FROM (SELECT 1 FROM health_scores LIMIT 1) t`,
  tracker_hits: `SELECT count(*) AS n FROM (SELECT 1 FROM tracker_scans LIMIT 1) t`,
};

export async function hasBeenFilled(store: Store, table: SourceTable): Promise<boolean> {
  const [row] = await store.query<{ n: number }>(FILLED_QUERIES[table]);
  return (row?.n ?? 0) > 0;
}

/** Why a reader of `table` had nothing to read, and what to run. */
export function describeUnfilledTable(table: SourceTable): string {
  return `${table} has never been filled in this store: run \`${SOURCE_TABLE_COMMANDS[table]}\` first.`;
}
