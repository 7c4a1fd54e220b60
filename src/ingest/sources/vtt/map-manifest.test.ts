import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { insertRows } from '../../../../test/helpers/seed-store.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { findEntity } from '../../../domain/entities/index.js';
import { formatReject } from '../../../domain/reject.js';
import type { Store } from '../../../store/store.js';
import { importFiles } from '../../import-files.js';
import { vttSource } from './index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const CALLS = join(FIXTURES, 'calls.csv');
const CANONICAL = join(import.meta.dirname, '../../../../test/fixtures/canonical');
const HEADER = 'file,Start Time,customer_name,host_email,deal_name\n';
const GOOD_VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jane Doe>Hi.</v>\n';

/**
 * Customers cus_1 "Acme, Inc." and cus_2; reps rep_m, rep_1 (sam@example.com),
 * rep_2 (dana@example.com); deals deal_1 "Acme growth" and deal_2 "Initech".
 */
async function importCrm(store: Store): Promise<void> {
  const inputs = ['customers', 'reps', 'leads', 'deals'].map((name) => {
    const entity = findEntity(name);
    if (entity === undefined) throw new Error(`no entity ${name}`);
    return { entity, file: join(CANONICAL, `${name}.csv`) };
  });
  const summary = await importFiles(store, { inputs });
  if (summary.rejectedRows > 0) throw new Error('the canonical fixtures do not import');
}

/** A manifest of `rows` in `dir`, beside a good transcript `call.vtt`. */
async function writeManifest(dir: string, rows: string): Promise<string> {
  await writeFixture(dir, 'call.vtt', GOOD_VTT);
  return writeFixture(dir, 'calls.csv', `${HEADER}${rows}`);
}

describe('a call manifest → conversations', () => {
  it('reads each listed transcript, matching the customer by name, the rep by e-mail and the deal by name', async () => {
    await withTempStore(async (store) => {
      await importCrm(store);
      const summary = await importExport(store, vttSource, 'conversations', CALLS);
      expect(summary.sampleRejects).toEqual([]);
      expect(
        await store.query(
          `SELECT id, occurred_at, channel, rep_id, customer_id, deal_id, lead_id, transcript, attributes
           FROM conversations ORDER BY id`,
        ),
      ).toEqual([
        // No id column: the id is the file's name, as for a .vtt imported by itself.
        {
          id: 'GMT20240115-150000_Recording',
          occurred_at: '2024-01-15T15:00:00Z',
          channel: 'call',
          rep_id: 'rep_1',
          customer_id: 'cus_1',
          deal_id: null,
          lead_id: null,
          transcript:
            'Sam Seller: Hi Jane, thanks for making time for our check-in today.\n' +
            "Jane Doe: Happy to. It's been a busy quarter for us. Honestly, it's getting too expensive for what we use.\n" +
            'Sam Seller: I hear you. Which teams are still using the dashboards?\n' +
            'Jane Doe: Mostly sales. Finance is looking at switching to Churnly.',
          attributes: JSON.stringify({
            file: 'GMT20240115-150000_Recording.transcript.vtt',
            topic: 'Quarterly check-in',
          }),
        },
        // "acme,  inc." and DANA@example.com: case and runs of spaces do not tell names apart.
        {
          id: 'acme-renewal',
          occurred_at: '2024-02-20T16:30:00Z',
          channel: 'call',
          rep_id: 'rep_2',
          customer_id: 'cus_1',
          deal_id: 'deal_1',
          lead_id: null,
          transcript:
            'Dana Dialer: Good afternoon, thanks for joining the renewal call. I have the usage report from Q&A in front of me.\n' +
            'Ann Buyer: Thanks. We had a budget cut for next year, so every tool is under review.\n' +
            'Dana Dialer: Understood. Shall we look at a smaller plan?',
          attributes: JSON.stringify({ file: 'acme-renewal.vtt', topic: 'Renewal' }),
        },
      ]);
    });
  });

  it('re-importing the same manifest changes nothing', async () => {
    await withTempStore(async (store) => {
      await importCrm(store);
      await importExport(store, vttSource, 'conversations', CALLS);
      const again = await importExport(store, vttSource, 'conversations', CALLS);
      expect(again.counts).toEqual([
        { entity: 'conversations', inserted: 0, updated: 0, unchanged: 2, rejected: 0 },
      ]);
    });
  });

  it('takes ids, a channel and a lead as given, and paths in subfolders or absolute', async () => {
    await withTempStore(async (store, dir) => {
      await importCrm(store);
      await mkdir(join(dir, 'teams'));
      await copyFile(join(FIXTURES, 'acme-renewal.vtt'), join(dir, 'teams', 'renewal.vtt'));
      const file = await writeFixture(
        dir,
        'calls.csv',
        'id,file,date,channel,customer_id,rep_id,deal_id,lead_id\n' +
          'conv_9,teams/renewal.vtt,2024-02-20,Meeting,cus_2,rep_2,deal_2,lead_2\n' +
          `conv_10,${join(FIXTURES, 'acme-renewal.vtt')},3/1/2024 2:05 PM,,,,,\n`,
      );
      const summary = await importExport(store, vttSource, 'conversations', file);
      expect(summary.sampleRejects).toEqual([]);
      expect(
        await store.query(
          `SELECT id, occurred_at, channel, rep_id, customer_id, deal_id, lead_id FROM conversations ORDER BY id`,
        ),
      ).toEqual([
        {
          id: 'conv_10',
          occurred_at: '2024-03-01T14:05:00Z',
          channel: 'call',
          rep_id: null,
          customer_id: null,
          deal_id: null,
          lead_id: null,
        },
        {
          id: 'conv_9',
          occurred_at: '2024-02-20T00:00:00Z',
          channel: 'meeting',
          rep_id: 'rep_2',
          customer_id: 'cus_2',
          deal_id: 'deal_2',
          lead_id: 'lead_2',
        },
      ]);
    });
  });

  describe('rejects the row, on the manifest, and writes nothing', () => {
    const timingFix =
      'write the cue timing as start --> end in hh:mm:ss.ttt or mm:ss.ttt, with a dot before the milliseconds, e.g. 00:00:01.000 --> 00:00:04.000';
    const fileFix =
      "give the path of the .vtt file relative to the manifest's folder, or an absolute path, and make sure the file is readable";
    const cases: {
      name: string;
      files?: Record<string, string>;
      rows: string;
      expected: (dir: string) => string[];
    }[] = [
      {
        name: 'a transcript file that does not exist',
        rows: 'missing.vtt,2024-01-15T15:00:00Z,,,\n',
        expected: (dir) => [
          `:2:file: "missing.vtt" names a transcript that does not exist (looked for ${join(dir, 'missing.vtt')}) — ${fileFix}`,
        ],
      },
      {
        name: 'a transcript path that cannot be read (a folder)',
        files: { 'folder.vtt/inside.vtt': GOOD_VTT },
        rows: 'folder.vtt,2024-01-15T15:00:00Z,,,\n',
        expected: (dir) => [
          `:2:file: "folder.vtt" names a transcript that cannot be read (EISDIR: ${join(dir, 'folder.vtt')}) — ${fileFix}`,
        ],
      },
      {
        name: 'a transcript that is not WebVTT',
        files: { 'call.srt.vtt': '1\n00:00:01,000 --> 00:00:02,000\nHi.\n' },
        rows: 'call.srt.vtt,2024-01-15T15:00:00Z,,,\n',
        expected: () => [
          ':2:file: "call.srt.vtt" names a transcript whose line 1 ("1") is not the WEBVTT header line, so the file is not WebVTT — export the transcript as WebVTT (.vtt) from Zoom or Teams; its first line is WEBVTT',
        ],
      },
      {
        name: 'a transcript with a malformed timing line, naming the line inside it',
        files: {
          'bad.vtt':
            'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHi.\n\n2\n00:00:02.000 --> 0:03\nBye.\n',
        },
        rows: 'call.vtt,2024-01-15T15:00:00Z,,,\nbad.vtt,2024-01-15T16:00:00Z,,,\n',
        expected: () => [
          `:3:file: "bad.vtt" names a transcript whose line 8 ("00:00:02.000 --> 0:03") is not a WebVTT cue timing line — ${timingFix}`,
        ],
      },
      {
        name: 'a row without a file or a time',
        rows: ',,"Acme, Inc.",,\n',
        expected: () => [
          ':2:file: is required but empty — fill in a value; this column may not be blank',
          ':2:start_time: is required but empty — fill in a value; this column may not be blank',
        ],
      },
      {
        name: 'a customer, rep and deal that match nothing (the importer’s reference check)',
        rows: 'call.vtt,2024-01-15T15:00:00Z,Umbrella Corp,pat@example.com,Big one\n',
        expected: () => [
          ':2:rep_id: "pat@example.com" names a rep that is neither in the store nor in this import — import the reps first, or name their file in the same retain import command',
          ':2:customer_id: "Umbrella Corp" names a customer that is neither in the store nor in this import — import the customers first, or name their file in the same retain import command',
          ':2:deal_id: "Big one" names a deal that is neither in the store nor in this import — import the deals first, or name their file in the same retain import command',
        ],
      },
    ];
    for (const testCase of cases) {
      it(`rejects ${testCase.name}`, async () => {
        await withTempStore(async (store, dir) => {
          await importCrm(store);
          for (const [name, content] of Object.entries(testCase.files ?? {})) {
            await mkdir(join(dir, name, '..'), { recursive: true });
            await writeFixture(dir, name, content);
          }
          const file = await writeManifest(dir, testCase.rows);
          const summary = await importExport(store, vttSource, 'conversations', file);
          expect(summary.sampleRejects.map(formatReject)).toEqual(
            testCase.expected(dir).map((line) => `${file}${line}`),
          );
          expect(summary.committed).toBe(false);
          expect(await store.query(`SELECT id FROM conversations`)).toEqual([]);
        });
      });
    }
  });

  it('refuses a customer or deal name two records share, naming both ids', async () => {
    await withTempStore(async (store, dir) => {
      await importCrm(store);
      await insertRows(store, 'customers', [
        { id: 'cus_9', name: 'ACME, Inc.', created_at: '2024-01-01 00:00:00' },
      ]);
      await insertRows(store, 'deals', [
        {
          id: 'deal_9',
          name: 'acme growth',
          owner_rep_id: 'rep_1',
          amount: '100',
          stage: 'proposal',
          status: 'open',
          created_at: '2024-01-01 00:00:00',
        },
      ]);
      const file = await writeManifest(
        dir,
        'call.vtt,2024-01-15T15:00:00Z,"Acme, Inc.",sam@example.com,Acme growth\n',
      );
      const summary = await importExport(store, vttSource, 'conversations', file);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:2:customer_name: "Acme, Inc." names 2 customers (cus_1, cus_9) — give each customer a unique name in Retain, or put its id in a customer_id column instead of "Acme, Inc."`,
        `${file}:2:deal_name: "Acme growth" names 2 deals (deal_1, deal_9) — give each deal a unique name in Retain, or put its id in a deal_id column instead of "Acme growth"`,
      ]);
      expect(await store.query(`SELECT id FROM conversations`)).toEqual([]);
    });
  });

  it('refuses a manifest without a file or time column as a whole, naming the columns it needs', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(dir, 'calls.csv', 'id,transcript\nc1,Jane: Hi.\n');
      const summary = await importExport(store, vttSource, 'conversations', file);
      const fix =
        "use the file from a manifest CSV with one row per call: a WebVTT call manifest has the columns file, occurred_at (columns found: id, transcript); for a file in Retain's own columns use --source native";
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:1:file: is missing from the header, so this is not a WebVTT call manifest; no row of this file was read — ${fix}`,
        `${file}:1:occurred_at: is missing from the header, so this is not a WebVTT call manifest; no row of this file was read — ${fix}`,
      ]);
    });
  });
});
