import { describe, expect, it } from 'vitest';
import { insertRows } from '../../../test/helpers/seed-store.js';
import { withTempStore } from '../../../test/helpers/temp-store.js';
import { scanConversations } from './scan-conversations.js';
import { DEFAULT_TRACKERS, type Tracker } from './tracker-definitions.js';
import { readTrackerTrends } from './tracker-trends.js';

const NOW = new Date('2026-05-20T09:00:00Z');

describe('scanConversations', () => {
  it('writes every hit with its speaker and snippet, and a rescan replaces the old hits', async () => {
    await withTempStore(async (store) => {
      await insertRows(store, 'reps', [{ id: 'r1', name: 'Ravi Rep' }]);
      await insertRows(store, 'customers', [{ id: 'c1', created_at: '2025-01-01 00:00:00' }]);
      await insertRows(store, 'conversations', [
        {
          id: 'v1',
          occurred_at: '2026-05-11 10:00:00',
          rep_id: 'r1',
          customer_id: 'c1',
          transcript:
            'Ravi Rep: Is the price fine?\nKim Buyer: Honestly it is too expensive. We may cancel.',
        },
        {
          id: 'v2',
          occurred_at: '2026-05-12 10:00:00',
          rep_id: 'r1',
          customer_id: 'c1',
          transcript: "Kim Buyer: Don't worry, we won't cancel.",
        },
        { id: 'v3', occurred_at: '2026-05-19 10:00:00', transcript: 'All good here.' },
      ]);
      const report = await scanConversations(store, DEFAULT_TRACKERS, { now: NOW });
      expect(report).toEqual({
        conversations: 3,
        hits: 2,
        conversationsByTracker: { cancel_intent: 1, pricing: 1, competitor: 0, disengagement: 0 },
      });
      const hits = await store.query(
        `SELECT conversation_id, tracker, matched, speaker, is_rep_speaking, snippet, customer_id
         FROM tracker_hits ORDER BY position`,
      );
      expect(hits).toEqual([
        {
          conversation_id: 'v1',
          tracker: 'pricing',
          matched: 'too expensive',
          speaker: 'Kim Buyer',
          is_rep_speaking: false,
          snippet: 'Honestly it is too expensive.',
          customer_id: 'c1',
        },
        {
          conversation_id: 'v1',
          tracker: 'cancel_intent',
          matched: 'cancel',
          speaker: 'Kim Buyer',
          is_rep_speaking: false,
          snippet: 'We may cancel.',
          customer_id: 'c1',
        },
      ]);
      // Weeks of 11 May (v1, v2: one with a pricing hit) and 18 May (v3: none).
      const trends = await readTrackerTrends(store, { from: '2026-05-01', to: '2026-06-01' });
      expect(trends.filter((row) => row.tracker === 'pricing')).toEqual([
        {
          week_start: '2026-05-11',
          tracker: 'pricing',
          conversations: 2,
          conversations_with_hits: 1,
          hits: 1,
          share: 0.5,
        },
        {
          week_start: '2026-05-18',
          tracker: 'pricing',
          conversations: 1,
          conversations_with_hits: 0,
          hits: 0,
          share: 0,
        },
      ]);

      const onlyRep: Tracker[] = [
        { name: 'price_talk', phrases: ['price'], speaker: 'rep', negation_window: 0 },
      ];
      expect((await scanConversations(store, onlyRep, { now: NOW })).hits).toBe(1);
      const after = await store.query<{ tracker: string; speaker: string }>(
        `SELECT tracker, speaker FROM tracker_hits`,
      );
      expect(after).toEqual([{ tracker: 'price_talk', speaker: 'Ravi Rep' }]);
      const scans = await store.query<{ n: number }>(`SELECT count(*) AS n FROM tracker_scans`);
      expect(scans[0]?.n).toBe(2);
    });
  });
});
