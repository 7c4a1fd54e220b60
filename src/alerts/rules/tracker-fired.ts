/**
 * A keyword tracker firing on a customer: hits of `retain trackers scan` in
 * conversations with a customer since the previous alert run. One alert per
 * conversation and tracker, however many phrases matched in it, with the
 * snippets so the owner can read what was said without opening the call.
 */
import type { Store } from '../../store/store.js';
import type { AlertCandidate } from '../alert.js';
import { hasBeenFilled } from '../source-tables.js';
import { toSqlTimestamp } from '../../store/sql-time.js';

/**
 * How far before the previous run hits are looked at again: transcripts
 * are often imported and scanned days after the call, and a hit stamped
 * before the previous run but scanned after it must still raise its alert.
 * The dedupe key makes looking twice harmless.
 */
export const TRACKER_LOOKBACK_DAYS = 7;
const DAY_MS = 86_400_000;
const SNIPPETS_KEPT = 3;

type HitRow = {
  conversation_id: string;
  tracker: string;
  phrase: string;
  speaker: string | null;
  snippet: string;
  occurred_at: string;
  customer_id: string;
  name: string | null;
  assignee: string | null;
};

export type TrackerOutcome = {
  readonly candidates: AlertCandidate[];
  readonly isUnfilled: boolean;
};

/** `previousRunAsOf`: the as-of instant of the previous run, or undefined on the first run. */
export async function findTrackerHits(
  store: Store,
  asOf: Date,
  previousRunAsOf: Date | undefined,
): Promise<TrackerOutcome> {
  if (!(await hasBeenFilled(store, 'tracker_hits'))) return { candidates: [], isUnfilled: true };
  const since = new Date((previousRunAsOf ?? asOf).getTime() - TRACKER_LOOKBACK_DAYS * DAY_MS);
  const rows = await store.query<HitRow>(
    `SELECT t.conversation_id, t.tracker, t.phrase, t.speaker, t.snippet, t.occurred_at, t.customer_id,
            c.name, coalesce(c.owner_rep_id, t.rep_id) AS assignee
     FROM tracker_hits t
     LEFT JOIN customers c ON c.id = t.customer_id
     WHERE t.customer_id IS NOT NULL
       AND t.occurred_at > CAST($1 AS TIMESTAMP) AND t.occurred_at <= CAST($2 AS TIMESTAMP)
     ORDER BY t.conversation_id, t.tracker, t.occurred_at, t.phrase, t.snippet`,
    [toSqlTimestamp(since), toSqlTimestamp(asOf)],
  );
  const groups = new Map<string, HitRow[]>();
  for (const row of rows) {
    const key = `${row.conversation_id}\u0000${row.tracker}\u0000${row.customer_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return { candidates: [...groups.values()].map(toCandidate), isUnfilled: false };
}

function toCandidate(hits: readonly HitRow[]): AlertCandidate {
  const [first] = hits;
  if (!first) throw new Error('a tracker group has at least one hit');
  const name = first.name ?? first.customer_id;
  const phrases = [...new Set(hits.map((hit) => hit.phrase))];
  return {
    kind: 'tracker_fired',
    subject_kind: 'customer',
    subject_id: first.customer_id,
    assignee_rep_id: first.assignee,
    dedupe_key: `tracker_fired:${first.customer_id}:${first.conversation_id}:${first.tracker}`,
    title: `"${first.tracker}" came up with ${name}: ${phrases.map((p) => `"${p}"`).join(', ')}`,
    task: `Follow up with ${name} on what they said about ${first.tracker}.`,
    detail: {
      customer_id: first.customer_id,
      customer_name: first.name,
      conversation_id: first.conversation_id,
      tracker: first.tracker,
      occurred_at: first.occurred_at,
      phrases,
      snippets: hits
        .slice(0, SNIPPETS_KEPT)
        .map((hit) => ({ speaker: hit.speaker, snippet: hit.snippet })),
    },
  };
}
