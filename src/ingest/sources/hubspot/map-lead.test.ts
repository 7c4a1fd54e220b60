import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExport } from '../../../../test/helpers/import-export.js';
import { withTempStore, writeFixture } from '../../../../test/helpers/temp-store.js';
import { findEntity } from '../../../domain/entities/index.js';
import { formatReject } from '../../../domain/reject.js';
import { importFiles } from '../../import-files.js';
import { hubspotSource } from './index.js';

const CONTACTS = join(import.meta.dirname, 'fixtures/contacts.csv');
const REPS = join(import.meta.dirname, '../../../../test/fixtures/canonical/reps.csv');

describe('HubSpot contacts export → leads', () => {
  it('maps names, companies, sources, owners and lead statuses', async () => {
    await withTempStore(async (store) => {
      const reps = findEntity('reps');
      if (reps === undefined) throw new Error('no reps entity');
      await importFiles(store, { inputs: [{ entity: reps, file: REPS }] });
      const summary = await importExport(store, hubspotSource, 'leads', CONTACTS);
      expect(summary.rejectedRows).toBe(0);
      expect(
        await store.query(
          `SELECT id, name, company, source, created_at, owner_rep_id, status FROM leads ORDER BY id`,
        ),
      ).toEqual([
        // Lifecycle Stage Customer wins over the lead status: converted.
        {
          id: '501',
          name: 'Ada Lovelace',
          company: 'Acme, Inc.',
          source: 'Organic Search',
          created_at: '2023-12-18T10:05:00Z',
          owner_rep_id: 'rep_1',
          status: 'converted',
        },
        {
          id: '502',
          name: 'Grace Hopper',
          company: 'Birch Labs',
          source: 'Referrals',
          created_at: '2023-10-02T08:31:00Z',
          owner_rep_id: 'rep_1',
          status: 'qualified',
        },
        {
          id: '503',
          name: 'Alan Turing',
          company: 'Cedar & Co',
          source: 'Paid Search',
          created_at: '2024-01-15T14:26:00Z',
          owner_rep_id: 'rep_2',
          status: 'contacted',
        },
        // No name: the e-mail names the lead.
        {
          id: '504',
          name: 'info@unknown.example',
          company: null,
          source: 'Offline Sources',
          created_at: '2024-02-02T12:00:00Z',
          owner_rep_id: null,
          status: 'disqualified',
        },
        {
          id: '505',
          name: 'Katherine Johnson',
          company: null,
          source: 'Direct Traffic',
          created_at: '2024-03-20T08:00:00Z',
          owner_rep_id: null,
          status: null,
        },
      ]);
      const [ada] = await store.query<{ attributes: string }>(
        `SELECT attributes FROM leads WHERE id = '501'`,
      );
      expect(JSON.parse(ada?.attributes ?? '{}')).toEqual({
        email: 'ada@acme.example',
        primary_associated_company_id: '9811200001',
        last_activity_date: '2024-03-14 15:00',
        lead_status: 'Open Deal',
        marketing_contact_status: 'Marketing contact',
        lifecycle_stage: 'Customer',
      });
    });
  });

  it('refuses a companies export passed as contacts', async () => {
    await withTempStore(async (store, dir) => {
      const file = await writeFixture(
        dir,
        'contacts.csv',
        'Record ID,Company name,Create Date\n1,Acme,2024-01-01\n',
      );
      const summary = await importExport(store, hubspotSource, 'leads', file);
      expect(summary.sampleRejects.map(formatReject)).toEqual([
        `${file}:1:Email: is missing from the header, so this is not a HubSpot contacts export; no row of this file was read — use the file from HubSpot (CRM → Contacts → Export, CSV): a HubSpot contacts export has the columns Record ID, Email, Create Date (columns found: record_id, company_name, create_date); for a file in Retain's own columns use --source native`,
      ]);
    });
  });
});
