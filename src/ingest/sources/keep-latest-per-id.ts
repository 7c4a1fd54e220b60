/**
 * For exports with one row per event rather than per entity (a card appears
 * on every charge paid with it): keeps, per id, the row whose `newestBy` cell
 * is greatest (canonical timestamps sort as text), so the card's latest expiry
 * wins whatever order the export was sorted in. Rows are held until the file
 * ends, one per id; problems pass straight through.
 */
import type { RawRecord } from '../readers/raw-record.js';

type CellsRecord = Extract<RawRecord, { cells: unknown }>;

export async function* keepLatestPerId(
  batches: AsyncIterable<readonly RawRecord[]>,
  newestBy: string,
): AsyncIterable<readonly RawRecord[]> {
  const latest = new Map<string, CellsRecord>();
  for await (const batch of batches) {
    const problems: RawRecord[] = [];
    for (const record of batch) {
      if ('problem' in record) {
        problems.push(record);
        continue;
      }
      const id = record.cells.id ?? '';
      const kept = latest.get(id);
      if (kept === undefined || (record.cells[newestBy] ?? '') > (kept.cells[newestBy] ?? ''))
        latest.set(id, record);
    }
    if (problems.length > 0) yield problems;
  }
  yield [...latest.values()].sort((a, b) => a.line - b.line);
}
