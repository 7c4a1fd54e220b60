import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { formatReject } from '../../../domain/reject.js';
import { vttSource } from './index.js';

const ZOOM = join(import.meta.dirname, 'fixtures/GMT20240115-150000_Recording.transcript.vtt');
const STAMP_FIX =
  "list the file in a manifest CSV with an occurred_at column, or name it like Zoom's GMTyyyymmdd-hhmmss_…";
const TIMING_FIX =
  'write the cue timing as start --> end in hh:mm:ss.ttt or mm:ss.ttt, with a dot before the milliseconds, e.g. 00:00:01.000 --> 00:00:04.000';

describe('a .vtt file → one conversation', () => {
  it("takes the id from the file name and the start from Zoom's GMT stamp, as a call", async () => {
    await withTempStore(async (store) => {
      const summary = await importExport(store, vttSource, 'conversations', ZOOM);
      expect(summary.counts).toEqual([
        { entity: 'conversations', inserted: 1, updated: 0, unchanged: 0, rejected: 0 },
      ]);
      expect(
        await store.query(
          `SELECT id, occurred_at, channel, rep_id, customer_id, transcript, attributes FROM conversations`,
        ),
      ).toEqual([
        {
          id: 'GMT20240115-150000_Recording',
          occurred_at: '2024-01-15T15:00:00Z',
          channel: 'call',
          rep_id: null,
          customer_id: null,
          transcript:
            'Sam Seller: Hi Jane, thanks for making time for our check-in today.\n' +
            "Jane Doe: Happy to. It's been a busy quarter for us. Honestly, it's getting too expensive for what we use.\n" +
            'Sam Seller: I hear you. Which teams are still using the dashboards?\n' +
            'Jane Doe: Mostly sales. Finance is looking at switching to Churnly.',
          attributes: null,
        },
      ]);
    });
  });

  it('re-importing the same file changes nothing', async () => {
    await withTempStore(async (store) => {
      await importExport(store, vttSource, 'conversations', ZOOM);
      const again = await importExport(store, vttSource, 'conversations', ZOOM);
      expect(again.counts).toEqual([
        { entity: 'conversations', inserted: 0, updated: 0, unchanged: 1, rejected: 0 },
      ]);
    });
  });

  describe('rejects what it cannot read, at its line, and writes nothing', () => {
    const cases: { name: string; file: string; content: string; expected: string[] }[] = [
      {
        name: 'a file whose name has no Zoom stamp, since nothing else says when the call was',
        file: 'Weekly sync.vtt',
        content: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jane Doe>Hi.</v>\n',
        expected: [
          `:1:occurred_at: "Weekly sync.vtt" cannot be read from the file name, which has no Zoom GMTyyyymmdd-hhmmss start stamp — ${STAMP_FIX}`,
        ],
      },
      {
        name: 'a stamp that is not a calendar date',
        file: 'GMT20240231-150000_Recording.transcript.vtt',
        content: 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJane Doe: Hi.\n',
        expected: [
          `:1:occurred_at: "GMT20240231-150000_Recording.transcript.vtt" is not a calendar date in the file name's stamp GMT20240231-150000 — ${STAMP_FIX}`,
        ],
      },
      {
        name: 'a malformed timing line, at that line',
        file: 'GMT20240115-150000_Recording.transcript.vtt',
        content:
          'WEBVTT\n\n1\n00:00:01,000 --> 00:00:02,000\nJane Doe: Hi.\n\n2\n00:00:02.000 --> 00:00:03.000\nJane Doe: Bye.\n',
        expected: [
          `:4:transcript: "00:00:01,000 --> 00:00:02,000" is not a WebVTT cue timing line — ${TIMING_FIX}`,
        ],
      },
      {
        name: 'a file that is not WebVTT, at line 1',
        file: 'GMT20240115-150000_Recording.vtt',
        content: '1\n00:00:01,000 --> 00:00:02,000\nHi.\n',
        expected: [
          ':1:transcript: "1" is not the WEBVTT header line, so the file is not WebVTT — export the transcript as WebVTT (.vtt) from Zoom or Teams; its first line is WEBVTT',
        ],
      },
    ];
    for (const testCase of cases) {
      it(`rejects ${testCase.name}`, async () => {
        await withTempStore(async (store, dir) => {
          const file = await writeFixture(dir, testCase.file, testCase.content);
          const summary = await importExport(store, vttSource, 'conversations', file);
          expect(summary.sampleRejects.map(formatReject)).toEqual(
            testCase.expected.map((line) => `${file}${line}`),
          );
          expect(summary.committed).toBe(false);
          expect(await store.query(`SELECT id FROM conversations`)).toEqual([]);
        });
      });
    }
  });
});
