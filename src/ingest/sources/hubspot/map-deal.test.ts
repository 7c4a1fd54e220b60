import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { findEntity } from '../../../domain/entities/index.js';
import { formatReject } from '../../../domain/reject.js';
import type { Store } from '../../../store/store.js';
import { importFiles } from '../../import-files.js';
import { hubspotSource } from './index.js';

const DEALS = join(import.meta.dirname, 'fixtures/deals.csv');
/** Maria Manager (rep_m), Sam Seller (rep_1, sam@example.com), Dana Dialer (rep_2, dana@example.com). */
const REPS = join(import.meta.dirname, '../../../../test/fixtures/canonical/reps.csv');
const HEADER =
  'Record ID,Deal Name,Amount,Deal Stage,Close Date,Deal Owner,Company Name (Associated Company),Pipeline,Create Date\n';

async function importReps(store: Store): Promise<void> {
  const reps = findEntity('reps');
  if (reps === undefined) throw new Error('no reps entity');
  await importFiles(store, { inputs: [{ entity: reps, file: REPS }] });
}

describe('HubSpot deals export → deals', () => {
  it('maps stages to open, won and lost, owners to reps, and Close Date by status', async () => {
    await withTempStore(async (store) => {
      await importReps(store);
      const summary = await importExport(store, hubspotSource, 'deals', DEALS);
      expect(summary.rejectedRows).toBe(0);
      expect(
        await store.query(
          `SELECT id, name, owner_rep_id, amount, currency, stage, status, created_at, closed_at,
                  expected_close_at, lost_reason, kind
           FROM deals ORDER BY id`,
        ),
      ).toEqual([
        {
          id: '15724503001',
          name: 'Acme - Pro annual',
          owner_rep_id: 'rep_1',
          amount: '12000',
          currency: 'USD',
          stage: 'Closed Won',
          status: 'won',
          created_at: '2024-01-08T09:15:00Z',
          closed_at: '2024-03-14T16:02:00Z',
          expected_close_at: null,
          lost_reason: null,
          kind: 'new_business',
        },
        // Open: its Close Date is the forecast. "Existing Business" may be a renewal or an expansion.
        {
          id: '15724503002',
          name: 'Birch - more seats',
          owner_rep_id: 'rep_1',
          amount: '4800',
          currency: 'USD',
          stage: 'Contract Sent',
          status: 'open',
          created_at: '2024-02-20T11:00:00Z',
          closed_at: null,
          expected_close_at: '2024-04-30T00:00:00Z',
          lost_reason: null,
          kind: null,
        },
        // The owner by e-mail.
        {
          id: '15724503003',
          name: 'Cedar - team plan',
          owner_rep_id: 'rep_2',
          amount: '2400.5',
          currency: 'USD',
          stage: 'Closed Lost',
          status: 'lost',
          created_at: '2024-01-15T14:30:00Z',
          closed_at: '2024-03-02T10:00:00Z',
          expected_close_at: null,
          lost_reason: 'Went with a competitor',
          kind: 'new_business',
        },
        {
          id: '15724503004',
          name: 'Delta renewal 2024',
          owner_rep_id: 'rep_m',
          amount: '1200',
          currency: 'USD',
          stage: 'Appointment Scheduled',
          status: 'open',
          created_at: '2024-03-01T09:00:00Z',
          closed_at: null,
          expected_close_at: '2024-06-30T00:00:00Z',
          lost_reason: null,
          kind: 'renewal',
        },
        // The owner as "Name (e-mail)".
        {
          id: '15724503005',
          name: 'Fir - add-on upsell',
          owner_rep_id: 'rep_1',
          amount: '900',
          currency: 'USD',
          stage: 'Decision Maker Bought-In',
          status: 'open',
          created_at: '2024-03-12T16:20:00Z',
          closed_at: null,
          expected_close_at: '2024-05-15T00:00:00Z',
          lost_reason: null,
          kind: 'expansion',
        },
      ]);
      const [acme] = await store.query<{ attributes: string }>(
        `SELECT attributes FROM deals WHERE id = '15724503001'`,
      );
      expect(JSON.parse(acme?.attributes ?? '{}')).toEqual({
        company_name_associated_company: 'Acme, Inc.',
        pipeline: 'Sales Pipeline',
        deal_type: 'New Business',
        closed_won_reason: 'Strong ROI case, champion in finance',
        deal_probability: '1',
        forecast_category: 'Closed won',
        amount_in_company_currency: '12000',
        days_to_close: '66',
        last_activity_date: '2024-03-14 15:00',
        number_of_sales_activities: '14',
      });
    });
  });

  it('lets the Is Closed Won and Is Deal Closed? columns decide for custom stages', async () => {
    await withTempStore(async (store, dir) => {
      await importReps(store);
      const file = await writeFixture(
        dir,
        'deals.csv',
        'Record ID,Deal Name,Amount,Deal Stage,Close Date,Deal Owner,Create Date,Is Closed Won,Is Deal Closed?\n' +
          '1,Signed,100,Signed - onboarding,2024-03-01,Sam Seller,2024-01-01,true,true\n' +
          '2,Dropped,100,No decision,2024-03-01,Sam Seller,2024-01-01,false,true\n' +
          '3,Talking,100,Closed Won (needs review),2024-03-01,Sam Seller,2024-01-01,false,false\n',
      );
      await importExport(store, hubspotSource, 'deals', file);
      expect(await store.query(`SELECT id, status, closed_at FROM deals ORDER BY id`)).toEqual([
        { id: '1', status: 'won', closed_at: '2024-03-01T00:00:00Z' },
        { id: '2', status: 'lost', closed_at: '2024-03-01T00:00:00Z' },
        { id: '3', status: 'open', closed_at: null },
      ]);
    });
  });

  it('accepts US dates with a 12-hour time, as US-locale portals export them', async () => {
    await withTempStore(async (store, dir) => {
      await importReps(store);
      const file = await writeFixture(
        dir,
        'deals.csv',
        `${HEADER}7,Won in March,"1,500.00",closedwon,3/14/2024 4:02 PM,Sam Seller,,Sales Pipeline,1/8/2024\n`,
      );
      await importExport(store, hubspotSource, 'deals', file);
      expect(await store.query(`SELECT amount, status, created_at, closed_at FROM deals`)).toEqual([
        {
          amount: '1500',
          status: 'won',
          created_at: '2024-01-08T00:00:00Z',
          closed_at: '2024-03-14T16:02:00Z',
        },
      ]);
    });
  });

  describe('rejects what it cannot map, and writes nothing', () => {
    const cases: { name: string; rows: string; expected: string[] }[] = [
      {
        name: 'an owner who is not a rep (the importer’s reference check)',
        rows: '8,Deal,100,Contract Sent,2024-04-30,Pat Unknown,,Sales Pipeline,2024-01-01\n',
        expected: [
          ':2:owner_rep_id: "Pat Unknown" names a rep that is neither in the store nor in this import — import the reps first, or name their file in the same retain import command',
        ],
      },
      {
        name: 'a deal without an amount or an owner',
        rows: '8,Deal,,Contract Sent,2024-04-30,,,Sales Pipeline,2024-01-01\n',
        expected: [
          ':2:deal_owner: is required but empty — fill in a value; this column may not be blank',
          ':2:amount: is required but empty — fill in a value; this column may not be blank',
        ],
      },
      {
        name: 'a day-first date and a date that is not one',
        rows: '8,Deal,100,Contract Sent,31/12/2024,Sam Seller,,Sales Pipeline,next week\n',
        expected: [
          ':2:close_date: "31/12/2024" is not a calendar date — use the date as the export prints it, M/D/YYYY (US) or YYYY-MM-DD, e.g. 3/1/2024 or 2024-03-01, optionally with a time such as 2:05 PM',
          ':2:create_date: "next week" is not a date in M/D/YYYY or YYYY-MM-DD form — use the date as the export prints it, M/D/YYYY (US) or YYYY-MM-DD, e.g. 3/1/2024 or 2024-03-01, optionally with a time such as 2:05 PM',
        ],
      },
    ];
    for (const testCase of cases) {
      it(`rejects ${testCase.name}`, async () => {
        await withTempStore(async (store, dir) => {
          await importReps(store);
          const file = await writeFixture(dir, 'deals.csv', `${HEADER}${testCase.rows}`);
          const summary = await importExport(store, hubspotSource, 'deals', file);
          expect(summary.sampleRejects.map(formatReject)).toEqual(
            testCase.expected.map((line) => `${file}${line}`),
          );
          expect(summary.committed).toBe(false);
          expect(await store.query(`SELECT id FROM deals`)).toEqual([]);
        });
      });
    }
  });

  it('refuses an owner name two reps share, since no reference check could tell them apart', async () => {
    await withTempStore(async (store, dir) => {
      await importReps(store);
      await store.query(`INSERT INTO reps (id, name) VALUES ('rep_9', 'Sam Seller')`);
      const file = await writeFixture(
        dir,
        'deals.csv',
        `${HEADER}8,Deal,100,Contract Sent,2024-04-30,Sam Seller,,Sales Pipeline,2024-01-01\n`,
      );
      const summary = await importExport(store, hubspotSource, 'deals', file);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:2:deal_owner: "Sam Seller" names 2 reps (rep_1, rep_9) — give each rep a unique name in Retain, or export the owner's e-mail instead of "Sam Seller"`,
      ]);
    });
  });

  it('refuses a Salesforce report passed as a HubSpot deals export', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(
        dir,
        'deals.csv',
        'Opportunity Name,Account Name,Amount,Close Date,Stage,Opportunity Owner,Created Date\nBig,Acme,100,3/1/2024,Closed Won,Sam Seller,1/1/2024\n',
      );
      const summary = await importExport(store, hubspotSource, 'deals', file);
      expect(summary.sampleRejects.map((reject) => reject.column)).toEqual([
        'Record ID',
        'Deal Name',
        'Deal Stage',
        'Deal Owner',
        'Create Date',
      ]);
      expect(summary.sampleRejects[0]?.reason).toBe(
        'is missing from the header, so this is not a HubSpot deals export; no row of this file was read',
      );
    });
  });
});
