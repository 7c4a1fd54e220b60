/**
 * The API's week × tracker rows regrouped for the page: one series of weekly
 * shares per tracker for the chart, and one row per week for the table. The
 * API gives every week every tracker (zero hits included), so the series
 * line up with the weeks without gaps to fill.
 */
import type { TrackerWeek } from '../../lib/api-types.js';

export type TrackerWeekRow = {
  week_start: string;
  conversations: number;
  byTracker: ReadonlyMap<string, TrackerWeek>;
};

export type TrackerTrends = {
  trackers: string[];
  weeks: TrackerWeekRow[];
};

export function buildTrackerTrends(rows: readonly TrackerWeek[]): TrackerTrends {
  const trackers = [...new Set(rows.map((row) => row.tracker))].sort();
  const weeks = new Map<string, { conversations: number; byTracker: Map<string, TrackerWeek> }>();
  for (const row of rows) {
    const week = weeks.get(row.week_start) ?? {
      conversations: row.conversations,
      byTracker: new Map<string, TrackerWeek>(),
    };
    week.byTracker.set(row.tracker, row);
    weeks.set(row.week_start, week);
  }
  return {
    trackers,
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, week]) => ({ week_start: weekStart, ...week })),
  };
}
