/**
 * Weekly trends per tracker: of the conversations held in each ISO week
 * (Monday start, UTC), how many had a hit of the tracker, and the hits.
 * The share, not the count, is the trend: more calls in a week should not
 * read as more risk.
 */
import type { Store } from '../../store/store.js';

export type TrackerWeek = {
  week_start: string;
  tracker: string;
  conversations: number;
  conversations_with_hits: number;
  hits: number;
  /** conversations_with_hits / conversations. */
  share: number | null;
};

export async function readTrackerTrends(
  store: Store,
  range: { from: string; to: string },
): Promise<TrackerWeek[]> {
  return store.query<TrackerWeek>(
    `WITH weeks AS (
       SELECT CAST(date_trunc('week', occurred_at) AS DATE) AS week_start, CAST(count(*) AS INTEGER) AS conversations
       FROM conversations
       WHERE occurred_at >= CAST($1 AS TIMESTAMP) AND occurred_at < CAST($2 AS TIMESTAMP)
       GROUP BY 1),
     trackers AS (SELECT DISTINCT tracker FROM tracker_hits),
     hits AS (
       SELECT CAST(date_trunc('week', occurred_at) AS DATE) AS week_start, tracker,
              CAST(count(DISTINCT conversation_id) AS INTEGER) AS conversations_with_hits,
              CAST(count(*) AS INTEGER) AS hits
       FROM tracker_hits
       WHERE occurred_at >= CAST($1 AS TIMESTAMP) AND occurred_at < CAST($2 AS TIMESTAMP)
       GROUP BY 1, 2)
     SELECT CAST(w.week_start AS TEXT) AS week_start, t.tracker, w.conversations,
            coalesce(h.conversations_with_hits, 0) AS conversations_with_hits, coalesce(h.hits, 0) AS hits,
            CAST(coalesce(h.conversations_with_hits, 0) AS DOUBLE PRECISION) / w.conversations AS share
     FROM weeks w CROSS JOIN trackers t
     LEFT JOIN hits h ON h.week_start = w.week_start AND h.tracker = t.tracker
     ORDER BY w.week_start, t.tracker`,
    [range.from, range.to],
  );
}
