/**
 * `retain trackers scan`: runs the workspace's trackers over every stored
 * conversation and rewrites `tracker_hits` in one transaction, so the table
 * always reflects one set of trackers (editing a tracker and rescanning
 * never leaves hits of the old phrases behind). Conversations are read in
 * keyset pages, so memory holds one page of transcripts at a time.
 */
import { randomUUID } from 'node:crypto';
import { toSqlTimestamp } from '../../store/sql-time.js';
import type { Store } from '../../store/store.js';
import { compileTrackers, matchTrackers } from './match-trackers.js';
import type { Tracker } from './tracker-definitions.js';

const PAGE_SIZE = 2_000;

type ConversationRow = {
  id: string;
  occurred_at: string;
  transcript: string;
  customer_id: string | null;
  deal_id: string | null;
  lead_id: string | null;
  rep_id: string | null;
};

export type ScanReport = {
  conversations: number;
  hits: number;
  /** Conversations with at least one hit, per tracker. */
  conversationsByTracker: Record<string, number>;
};

const HIT_COLUMNS = [
  'conversation_id',
  'tracker',
  'phrase',
  'matched',
  'speaker',
  'is_rep_speaking',
  'snippet',
  'position',
  'occurred_at',
  'customer_id',
  'deal_id',
  'lead_id',
  'rep_id',
] as const;

export async function scanConversations(
  store: Store,
  trackers: readonly Tracker[],
  options: { now: Date; onProgress?: (done: number, total: number) => void },
): Promise<ScanReport> {
  const compiled = compileTrackers(trackers);
  const reps = await store.query<{ name: string }>(`SELECT name FROM reps`);
  const repNames = new Set(reps.map((rep) => rep.name.toLowerCase()));
  const [count] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM conversations`);
  const total = count?.n ?? 0;
  const report: ScanReport = { conversations: 0, hits: 0, conversationsByTracker: {} };
  for (const tracker of trackers) report.conversationsByTracker[tracker.name] = 0;
  await store.transaction(async (tx) => {
    await tx.query(`DELETE FROM tracker_hits`);
    let after = '';
    for (;;) {
      const page = await tx.query<ConversationRow>(
        `SELECT id, occurred_at, transcript, customer_id, deal_id, lead_id, rep_id
         FROM conversations WHERE id > $1 ORDER BY id LIMIT ${PAGE_SIZE}`,
        [after],
      );
      if (page.length === 0) break;
      const rows: (string | null)[][] = [];
      for (const conversation of page) {
        const hits = matchTrackers(conversation.transcript, compiled, repNames);
        for (const name of new Set(hits.map((hit) => hit.tracker)))
          report.conversationsByTracker[name] = (report.conversationsByTracker[name] ?? 0) + 1;
        for (const hit of hits) {
          rows.push([
            conversation.id,
            hit.tracker,
            hit.phrase,
            hit.matched,
            hit.speaker,
            hit.is_rep_speaking === null ? null : String(hit.is_rep_speaking),
            hit.snippet,
            String(hit.position),
            conversation.occurred_at,
            conversation.customer_id,
            conversation.deal_id,
            conversation.lead_id,
            conversation.rep_id,
          ]);
        }
      }
      if (rows.length > 0) await tx.appendRows('tracker_hits', HIT_COLUMNS, rows);
      report.conversations += page.length;
      report.hits += rows.length;
      options.onProgress?.(report.conversations, total);
      after = page.at(-1)?.id ?? after;
    }
    await tx.query(
      `INSERT INTO tracker_scans (id, scanned_at, conversations, hits, trackers)
       VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, CAST($5 AS ${tx.dialect.jsonType}))`,
      [
        randomUUID(),
        toSqlTimestamp(options.now),
        report.conversations,
        report.hits,
        JSON.stringify(trackers),
      ],
    );
  });
  return report;
}
