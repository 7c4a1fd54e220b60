/**
 * How reports broken down by a column name its values: `metrics --by` in a
 * column, `cohorts --by` and `survival --by` in one section per value, each
 * under a heading naming it.
 */

/** Rows grouped by their segment, in the order the segments first appear. */
export function groupBySegment<TRow extends { segment: string | null }>(
  rows: readonly TRow[],
): [string | null, TRow[]][] {
  const groups = new Map<string | null, TRow[]>();
  for (const row of rows) {
    const group = groups.get(row.segment);
    if (group) group.push(row);
    else groups.set(row.segment, [row]);
  }
  return [...groups];
}

/** A breakdown value as every report prints it: customers without one show as `(none)`. */
export function segmentLabel(segment: string | null): string {
  return segment ?? '(none)';
}

/** `segment = smb`, the heading of one value's section. */
export function segmentHeading(by: string, segment: string | null): string {
  return `${by} = ${segmentLabel(segment)}`;
}
