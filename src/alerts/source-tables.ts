/**
 * Tables other capabilities write and alerts only read: the health snapshots
 * (`retain risk --store`) and keyword-tracker hits (`retain trackers scan`).
 * They are not part of every store yet, so readers check first and say which
 * command fills them, rather than failing on a missing relation.
 */
import type { Store } from '../store/store.js';

export type SourceTable = 'health_scores' | 'tracker_hits';

/** The command that creates and fills each table. */
export const SOURCE_TABLE_COMMANDS: Readonly<Record<SourceTable, string>> = {
  health_scores: 'retain risk --store',
  tracker_hits: 'retain trackers scan',
};

export async function hasTable(store: Store, table: SourceTable): Promise<boolean> {
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1 AND table_schema = current_schema()`,
    [table],
  );
  return (row?.n ?? 0) > 0;
}

/** Why a reader of `table` had nothing to read, and what to run. */
export function describeMissingTable(table: SourceTable): string {
  return `${table} does not exist in this store yet: run \`${SOURCE_TABLE_COMMANDS[table]}\` first.`;
}
