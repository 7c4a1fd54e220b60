/**
 * Reports broken down by a column (`cohorts --by`, `survival --by`) print one
 * section per value on a terminal, each under a heading naming the value.
 */

/** Rows grouped by their segment, in the order the segments first appear. */
export function groupBySegment<TRow extends { segment: string | null }>(
  rows: readonly TRow[],
): [string | null, TRow[]][] {
  const groups = new Map<string | null, TRow[]>();
  for (const row of rows) groups.set(row.segment, [...(groups.get(row.segment) ?? []), row]);
  return [...groups];
}

/** `segment = smb`; customers without a value show as `(none)`, as in `metrics --by`. */
export function segmentHeading(by: string, segment: string | null): string {
  return `${by} = ${segment ?? '(none)'}`;
}
