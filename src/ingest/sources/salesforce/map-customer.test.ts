import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { findEntity } from '../../../domain/entities/index.js';
import { formatReject } from '../../../domain/reject.js';
import type { Store } from '../../../store/store.js';
import { importFiles } from '../../import-files.js';
import { salesforceSource } from './index.js';

const ACCOUNTS = join(import.meta.dirname, 'fixtures/accounts.csv');
const REPS = join(import.meta.dirname, '../../../../test/fixtures/canonical/reps.csv');

async function importReps(store: Store): Promise<void> {
  const reps = findEntity('reps');
  if (reps === undefined) throw new Error('no reps entity');
  await importFiles(store, { inputs: [{ entity: reps, file: REPS }] });
}

describe('Salesforce account report export → customers', () => {
  it('imports each account, named by its Account Name when the report has no Account ID', async () => {
    await withTempStore(async (store) => {
      await importReps(store);
      const summary = await importExport(store, salesforceSource, 'customers', ACCOUNTS);
      expect(summary.rejectedRows).toBe(0);
      expect(
        await store.query(
          `SELECT id, name, created_at, industry, owner_rep_id FROM customers ORDER BY id`,
        ),
      ).toEqual([
        {
          id: 'Acme, Inc.',
          name: 'Acme, Inc.',
          created_at: '2023-12-18T00:00:00Z',
          industry: 'Technology',
          owner_rep_id: 'rep_1',
        },
        {
          id: 'Birch Labs',
          name: 'Birch Labs',
          created_at: '2023-10-02T00:00:00Z',
          industry: 'Biotechnology',
          owner_rep_id: 'rep_1',
        },
        {
          id: 'Cedar & Co',
          name: 'Cedar & Co',
          created_at: '2024-01-15T00:00:00Z',
          industry: 'Retail',
          owner_rep_id: null,
        },
      ]);
      const [acme] = await store.query<{ attributes: string }>(
        `SELECT attributes FROM customers WHERE id = 'Acme, Inc.'`,
      );
      expect(JSON.parse(acme?.attributes ?? '{}')).toEqual({
        type: 'Customer - Direct',
        billing_country: 'United States',
        annual_revenue: '12000000',
        employees: '120',
        last_activity: '3/14/2024',
      });
    });
  });

  it('links opportunities to accounts through the Account ID when both reports have it', async () => {
    await withTempStore(async (store, dir) => {
      await importReps(store);
      const accounts = await writeFixture(
        dir,
        'accounts.csv',
        '"Account ID","Account Name","Account Owner","Created Date"\n"0015g00000XyZaBAAV","Acme, Inc.","Sam Seller","12/18/2023"\n',
      );
      const opportunities = await writeFixture(
        dir,
        'opportunities.csv',
        '"Opportunity ID","Opportunity Name","Account ID","Account Name","Stage","Amount","Close Date","Created Date","Opportunity Owner"\n' +
          '"0065g00000AbCdEAAV","Acme - Platform","0015g00000XyZaBAAV","Acme, Inc.","Closed Won","24000","3/14/2024","1/8/2024","Sam Seller"\n' +
          '"0065g00000AbCdFAAV","Ghost - Pilot","0015g00000NoSuchAV","Ghost Ltd","Prospecting","100","5/1/2024","3/1/2024","Sam Seller"\n',
      );
      await importExport(store, salesforceSource, 'customers', accounts);
      const summary = await importExport(store, salesforceSource, 'deals', opportunities);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${opportunities}:3:customer_id: "0015g00000NoSuchAV" names a customer that is neither in the store nor in this import — import the customers first, or name their file in the same retain import command`,
      ]);
    });
  });
});
